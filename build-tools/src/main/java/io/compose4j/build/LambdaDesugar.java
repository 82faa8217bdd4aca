package io.compose4j.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turns the lambdas and method references of compiled classes into ordinary classes (one per host
 * class and shape of lambda), as a build step of the command-line jar.
 *
 * <p>Why: {@code javac} compiles a lambda to an {@code invokedynamic} that {@link
 * java.lang.invoke.LambdaMetafactory} links at its first run, and on Java 17 that costs about 60
 * microseconds per call site even when the class-data-sharing archive holds the generated class. A
 * short run of the CLI linked about 600 of them (the validator's rules). An ordinary class, loaded
 * from the same archive, costs about a sixth. Java 24 and later resolve the call sites ahead of
 * time in their cache, where both cost next to nothing.
 *
 * <p>What it does, per call site of {@code LambdaMetafactory.metafactory} (and of {@code
 * altMetafactory} with marker interfaces or bridges, not for serializable lambdas, which stay as
 * they are): the sites of one host that share a shape (interface, method, markers, bridges and the
 * types of the captured values) become one final class {@code Host$$Lambda<n>} in the host's
 * package and nest (so that it may call the host's private {@code lambda$} methods, as the JDK's
 * generated class does), with a field per captured value and an id; its interface method (and its
 * bridges) switches on the id to the site's call, converting arguments and result as the
 * metafactory does (casts, boxing, unboxing, primitive widening). A capturing site calls the
 * class's static factory with its id; a site that captures nothing reads its one shared instance
 * (as the metafactory makes it) from a static field. The host's nest host lists the new classes.
 * Sharing classes matters as much as avoiding the metafactory: each class loaded at a short run's
 * start costs about 30 microseconds (918 call sites in the CLI's jar, 399 classes).
 *
 * <p>Usage: {@code LambdaDesugar JAR PACKAGE-PREFIX...}: rewrites the jar in place, only the
 * classes under the given prefixes (for example {@code io/compose4j/}); entries keep their order
 * and times, the new classes follow their host, so the output is as reproducible as the input.
 */
public final class LambdaDesugar {
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final int FLAG_SERIALIZABLE = 1;
  private static final int FLAG_MARKERS = 2;
  private static final int FLAG_BRIDGES = 4;

  private LambdaDesugar() {}

  /** Rewrites a jar in place (see the class comment). */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LambdaDesugar JAR PACKAGE-PREFIX...");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    List<String> prefixes = List.of(args).subList(1, args.length);
    Result r = desugarJar(jar, prefixes);
    System.out.println(
        "LambdaDesugar: "
            + jar.getFileName()
            + ": "
            + r.sites()
            + " lambda call sites in "
            + r.hosts()
            + " classes became "
            + r.classes()
            + " classes of their own; "
            + r.kept()
            + " left to the metafactory");
  }

  /** What a run changed. */
  public record Result(int hosts, int sites, int classes, int kept) {}

  /** Rewrites a jar in place: the classes under the prefixes. */
  public static Result desugarJar(Path jar, List<String> prefixes) throws IOException {
    Map<String, ZipEntry> entries = new LinkedHashMap<>();
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var it = zip.entries();
      while (it.hasMoreElements()) {
        ZipEntry e = it.nextElement();
        entries.put(e.getName(), e);
        try (InputStream in = zip.getInputStream(e)) {
          contents.put(e.getName(), in.readAllBytes());
        }
      }
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    contents.forEach(
        (name, bytes) -> {
          if (name.endsWith(".class")
              && !name.endsWith("module-info.class")
              && !name.startsWith("META-INF/")
              && prefixes.stream().anyMatch(name::startsWith)) {
            classes.put(name.substring(0, name.length() - ".class".length()), bytes);
          }
        });
    Output out = desugar(classes);
    Path tmp = jar.resolveSibling(jar.getFileName() + ".desugar.tmp");
    try (OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
        String name = e.getKey();
        ZipEntry old = e.getValue();
        String internal =
            name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : null;
        byte[] bytes =
            internal != null && out.classes().containsKey(internal)
                ? out.classes().get(internal)
                : contents.get(name);
        write(zip, name, old, bytes);
        if (internal != null) {
          for (Map.Entry<String, byte[]> added :
              out.added().getOrDefault(internal, Map.of()).entrySet()) {
            write(zip, added.getKey() + ".class", old, added.getValue());
          }
        }
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    return out.result();
  }

  private static void write(ZipOutputStream zip, String name, ZipEntry like, byte[] bytes)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(like.getTime());
    if (like.getLastModifiedTime() != null) {
      e.setLastModifiedTime(like.getLastModifiedTime());
    }
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /**
   * The classes after the rewrite: the changed ones by name, and the new ones by host (in call-site
   * order).
   */
  public record Output(
      Map<String, byte[]> classes, Map<String, Map<String, byte[]>> added, Result result) {}

  /**
   * Rewrites classes given by internal name; returns the changed classes (hosts and nest hosts) and
   * the new ones. Classes without a lambda are returned unchanged.
   */
  public static Output desugar(Map<String, byte[]> classes) {
    Map<String, byte[]> changed = new TreeMap<>();
    Map<String, Map<String, byte[]>> added = new LinkedHashMap<>();
    Map<String, List<String>> newMembers = new LinkedHashMap<>();
    int hosts = 0;
    int sites = 0;
    int made = 0;
    int kept = 0;
    for (Map.Entry<String, byte[]> c : classes.entrySet()) {
      Host host = new Host(new ClassReader(c.getValue()), classes.keySet());
      kept += host.kept;
      if (host.generated.isEmpty()) {
        continue;
      }
      hosts++;
      sites += host.sites;
      made += host.generated.size();
      changed.put(c.getKey(), host.bytes);
      added.put(c.getKey(), host.generated);
      newMembers
          .computeIfAbsent(host.nestHost, k -> new ArrayList<>())
          .addAll(host.generated.keySet());
    }
    for (Map.Entry<String, List<String>> n : newMembers.entrySet()) {
      String nestHost = n.getKey();
      byte[] bytes = changed.containsKey(nestHost) ? changed.get(nestHost) : classes.get(nestHost);
      if (bytes == null) {
        throw new IllegalStateException(
            "the nest host " + nestHost + " is not among the classes rewritten");
      }
      changed.put(nestHost, addNestMembers(bytes, n.getValue()));
    }
    return new Output(changed, added, new Result(hosts, sites, made, kept));
  }

  private static byte[] addNestMembers(byte[] bytes, List<String> members) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visitEnd() {
            for (String m : members) {
              super.visitNestMember(m);
            }
            super.visitEnd();
          }
        },
        0);
    return writer.toByteArray();
  }

  /**
   * One class with lambda call sites: its rewritten bytes and the classes made for them, one per
   * {@link Site#shape() shape} (the sites of a shape share a class and are told apart by an id).
   */
  private static final class Host {
    final Map<String, byte[]> generated = new LinkedHashMap<>();
    final byte[] bytes;
    final Map<String, Group> groups = new LinkedHashMap<>();
    String name;
    String nestHost;
    int version;
    int kept;
    int sites;

    Host(ClassReader reader, Set<String> taken) {
      // the maximum stack is computed again: a capturing site pushes its id after its values
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      reader.accept(
          new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(
                int v,
                int access,
                String className,
                String signature,
                String superName,
                String[] interfaces) {
              name = className;
              nestHost = className;
              version = v;
              super.visit(v, access, className, signature, superName, interfaces);
            }

            @Override
            public void visitNestHost(String host) {
              nestHost = host;
              super.visitNestHost(host);
            }

            @Override
            public MethodVisitor visitMethod(
                int access, String method, String desc, String signature, String[] exceptions) {
              MethodVisitor mv = super.visitMethod(access, method, desc, signature, exceptions);
              return new MethodVisitor(Opcodes.ASM9, mv) {
                @Override
                public void visitInvokeDynamicInsn(
                    String samName, String desc, Handle bsm, Object... bsmArgs) {
                  Site site = Site.of(name, samName, desc, bsm, bsmArgs);
                  if (site == null) {
                    if (bsm.getOwner().equals(METAFACTORY)) {
                      kept++;
                    }
                    super.visitInvokeDynamicInsn(samName, desc, bsm, bsmArgs);
                    return;
                  }
                  sites++;
                  Group group =
                      groups.computeIfAbsent(site.shape(), k -> new Group(freeName(taken)));
                  int id = group.sites.size();
                  group.sites.add(site);
                  if (site.factory().getArgumentTypes().length == 0) {
                    super.visitFieldInsn(
                        Opcodes.GETSTATIC,
                        group.cls,
                        "I" + id,
                        site.factory().getReturnType().getDescriptor());
                  } else {
                    // the captured values are on the stack; the id goes last
                    super.visitLdcInsn(id);
                    super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, group.cls, "create", group.createDesc(site), false);
                  }
                }
              };
            }
          },
          0);
      this.bytes = writer.toByteArray();
      for (Group g : groups.values()) {
        generated.put(g.cls, g.generate(version, nestHost));
      }
    }

    /**
     * The next class name {@code Host$$Lambda<n>} that neither a class of the input nor an earlier
     * group of this host has (a group's classes are made after the visit).
     */
    private String freeName(Set<String> taken) {
      int n = groups.size() + 1;
      String candidate = name + "$$Lambda" + n;
      while (taken.contains(candidate) || named(candidate)) {
        n++;
        candidate = name + "$$Lambda" + n;
      }
      return candidate;
    }

    private boolean named(String cls) {
      for (Group g : groups.values()) {
        if (g.cls.equals(cls)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The call sites of one host that share a shape: one class whose interface method switches on the
   * site's id (a class per site cost about 30 us each to load at a short run's start).
   */
  private static final class Group {
    final String cls;
    final List<Site> sites = new ArrayList<>();

    Group(String cls) {
      this.cls = cls;
    }

    /** The factory of a capturing site: its captured values, then the id. */
    String createDesc(Site site) {
      Type[] captured = site.factory().getArgumentTypes();
      Type[] args = Arrays.copyOf(captured, captured.length + 1);
      args[captured.length] = Type.INT_TYPE;
      return Type.getMethodDescriptor(site.factory().getReturnType(), args);
    }

    byte[] generate(int version, String nestHost) {
      Site first = sites.get(0);
      ClassWriter cw =
          new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
              // the case bodies never join two types: each returns on its own
              return "java/lang/Object";
            }
          };
      List<String> interfaces = new ArrayList<>();
      interfaces.add(first.factory().getReturnType().getInternalName());
      interfaces.addAll(first.markers());
      cw.visit(
          version,
          Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
          cls,
          null,
          "java/lang/Object",
          interfaces.toArray(new String[0]));
      cw.visitNestHost(nestHost);
      Type[] captured = first.factory().getArgumentTypes();
      cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "id", "I", null, null).visitEnd();
      for (int i = 0; i < captured.length; i++) {
        cw.visitField(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL,
                "f" + i,
                captured[i].getDescriptor(),
                null,
                null)
            .visitEnd();
      }
      // the constructor: the captured values, then the id
      Type[] ctorArgs = Arrays.copyOf(captured, captured.length + 1);
      ctorArgs[captured.length] = Type.INT_TYPE;
      String ctorDesc = Type.getMethodDescriptor(Type.VOID_TYPE, ctorArgs);
      MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", ctorDesc, null, null);
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
      int slot = 1;
      for (int i = 0; i < captured.length; i++) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
        mv.visitFieldInsn(Opcodes.PUTFIELD, cls, "f" + i, captured[i].getDescriptor());
        slot += captured[i].getSize();
      }
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitVarInsn(Opcodes.ILOAD, slot);
      mv.visitFieldInsn(Opcodes.PUTFIELD, cls, "id", "I");
      mv.visitInsn(Opcodes.RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
      String ifaceDesc = first.factory().getReturnType().getDescriptor();
      if (captured.length == 0) {
        // one shared instance per site, as the metafactory makes for a lambda that captures nothing
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        for (int id = 0; id < sites.size(); id++) {
          cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "I" + id, ifaceDesc, null, null)
              .visitEnd();
          mv.visitTypeInsn(Opcodes.NEW, cls);
          mv.visitInsn(Opcodes.DUP);
          mv.visitLdcInsn(id);
          mv.visitMethodInsn(Opcodes.INVOKESPECIAL, cls, "<init>", ctorDesc, false);
          mv.visitFieldInsn(Opcodes.PUTSTATIC, cls, "I" + id, ifaceDesc);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
      } else {
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "create", createDesc(first), null, null);
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, cls);
        mv.visitInsn(Opcodes.DUP);
        slot = 0;
        for (Type t : ctorArgs) {
          mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
          slot += t.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, cls, "<init>", ctorDesc, false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
      }
      interfaceMethod(cw, captured, first.samType());
      for (Type bridge : first.bridges()) {
        if (!bridge.getDescriptor().equals(first.samType().getDescriptor())) {
          interfaceMethod(cw, captured, bridge);
        }
      }
      cw.visitEnd();
      return cw.toByteArray();
    }

    /** The interface method of this erased type: a switch on the id, a call per site. */
    private void interfaceMethod(ClassWriter cw, Type[] captured, Type erased) {
      MethodVisitor mv =
          cw.visitMethod(
              Opcodes.ACC_PUBLIC, sites.get(0).samName(), erased.getDescriptor(), null, null);
      mv.visitCode();
      if (sites.size() == 1) {
        sites.get(0).call(mv, cls, captured, erased);
      } else {
        Label[] cases = new Label[sites.size()];
        for (int i = 0; i < cases.length; i++) {
          cases[i] = new Label();
        }
        Label unknown = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, cls, "id", "I");
        mv.visitTableSwitchInsn(0, cases.length - 1, unknown, cases);
        for (int i = 0; i < cases.length; i++) {
          mv.visitLabel(cases[i]);
          sites.get(i).call(mv, cls, captured, erased);
        }
        mv.visitLabel(unknown);
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/AssertionError");
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(
            Opcodes.INVOKESPECIAL, "java/lang/AssertionError", "<init>", "()V", false);
        mv.visitInsn(Opcodes.ATHROW);
      }
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  /** One lambda call site: what the metafactory would be asked to make. */
  private record Site(
      String samName,
      Type factory,
      Type samType,
      Handle impl,
      Type instantiated,
      List<String> markers,
      List<Type> bridges) {

    /** The site of an {@code invokedynamic}, or null when it is not one this tool rewrites. */
    static Site of(String host, String samName, String desc, Handle bsm, Object[] args) {
      if (!bsm.getOwner().equals(METAFACTORY)) {
        return null;
      }
      Type factory = Type.getMethodType(desc);
      List<String> markers = new ArrayList<>();
      List<Type> bridges = new ArrayList<>();
      if (bsm.getName().equals("altMetafactory")) {
        int flags = (Integer) args[3];
        if ((flags & FLAG_SERIALIZABLE) != 0) {
          return null;
        }
        int i = 4;
        if ((flags & FLAG_MARKERS) != 0) {
          int count = (Integer) args[i++];
          for (int k = 0; k < count; k++) {
            markers.add(((Type) args[i++]).getInternalName());
          }
        }
        if ((flags & FLAG_BRIDGES) != 0) {
          int count = (Integer) args[i++];
          for (int k = 0; k < count; k++) {
            bridges.add((Type) args[i++]);
          }
        }
      } else if (!bsm.getName().equals("metafactory")) {
        return null;
      }
      Handle impl = (Handle) args[1];
      int kind = impl.getTag();
      if (kind == Opcodes.H_INVOKESPECIAL && !impl.getOwner().equals(host)) {
        // javac names a private method of the host this way, which the new class (a nestmate)
        // calls with invokevirtual; a superclass's method stays with the metafactory
        return null;
      }
      if (kind < Opcodes.H_INVOKEVIRTUAL) {
        return null; // a field handle: javac never makes one for a lambda
      }
      return new Site(samName, factory, (Type) args[0], impl, (Type) args[2], markers, bridges);
    }

    /**
     * What decides the class a site shares: the interface, its markers and bridges, the method, and
     * the types of the captured values.
     */
    String shape() {
      return samName
          + samType.getDescriptor()
          + factory.getDescriptor()
          + markers
          + bridges.stream().map(Type::getDescriptor).toList();
    }

    /**
     * The body of the interface method of this erased type for this site: the captured values, the
     * arguments, the call, the result; it returns.
     */
    void call(MethodVisitor mv, String cls, Type[] captured, Type erased) {
      int kind = impl.getTag();
      Type implType = Type.getMethodType(impl.getDesc());
      // what the implementation takes: for an instance method, the receiver first
      List<Type> wanted = new ArrayList<>();
      if (kind == Opcodes.H_NEWINVOKESPECIAL) {
        mv.visitTypeInsn(Opcodes.NEW, impl.getOwner());
        mv.visitInsn(Opcodes.DUP);
      } else if (kind != Opcodes.H_INVOKESTATIC) {
        wanted.add(Type.getObjectType(impl.getOwner()));
      }
      wanted.addAll(List.of(implType.getArgumentTypes()));
      int w = 0;
      for (int i = 0; i < captured.length; i++, w++) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, cls, "f" + i, captured[i].getDescriptor());
        // captured values arrive with the types the factory declares, which javac makes the
        // implementation's own (or the receiver's)
        convert(mv, captured[i], captured[i], wanted.get(w));
      }
      Type[] params = erased.getArgumentTypes();
      Type[] inst = instantiated.getArgumentTypes();
      int slot = 1;
      for (int i = 0; i < params.length; i++, w++) {
        mv.visitVarInsn(params[i].getOpcode(Opcodes.ILOAD), slot);
        slot += params[i].getSize();
        convert(mv, params[i], inst[i], wanted.get(w));
      }
      boolean itf = impl.isInterface();
      switch (kind) {
        case Opcodes.H_INVOKESTATIC ->
            mv.visitMethodInsn(
                Opcodes.INVOKESTATIC, impl.getOwner(), impl.getName(), impl.getDesc(), itf);
        case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKESPECIAL ->
            mv.visitMethodInsn(
                itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL,
                impl.getOwner(),
                impl.getName(),
                impl.getDesc(),
                itf);
        case Opcodes.H_INVOKEINTERFACE ->
            mv.visitMethodInsn(
                Opcodes.INVOKEINTERFACE, impl.getOwner(), impl.getName(), impl.getDesc(), true);
        case Opcodes.H_NEWINVOKESPECIAL ->
            mv.visitMethodInsn(
                Opcodes.INVOKESPECIAL, impl.getOwner(), "<init>", impl.getDesc(), false);
        default -> throw new IllegalStateException("handle kind " + kind);
      }
      Type produced =
          kind == Opcodes.H_NEWINVOKESPECIAL
              ? Type.getObjectType(impl.getOwner())
              : implType.getReturnType();
      Type returns = erased.getReturnType();
      if (returns.getSort() == Type.VOID) {
        if (produced.getSort() != Type.VOID) {
          mv.visitInsn(produced.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
        }
        mv.visitInsn(Opcodes.RETURN);
      } else {
        convert(mv, produced, instantiated.getReturnType(), returns);
        mv.visitInsn(returns.getOpcode(Opcodes.IRETURN));
      }
    }
  }

  /**
   * Converts the value on the stack from type {@code from} to {@code to}, through {@code via} (the
   * instantiated type, which names the box of an erased generic value), as the metafactory adapts
   * arguments and results: a cast between references, unboxing, boxing, primitive widening.
   */
  static void convert(MethodVisitor mv, Type from, Type via, Type to) {
    if (from.equals(to)) {
      return;
    }
    boolean fromPrim = isPrimitive(from);
    boolean toPrim = isPrimitive(to);
    if (fromPrim && toPrim) {
      widen(mv, from, to);
    } else if (!fromPrim && toPrim) {
      Type box = isPrimitive(via) ? boxOf(via) : (isBox(via) ? via : boxOf(to));
      if (!box.equals(from)) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
      }
      Type prim = primitiveOf(box);
      mv.visitMethodInsn(
          Opcodes.INVOKEVIRTUAL,
          box.getInternalName(),
          prim.getClassName() + "Value",
          "()" + prim.getDescriptor(),
          false);
      widen(mv, prim, to);
    } else if (fromPrim) {
      Type box = boxOf(from);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          box.getInternalName(),
          "valueOf",
          "(" + from.getDescriptor() + ")" + box.getDescriptor(),
          false);
      if (!to.equals(box) && !to.getInternalName().equals("java/lang/Object")) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
      }
    } else if (!to.getInternalName().equals("java/lang/Object")) {
      mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
    }
  }

  private static boolean isPrimitive(Type t) {
    return t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY && t.getSort() != Type.VOID;
  }

  private static final Map<String, Type> BOXES =
      Map.of(
          "Z", Type.getObjectType("java/lang/Boolean"),
          "B", Type.getObjectType("java/lang/Byte"),
          "C", Type.getObjectType("java/lang/Character"),
          "S", Type.getObjectType("java/lang/Short"),
          "I", Type.getObjectType("java/lang/Integer"),
          "J", Type.getObjectType("java/lang/Long"),
          "F", Type.getObjectType("java/lang/Float"),
          "D", Type.getObjectType("java/lang/Double"));

  private static Type boxOf(Type primitive) {
    return BOXES.get(primitive.getDescriptor());
  }

  private static boolean isBox(Type t) {
    return BOXES.containsValue(t);
  }

  private static Type primitiveOf(Type box) {
    for (Map.Entry<String, Type> e : BOXES.entrySet()) {
      if (e.getValue().equals(box)) {
        return Type.getType(e.getKey());
      }
    }
    throw new IllegalStateException("not a box: " + box);
  }

  private static void widen(MethodVisitor mv, Type from, Type to) {
    int f = from.getSort();
    int t = to.getSort();
    if (f == t) {
      return;
    }
    boolean fromInt = f == Type.INT || f == Type.BYTE || f == Type.SHORT || f == Type.CHAR;
    if (fromInt && (t == Type.INT || (t == Type.SHORT && f == Type.BYTE))) {
      return;
    }
    int op =
        switch (t) {
          case Type.LONG -> fromInt ? Opcodes.I2L : -1;
          case Type.FLOAT -> fromInt ? Opcodes.I2F : f == Type.LONG ? Opcodes.L2F : -1;
          case Type.DOUBLE ->
              fromInt
                  ? Opcodes.I2D
                  : f == Type.LONG ? Opcodes.L2D : f == Type.FLOAT ? Opcodes.F2D : -1;
          default -> -1;
        };
    if (op < 0) {
      throw new IllegalStateException("no widening from " + from + " to " + to);
    }
    mv.visitInsn(op);
  }
}
