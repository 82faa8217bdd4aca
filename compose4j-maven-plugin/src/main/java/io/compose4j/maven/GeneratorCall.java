package io.compose4j.maven;

import io.compose4j.model.Stack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a user's generator: a public static no-arg method of a class, or the {@code get()} of a
 * class that is a {@link Supplier} (made with its public no-arg constructor), returning a {@link
 * Stack} or a {@code Map<String, Stack>}. A missing class or method and a wrong return type are
 * configuration errors ({@link MojoExecutionException}); an exception thrown by the user's code
 * fails the build with its message ({@link MojoFailureException}).
 */
final class GeneratorCall {
  /**
   * A stack name that is a safe file name: what {@code docker stack deploy} accepts, and no more.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private GeneratorCall() {}

  /**
   * Loads the class in this loader, runs it and returns the stacks by name, sorted by name; a
   * single {@link Stack} is named by its {@code name}.
   */
  static Map<String, Stack> run(ClassLoader loader, String className, String methodName)
      throws MojoExecutionException, MojoFailureException {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new MojoExecutionException(
          "<generator> "
              + className
              + ": no such class in the project's runtime "
              + "classpath; give the fully qualified name of a class in src/main/java or a runtime dependency");
    } catch (ExceptionInInitializerError e) {
      throw userFailure(
          className + " could not be initialized", e.getCause() == null ? e : e.getCause());
    } catch (LinkageError e) {
      throw new MojoExecutionException("<generator> " + className + " cannot be loaded: " + e, e);
    }
    Method method = staticMethod(type, methodName);
    @Nullable Object result;
    String call;
    if (method != null) {
      call = className + "." + methodName + "()";
      result = invoke(call, () -> method.invoke(null));
    } else if (Supplier.class.isAssignableFrom(type)) {
      call = className + ".get()";
      Supplier<?> supplier =
          (Supplier<?>) invoke(className + "()", () -> type.getConstructor().newInstance());
      result = invoke(call, supplier::get);
    } else {
      throw new MojoExecutionException(
          "<generator> "
              + className
              + " has no public static no-arg method "
              + methodName
              + "() and is not a java.util.function.Supplier; add 'public static Map<String, Stack> "
              + methodName
              + "()' (or returning a Stack), implement Supplier<Stack>, or set <method>");
    }
    return stacks(call, result);
  }

  private static @Nullable Method staticMethod(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      return Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The user's code, run. */
  private interface UserCode {
    @Nullable Object run() throws ReflectiveOperationException;
  }

  private static @Nullable Object invoke(String call, UserCode code)
      throws MojoExecutionException, MojoFailureException {
    try {
      return code.run();
    } catch (InvocationTargetException e) {
      throw userFailure(call + " threw", e.getCause());
    } catch (NoSuchMethodException e) {
      throw new MojoExecutionException(
          "<generator> " + call + ": a Supplier needs a public no-arg constructor");
    } catch (ReflectiveOperationException e) {
      throw new MojoExecutionException("<generator> " + call + " cannot be called: " + e, e);
    } catch (RuntimeException | LinkageError e) {
      // a Supplier's get() throws directly, not wrapped
      throw userFailure(call + " threw", e);
    }
  }

  private static MojoFailureException userFailure(String what, Throwable cause) {
    String message =
        what
            + " "
            + cause.getClass().getName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    MojoFailureException failure = new MojoFailureException(message);
    failure.initCause(cause);
    return failure;
  }

  private static Map<String, Stack> stacks(String call, @Nullable Object result)
      throws MojoExecutionException {
    if (result instanceof Stack stack) {
      String name =
          stack
              .name()
              .orElseThrow(
                  () ->
                      new MojoExecutionException(
                          call
                              + " returned a stack without a name; "
                              + "name it (Compose.stack(\"shop\", ...)) or return a Map<String, Stack> of stacks by name"));
      return Map.of(checkedName(call, name), stack);
    }
    if (result instanceof Map<?, ?> map) {
      Map<String, Stack> stacks = new TreeMap<>();
      for (Map.Entry<?, ?> e : new LinkedHashMap<>(map).entrySet()) {
        if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Stack stack)) {
          throw new MojoExecutionException(
              call
                  + " returned a map with the entry "
                  + describe(e.getKey())
                  + " -> "
                  + describe(e.getValue())
                  + "; it must map names (String) to stacks (io.compose4j.model.Stack)");
        }
        stacks.put(checkedName(call, name), stack);
      }
      if (stacks.isEmpty()) {
        throw new MojoExecutionException(call + " returned no stacks; return at least one");
      }
      return stacks;
    }
    throw new MojoExecutionException(
        call
            + " returned "
            + describe(result)
            + "; it must return an io.compose4j.model.Stack or a Map<String, Stack>");
  }

  private static String checkedName(String call, String name) throws MojoExecutionException {
    if (!NAME.matcher(name).matches()) {
      throw new MojoExecutionException(
          call
              + " returned a stack named '"
              + name
              + "'; a stack name gives the file "
              + "name <name>.yml: use letters, digits, '_', '.' and '-', starting with a letter or digit");
    }
    return name;
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }
}
