package io.compose4j.model;

import java.util.ArrayList;
import java.util.List;

/** Docker's short volume syntax ({@code docker/cli} volumespec rules). */
final class VolumeSpecs {
  private static final List<String> PROPAGATION =
      List.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

  private VolumeSpecs() {}

  private static final class Parts {
    String source = "";
    String target = "";
    String options;
  }

  private static Parts split(String spec) {
    if (spec == null || spec.isEmpty()) {
      throw invalid(spec, "the volume is empty");
    }
    Parts p = new Parts();
    if (spec.length() <= 2) {
      p.target = spec;
      return p;
    }
    StringBuilder buf = new StringBuilder();
    String text = spec + "\0";
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean windowsDrive = c == ':' && buf.length() == 1 && Character.isLetter(buf.charAt(0));
      if (windowsDrive) {
        buf.append(c);
      } else if (c == ':' || c == '\0') {
        String s = buf.toString();
        if (s.isEmpty()) {
          throw invalid(spec, "empty section between colons");
        } else if (p.source.isEmpty() && c == '\0') {
          p.target = s;
        } else if (p.source.isEmpty()) {
          p.source = s;
        } else if (p.target.isEmpty()) {
          p.target = s;
        } else if (c == ':') {
          throw invalid(spec, "too many colons");
        } else {
          p.options = s;
        }
        buf.setLength(0);
      } else {
        buf.append(c);
      }
    }
    return p;
  }

  static Mount parse(String spec) {
    Parts p = split(spec);
    String type;
    if (p.source.isEmpty()) {
      type = "volume";
    } else if (isFilePath(p.source)) {
      type = "bind";
    } else {
      type = "volume";
    }
    Mount.Builder b = Mount.builder().type(type).target(p.target);
    if (!p.source.isEmpty()) {
      b.source(p.source);
    }
    if (p.options != null) {
      MountBind.Builder bind = null;
      // limit 0, as before: a trailing comma adds no empty option
      for (String option : p.options.split(",", 0)) {
        switch (option) {
          case "ro" -> b.readOnly(true);
          case "rw" -> b.readOnly(false);
          case "nocopy" -> b.volume(MountVolume.builder().nocopy(true).build());
          case "z", "Z" -> {
            if (type.equals("bind")) {
              bind = bind == null ? MountBind.builder() : bind;
              bind.selinux(option);
            }
          }
          default -> {
            if (PROPAGATION.contains(option)) {
              bind = bind == null ? MountBind.builder() : bind;
              bind.propagation(option);
            }
          }
        }
      }
      if (bind != null) {
        b.bind(bind.build());
      }
    }
    return b.build();
  }

  static List<String> ignoredOptions(String spec) {
    Parts p = split(spec);
    List<String> ignored = new ArrayList<>();
    boolean bind = !p.source.isEmpty() && isFilePath(p.source);
    if (p.options != null) {
      // limit 0, as before: a trailing comma adds no empty option
      for (String option : p.options.split(",", 0)) {
        boolean selinux = option.equals("z") || option.equals("Z");
        if ((selinux && !bind)
            || (!selinux
                && !List.of("ro", "rw", "nocopy").contains(option)
                && !PROPAGATION.contains(option))) {
          ignored.add(option);
        }
      }
    }
    return ignored;
  }

  private static boolean isFilePath(String source) {
    char c = source.charAt(0);
    if (c == '.' || c == '/' || c == '~') {
      return true;
    }
    if (source.startsWith("\\\\")) {
      return true;
    }
    return source.length() >= 2 && Character.isLetter(c) && source.charAt(1) == ':';
  }

  private static IllegalArgumentException invalid(String spec, String why) {
    return new IllegalArgumentException(
        "invalid volume \""
            + spec
            + "\": "
            + why
            + " (use [source:]target[:options], for example data:/var/lib/data or ./conf:/etc/app:ro)");
  }
}
