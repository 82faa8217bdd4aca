package io.compose4j.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class LambdaDesugarTest {
  private static final String PREFIX = "io/compose4j/build/LambdaFixture";

  /** The fixture's classes (it and its nested types) by internal name, as javac wrote them. */
  private static Map<String, byte[]> fixtureClasses() throws IOException {
    Path dir =
        Path.of(
            LambdaFixture.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
            "io/compose4j/build");
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (file.startsWith("LambdaFixture") && file.endsWith(".class")) {
          classes.put(
              "io/compose4j/build/" + file.substring(0, file.length() - ".class".length()),
              Files.readAllBytes(f));
        }
      }
    }
    return classes;
  }

  /** Loads classes from bytes first, the rest from the test's class path. */
  private static final class BytesLoader extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();
    final List<String> defined = new ArrayList<>();

    BytesLoader(Map<String, byte[]> classes) {
      super(LambdaDesugarTest.class.getClassLoader());
      classes.forEach((name, bytes) -> this.classes.put(name.replace('/', '.'), bytes));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] b = classes.get(name);
          if (b != null) {
            defined.add(name);
            c = defineClass(name, b, 0, b.length);
          } else {
            c = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  private static String runFixture(Map<String, byte[]> classes) throws Exception {
    return runFixture(new BytesLoader(classes));
  }

  private static String runFixture(BytesLoader loader) throws Exception {
    Class<?> fixture = loader.loadClass("io.compose4j.build.LambdaFixture");
    Method run = fixture.getMethod("run");
    return (String) run.invoke(null);
  }

  /** The metafactory call sites of some classes. */
  private static List<String> metafactorySites(Map<String, byte[]> classes) {
    List<String> sites = new ArrayList<>();
    classes.forEach(
        (name, bytes) ->
            new ClassReader(bytes)
                .accept(
                    new ClassVisitor(Opcodes.ASM9) {
                      @Override
                      public MethodVisitor visitMethod(
                          int access, String m, String d, String s, String[] e) {
                        return new MethodVisitor(Opcodes.ASM9) {
                          @Override
                          public void visitInvokeDynamicInsn(
                              String n, String desc, Handle bsm, Object... args) {
                            if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                              sites.add(name + "." + m + " " + bsm.getName());
                            }
                          }
                        };
                      }
                    },
                    0));
    return sites;
  }

  private static Map<String, byte[]> afterDesugaring(Map<String, byte[]> classes) {
    LambdaDesugar.Output out = LambdaDesugar.desugar(classes);
    Map<String, byte[]> all = new LinkedHashMap<>(classes);
    all.putAll(out.classes());
    out.added().values().forEach(all::putAll);
    return all;
  }

  @Test
  void everyKindOfLambdaBehavesTheSameAfterDesugaring() throws Exception {
    Map<String, byte[]> original = fixtureClasses();
    String expected = runFixture(original);
    assertThat(expected.lines()).hasSizeGreaterThan(35).contains("bridge hey! ho!", "marker true");
    BytesLoader desugared = new BytesLoader(afterDesugaring(original));
    String actual = runFixture(desugared);
    assertThat(actual).isEqualTo(expected);
    // the lambdas ran as the new classes, the sites of one shape sharing a class
    long classes = desugared.defined.stream().filter(n -> n.contains("$$Lambda")).count();
    int sites = LambdaDesugar.desugar(original).result().sites();
    assertThat(classes).isGreaterThan(20).isLessThan(sites);
  }

  @Test
  void onlyTheSerializableLambdaIsLeftToTheMetafactory() throws IOException {
    Map<String, byte[]> original = fixtureClasses();
    assertThat(metafactorySites(original)).hasSizeGreaterThan(40);
    Map<String, byte[]> after = afterDesugaring(original);
    // the serializable lambda's site, and the same in the method that deserializes it
    assertThat(metafactorySites(after))
        .containsExactly(
            PREFIX + ".cases altMetafactory", PREFIX + ".$deserializeLambda$ altMetafactory");
    LambdaDesugar.Result r = LambdaDesugar.desugar(original).result();
    assertThat(r.kept()).isEqualTo(2);
    assertThat(r.sites()).isEqualTo(metafactorySites(original).size() - 2);
  }

  @Test
  void theNewClassesJoinTheirHostsNest() throws Exception {
    Map<String, byte[]> after = afterDesugaring(fixtureClasses());
    Class<?> outer = new BytesLoader(after).loadClass("io.compose4j.build.LambdaFixture");
    List<String> members =
        Stream.of(outer.getNestMembers())
            .map(Class::getName)
            .filter(n -> n.contains("$$Lambda"))
            .toList();
    // the lambdas of the nested classes (the enum, the record, Inner, the interface) are in the
    // outer class's nest too
    assertThat(members)
        .contains(
            "io.compose4j.build.LambdaFixture$$Lambda1",
            "io.compose4j.build.LambdaFixture$Op$$Lambda1",
            "io.compose4j.build.LambdaFixture$Inner$$Lambda1",
            "io.compose4j.build.LambdaFixture$Greeter$$Lambda1");
  }

  @Test
  void aNameTheInputAlreadyHasIsNotGivenAgain() throws Exception {
    Map<String, byte[]> original = fixtureClasses();
    Map<String, byte[]> input = new LinkedHashMap<>(original);
    // a class that takes the first name the host's lambdas would get (its bytes: any class
    // without lambdas, here the marker interface; only its name counts)
    input.put(PREFIX + "$$Lambda1", original.get(PREFIX + "$Marker"));
    LambdaDesugar.Output out = LambdaDesugar.desugar(input);
    Map<String, byte[]> made = out.added().get(PREFIX);
    assertThat(made).doesNotContainKey(PREFIX + "$$Lambda1");
    assertThat(made).hasSameSizeAs(LambdaDesugar.desugar(original).added().get(PREFIX));
    Map<String, byte[]> all = new LinkedHashMap<>(original);
    all.putAll(out.classes());
    out.added().values().forEach(all::putAll);
    assertThat(runFixture(all)).isEqualTo(runFixture(original));
  }

  @Test
  void aJarIsRewrittenInPlaceWithItsOrderAndTimesAndTheSameBytesTwice(@TempDir Path dir)
      throws Exception {
    Map<String, byte[]> classes = fixtureClasses();
    Path jar = dir.resolve("a.jar");
    long time = 1_700_000_000_000L;
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      JarEntry readme = new JarEntry("README.txt");
      readme.setTime(time);
      out.putNextEntry(readme);
      out.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> c : classes.entrySet()) {
        JarEntry e = new JarEntry(c.getKey() + ".class");
        e.setTime(time);
        out.putNextEntry(e);
        out.write(c.getValue());
      }
    }
    Path copy = dir.resolve("b.jar");
    Files.copy(jar, copy);
    LambdaDesugar.Result r = LambdaDesugar.desugarJar(jar, List.of("io/compose4j/"));
    LambdaDesugar.desugarJar(copy, List.of("io/compose4j/"));
    assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(copy));
    assertThat(r.sites()).isGreaterThan(40);
    Map<String, byte[]> read = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> it = j.entries();
      while (it.hasMoreElements()) {
        JarEntry e = it.nextElement();
        names.add(e.getName());
        assertThat(e.getTime()).as(e.getName()).isEqualTo(time);
        try (InputStream in = j.getInputStream(e)) {
          if (e.getName().endsWith(".class")) {
            read.put(e.getName().substring(0, e.getName().length() - 6), in.readAllBytes());
          }
        }
      }
    }
    assertThat(names.get(0)).isEqualTo("README.txt");
    int host = names.indexOf(PREFIX + ".class");
    assertThat(names.get(host + 1)).isEqualTo(PREFIX + "$$Lambda1.class");
    assertThat(names.subList(0, host))
        .as("the classes before the host, each followed by its own")
        .allMatch(n -> n.equals("README.txt") || !n.startsWith(PREFIX + "$$"));
    assertThat(runFixture(read)).isEqualTo(runFixture(classes));
    // classes outside the prefixes are left alone
    Path other = dir.resolve("c.jar");
    Files.copy(copy, other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(LambdaDesugar.desugarJar(other, List.of("org/")).sites()).isZero();
  }
}
