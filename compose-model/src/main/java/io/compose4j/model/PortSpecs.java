package io.compose4j.model;

import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Docker's short port syntax ({@code docker/go-connections} nat rules), expanded like {@code docker
 * stack}.
 */
final class PortSpecs {
  private PortSpecs() {}

  static List<PortMapping> parse(String raw, long maxMappings) {
    if (raw == null || raw.isEmpty()) {
      throw invalid(raw, "the port is empty");
    }
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String ip;
    String hostPort;
    String containerPort = parts[n - 1];
    switch (n) {
      case 1 -> {
        ip = "";
        hostPort = "";
      }
      case 2 -> {
        ip = "";
        hostPort = parts[0];
      }
      case 3 -> {
        ip = parts[0];
        hostPort = parts[1];
      }
      default -> {
        ip = String.join(":", Arrays.copyOfRange(parts, 0, n - 2));
        hostPort = parts[n - 2];
      }
    }
    String proto = "tcp";
    int slash = containerPort.indexOf('/');
    if (slash >= 0) {
      String p = containerPort.substring(slash + 1);
      containerPort = containerPort.substring(0, slash);
      if (!p.isEmpty()) {
        proto = p;
      }
    }
    if (ip.startsWith("[")) {
      if (!ip.endsWith("]")) {
        throw invalid(raw, "invalid IP address " + ip);
      }
      ip = ip.substring(1, ip.length() - 1);
    }
    if (!ip.isEmpty() && !isIp(ip)) {
      throw invalid(raw, "invalid IP address: " + ip);
    }
    if (containerPort.isEmpty()) {
      throw invalid(raw, "no container port specified");
    }
    long[] cr = range(containerPort, raw, "container port");
    long[] hr = hostPort.isEmpty() ? new long[] {0, 0} : range(hostPort, raw, "host port");
    if (!hostPort.isEmpty() && (cr[1] - cr[0]) != (hr[1] - hr[0]) && cr[1] != cr[0]) {
      throw invalid(
          raw,
          "invalid ranges specified for container and host ports: "
              + containerPort
              + " and "
              + hostPort);
    }
    String protocol = proto.toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
      throw invalid(raw, "invalid protocol: " + proto);
    }
    long count = (!hostPort.isEmpty() && cr[0] == cr[1]) ? hr[1] - hr[0] + 1 : cr[1] - cr[0] + 1;
    if (count > maxMappings) {
      throw new PortMapping.TooManyPortsException(raw, count);
    }
    // Docker keys the result by "port/proto" strings and emits them in string order.
    TreeMap<String, List<PortMapping>> byKey = new TreeMap<>();
    for (long i = 0; i <= cr[1] - cr[0]; i++) {
      int target = (int) (cr[0] + i);
      List<PortMapping> out = new ArrayList<>();
      if (hostPort.isEmpty()) {
        out.add(mapping(target, null, ip, protocol));
      } else if (cr[0] == cr[1] && hr[0] != hr[1]) {
        for (long h = hr[0]; h <= hr[1]; h++) {
          out.add(mapping(target, Long.toString(h), ip, protocol));
        }
      } else {
        long h = hr[0] + i;
        out.add(mapping(target, h == 0 ? null : Long.toString(h), ip, protocol));
      }
      byKey.put(target + "/" + protocol, out);
    }
    List<PortMapping> result = new ArrayList<>();
    byKey.values().forEach(result::addAll);
    return result;
  }

  private static PortMapping mapping(int target, String published, String ip, String protocol) {
    PortMapping.Builder b = PortMapping.builder().target(target).protocol(protocol).mode("ingress");
    if (published != null) {
      b.published(published);
    }
    if (!ip.isEmpty()) {
      b.hostIp(ip);
    }
    return b.build();
  }

  private static long[] range(String text, String raw, String what) {
    int dash = text.indexOf('-');
    try {
      if (dash < 0) {
        long p = port(text);
        return new long[] {p, p};
      }
      long start = port(text.substring(0, dash));
      long end = port(text.substring(dash + 1));
      if (end < start) {
        throw invalid(raw, "invalid " + what + " range: " + text);
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      throw invalid(raw, "invalid " + what + ": " + text);
    }
  }

  private static long port(String s) {
    if (s.isEmpty()) {
      throw new NumberFormatException(s);
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        throw new NumberFormatException(s);
      }
    }
    long v = Long.parseLong(s);
    if (v > 65535) {
      throw new NumberFormatException(s);
    }
    return v;
  }

  static boolean isIp(String s) {
    if (IPV4.matches(s)) {
      for (String part : s.split("\\.", -1)) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return s.contains(":") && IPV6_CHARS.matches(s) && !s.contains(":::");
  }

  private static final Rx IPV4 = Rx.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private static final Rx IPV6_CHARS = Rx.compile("[0-9a-fA-F:.]+");

  private static IllegalArgumentException invalid(String raw, String why) {
    return new IllegalArgumentException(
        "invalid port \""
            + raw
            + "\": "
            + why
            + " (use [host_ip:][published:]target[/protocol], for example 8080:80 or 53:53/udp)");
  }
}
