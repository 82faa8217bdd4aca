package io.compose4j.build;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every kind of lambda and method reference the desugaring must keep working: {@link #run} returns
 * one line per case, the same before and after {@link LambdaDesugar}.
 */
public class LambdaFixture {
  private final String name;
  private int count = 3;

  public LambdaFixture(String name) {
    this.name = name;
  }

  /** A functional interface whose method narrows an inherited generic one (a bridge). */
  interface Shout extends Function<String, String> {
    @Override
    String apply(String s);
  }

  /** A marker interface for an intersection cast. */
  interface Marker {}

  /** A lambda in an interface's default method (a private method of an interface). */
  interface Greeter {
    String who();

    default Supplier<String> greeting(String prefix) {
      return () -> prefix + " " + who();
    }
  }

  @SuppressWarnings("ImmutableEnumChecker") // a lambda in an enum constant is the case
  enum Op {
    ADD((a, b) -> a + b),
    MUL((a, b) -> a * b);

    final IntBinaryOperator f;

    Op(IntBinaryOperator f) {
      this.f = f;
    }
  }

  record Pair(String left, long right) {
    Supplier<String> show() {
      return () -> left + "=" + right;
    }
  }

  /** A nested class: its lambdas' nest host is the outer class. */
  static final class Inner {
    private final double weight;

    Inner(double weight) {
      this.weight = weight;
    }

    DoubleSupplier doubled() {
      return () -> weight * 2;
    }
  }

  private String secret(String s) {
    return name + ":" + s;
  }

  private static int twice(int x) {
    return 2 * x;
  }

  private int count() {
    return count;
  }

  @Override
  public String toString() {
    return "fixture " + name;
  }

  public static String run() {
    return new LambdaFixture("f").cases();
  }

  private String cases() {
    List<String> out = new ArrayList<>();
    Function<String, Integer> length = s -> s.length();
    out.add("non-capturing " + length.apply("abcd"));
    int i = 7;
    long l = 1L << 40;
    double d = 2.5;
    char c = 'x';
    Supplier<String> captures = () -> i + "/" + l + "/" + d + "/" + c;
    out.add("captures " + captures.get());
    Supplier<String> self = () -> name + count;
    out.add("this " + self.get());
    Function<String, Integer> parse = Integer::parseInt;
    out.add("static ref " + (parse.apply("41") + 1));
    ToLongFunction<String> widened = String::length;
    out.add("int to long " + widened.applyAsLong("12345"));
    StringBuilder sb = new StringBuilder();
    Consumer<String> append = sb::append;
    append.accept("a");
    append.accept("b");
    out.add("bound ref " + sb);
    Supplier<List<String>> ctor = ArrayList::new;
    List<String> made = ctor.get();
    made.add("z");
    out.add("constructor " + made);
    IntFunction<String[]> array = String[]::new;
    out.add("array constructor " + array.apply(3).length);
    Function<List<String>, Integer> size = List::size;
    out.add("interface ref " + size.apply(List.of("a", "b")));
    Function<String, String> priv = this::secret;
    out.add("private ref " + priv.apply("p"));
    IntBinaryOperator sum = Integer::sum;
    out.add("int operator " + sum.applyAsInt(2, 3));
    IntPredicate even = x -> x % 2 == 0;
    out.add("int predicate " + even.test(4) + even.test(5));
    LongUnaryOperator abs = Math::abs;
    out.add("long operator " + abs.applyAsLong(-9L));
    DoubleSupplier countAsDouble = this::count;
    out.add("int to double " + countAsDouble.getAsDouble());
    Function<Integer, Integer> boxed = x -> x + 1;
    out.add("boxed " + boxed.apply(41));
    BiFunction<Integer, Long, Long> mixed = (a, b) -> a + b;
    out.add("mixed " + mixed.apply(1, 2L));
    Supplier<Integer> boxesResult = LambdaFixture::seven;
    out.add("boxes result " + boxesResult.get());
    Predicate<String> empty = String::isEmpty;
    out.add("predicate ref " + empty.test("") + empty.test("x"));
    Function<Integer, Integer> privStatic = LambdaFixture::twice;
    out.add("unboxes argument " + privStatic.apply(21));
    Consumer<StringBuilder> discards = StringBuilder::reverse;
    StringBuilder r = new StringBuilder("abc");
    discards.accept(r);
    out.add("discards result " + r);
    Comparator<String> byLength = Comparator.comparingInt(String::length);
    out.add(
        "comparator "
            + List.of("ccc", "a", "bb").stream().sorted(byLength).collect(Collectors.joining(",")));
    Shout shout = s -> s + "!";
    @SuppressWarnings("unchecked")
    Function<Object, Object> raw = (Function<Object, Object>) (Function<?, ?>) shout;
    out.add("bridge " + raw.apply("hey") + " " + shout.apply("ho"));
    Runnable marked = (Runnable & Marker) () -> out.add("marked ran");
    marked.run();
    out.add("marker " + (marked instanceof Marker));
    Runnable serial = (Runnable & Serializable) () -> out.add("serializable ran");
    serial.run();
    out.add("serializable " + (serial instanceof Serializable));
    Greeter g = () -> "world";
    out.add("interface default " + g.greeting("hello").get());
    out.add("enum " + Op.ADD.f.applyAsInt(3, 4) + " " + Op.MUL.f.applyAsInt(3, 4));
    out.add("record " + new Pair("k", 5L).show().get());
    out.add("nested " + new Inner(1.5).doubled().getAsDouble());
    Function<Integer, Function<Integer, Integer>> curried = a -> b -> a * 10 + b;
    out.add("nested lambdas " + curried.apply(4).apply(2));
    Supplier<String> superRef = super::toString;
    out.add("super ref " + superRef.get().startsWith("io.compose4j.build.LambdaFixture@"));
    BinaryOperator<String> varargs = (a, b) -> String.format("%s-%s", a, b);
    out.add("varargs " + varargs.apply("x", "y"));
    UnaryOperator<String> upper = String::toUpperCase;
    out.add("unary " + upper.apply("up"));
    out.add(
        "stream "
            + IntStream.rangeClosed(1, 4).map(x -> x * x).boxed().map(String::valueOf).toList());
    Optional<String> opt = Optional.of("v").map(v -> v + name).filter(v -> !v.isEmpty());
    out.add("optional " + opt.orElse("none"));
    Supplier<LambdaFixture> same = () -> this;
    out.add("same instance " + (same.get() == this));
    Supplier<String> a1 = LambdaFixture::constant;
    Supplier<String> a2 = LambdaFixture::constant;
    out.add("distinct sites " + a1.get() + a2.get());
    return String.join("\n", out);
  }

  private static int seven() {
    return 7;
  }

  private static String constant() {
    return "c";
  }
}
