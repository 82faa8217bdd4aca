package io.compose4j.validate;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.groups.Default;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, without starting Hibernate Validator, whether a stack can break any Bean Validation
 * constraint of the model: it reads the constraint annotations of the model's accessors once (by
 * reflection, the way Hibernate Validator finds them: on the accessors, cascading where a type
 * argument or an accessor is {@code @Valid}), and checks the values against the bounds of the
 * annotations it knows ({@code @Min}, {@code @Max}, {@code @PositiveOrZero}, {@code @DecimalMin},
 * {@code @DecimalMax} on numbers). A stack that passes has no violation, and Hibernate Validator —
 * some 500 classes and a quarter of a second on a short run — is not started for it.
 *
 * <p>The screen only answers "clean" when it is sure: an annotation, a target or a value type it
 * does not know makes it answer "may violate", and Hibernate Validator decides as before. So the
 * findings never depend on the screen; only the start-up time does ({@code ConstraintScreenTest}
 * checks on generated stacks that the two agree, and that the model holds no constraint the screen
 * does not know).
 */
final class ConstraintScreen {
  private static final String MODEL_PACKAGE = "io.compose4j.model";
  private static final Map<Class<?>, TypePlan> PLANS = new ConcurrentHashMap<>();

  private ConstraintScreen() {}

  /**
   * Returns whether Hibernate Validator could report something for this object (a stack, a service,
   * ...).
   */
  static boolean mayViolate(Object root) {
    try {
      return visit(root);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // let Hibernate Validator see it
    }
  }

  /** Whether every constraint reachable from this model type is one the screen decides itself. */
  static boolean understands(Class<?> modelType) {
    try {
      return plan(modelType).understood;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static boolean visit(Object o) throws ReflectiveOperationException {
    if (o == null) {
      return false;
    }
    TypePlan plan = plan(o.getClass());
    if (!plan.understood) {
      return true;
    }
    for (Property p : plan.properties) {
      Object value;
      try {
        value = p.accessor.invoke(o);
      } catch (InvocationTargetException e) {
        return true;
      }
      if (p.mayViolate(value)) {
        return true;
      }
    }
    return false;
  }

  private static TypePlan plan(Class<?> type) throws ReflectiveOperationException {
    TypePlan plan = PLANS.get(type);
    if (plan == null) {
      plan = new TypePlan(type);
      PLANS.put(type, plan);
    }
    return plan;
  }

  /** The constrained and cascaded accessors of one class, from it and its model supertypes. */
  private static final class TypePlan {
    final List<Property> properties = new ArrayList<>();
    boolean understood = true;

    TypePlan(Class<?> type) throws NoSuchMethodException {
      List<Class<?>> types = new ArrayList<>();
      collect(type, types);
      for (Class<?> t : types) {
        Declared declared = ScreenTable.declared(t.getName());
        if (declared == null) {
          declared = derive(t); // a type the table does not know (it lists the whole model)
        }
        understood &= declared.understood();
        for (Spec spec : declared.properties()) {
          properties.add(new Property(t.getDeclaredMethod(spec.accessor()), spec));
        }
      }
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
      if (type == null || type == Object.class || into.contains(type)) {
        return;
      }
      if (type.getPackageName().equals(MODEL_PACKAGE)) {
        into.add(type);
      }
      collect(type.getSuperclass(), into);
      for (Class<?> i : type.getInterfaces()) {
        collect(i, into);
      }
    }
  }

  /**
   * What one model type declares for the screen: the accessors with constraints it knows or with
   * cascades, and whether every constraint there is one it knows. {@link ScreenTable} holds these
   * for the whole model, so that a run reads no annotation (reading them made a dozen proxy classes
   * and took a tenth of a short run); {@link #derive} reads them from the annotations, and {@code
   * ScreenTableTest} requires the two to be equal.
   */
  record Declared(boolean understood, List<Spec> properties) {}

  /**
   * One accessor's bounds and cascades.
   *
   * @param accessor the accessor's name (no parameters)
   * @param bounds the bounds its value must keep
   * @param cascadeValue whether validation cascades into the value ({@code @Valid} on the accessor)
   * @param cascadeElements whether it cascades into the elements of an optional, list, set or map
   *     ({@code @Valid} on the last type argument)
   */
  record Spec(String accessor, List<Bound> bounds, boolean cascadeValue, boolean cascadeElements) {}

  /** Reads what a model type declares from its annotations. */
  static Declared derive(Class<?> t) {
    boolean understood = true;
    List<Spec> specs = new ArrayList<>();
    for (Annotation a : t.getDeclaredAnnotations()) {
      understood &= !isConstraint(a); // a class-level constraint
    }
    List<Method> methods = new ArrayList<>(List.of(t.getDeclaredMethods()));
    methods.sort(Comparator.comparing(Method::getName));
    for (Method m : methods) {
      if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      Reading r = Reading.of(m);
      if (r == null) {
        continue;
      }
      if (!r.understood
          || m.getParameterCount() != 0
          || !FieldConstraints.isProperty(m)
          || !Modifier.isPublic(m.getModifiers())) {
        understood =
            false; // a constraint outside what the screen knows: Hibernate Validator decides
        continue;
      }
      specs.add(new Spec(m.getName(), List.copyOf(r.bounds), r.cascadeValue, r.cascadeElements));
    }
    return new Declared(understood, List.copyOf(specs));
  }

  private static boolean isConstraint(Annotation a) {
    return a.annotationType().isAnnotationPresent(Constraint.class);
  }

  /** What an accessor's annotations say: its bounds, and whether validation cascades into it. */
  private static final class Reading {
    final List<Bound> bounds = new ArrayList<>();
    boolean cascadeValue;
    boolean cascadeElements;
    boolean understood = true;

    /** The reading of an accessor, or null when it holds no constraint and no cascade. */
    static Reading of(Method m) {
      Reading p = new Reading();
      boolean relevant = false;
      for (Annotation a : m.getDeclaredAnnotations()) {
        if (a instanceof Valid) {
          p.cascadeValue = true;
          relevant = true;
        } else if (isConstraint(a)) {
          relevant = true;
          Bound b = Bound.of(a);
          if (b == null) {
            p.understood = false;
          } else {
            p.bounds.add(b);
          }
        }
      }
      AnnotatedType type = m.getAnnotatedReturnType();
      relevant |= p.typeArguments(type, true);
      return relevant ? p : null;
    }

    /**
     * Reads annotations on type arguments: {@code @Valid} on the element of a container cascades.
     */
    private boolean typeArguments(AnnotatedType type, boolean top) {
      boolean relevant = false;
      if (!top) {
        for (Annotation a : type.getDeclaredAnnotations()) {
          relevant = true;
          if (!(a instanceof Valid)) {
            understood = false; // a constraint on a type argument
          }
        }
      }
      if (type instanceof AnnotatedParameterizedType pt) {
        AnnotatedType[] args = pt.getAnnotatedActualTypeArguments();
        for (int i = 0; i < args.length; i++) {
          boolean valid = args[i].isAnnotationPresent(Valid.class);
          if (valid) {
            Class<?> raw = rawClass(pt);
            boolean lastArgument = i == args.length - 1;
            if (top
                && lastArgument
                && (Optional.class.equals(raw)
                    || List.class.isAssignableFrom(raw)
                    || Set.class.isAssignableFrom(raw)
                    || Map.class.isAssignableFrom(raw))) {
              cascadeElements = true;
            } else {
              understood = false; // @Valid on a map key, or nested deeper
            }
          }
          relevant |= typeArguments(args[i], false);
        }
      }
      return relevant;
    }

    private static Class<?> rawClass(AnnotatedParameterizedType pt) {
      Type t = ((ParameterizedType) pt.getType()).getRawType();
      return t instanceof Class<?> c ? c : Object.class;
    }
  }

  /** One accessor of a plan: its method, bounds and cascades. */
  private static final class Property {
    final Method accessor;
    final List<Bound> bounds;
    final boolean cascadeValue;
    final boolean cascadeElements;

    Property(Method accessor, Spec spec) {
      this.accessor = accessor;
      this.bounds = spec.bounds();
      this.cascadeValue = spec.cascadeValue();
      this.cascadeElements = spec.cascadeElements();
    }

    boolean mayViolate(Object value) throws ReflectiveOperationException {
      if (value == null) {
        return false;
      }
      if (!bounds.isEmpty()) {
        Object v = unwrap(value);
        if (v != NONE) {
          for (Bound b : bounds) {
            if (!b.admits(v)) {
              return true; // out of bounds, or a value type the screen does not compare
            }
          }
        }
      }
      if (cascadeValue
          && !cascadeElements
          && !(value instanceof Optional || value instanceof Collection || value instanceof Map)) {
        return visit(value);
      }
      if (cascadeValue || cascadeElements) {
        for (Object element : elements(value)) {
          if (visit(element)) {
            return true;
          }
        }
      }
      return false;
    }

    private static final Object NONE = new Object();

    /**
     * The value a constraint on an accessor applies to: an optional's content (Hibernate Validator
     * unwraps them).
     */
    private static Object unwrap(Object value) {
      if (value instanceof Optional<?> o) {
        return o.isPresent() ? o.get() : NONE;
      }
      if (value instanceof OptionalInt o) {
        return o.isPresent() ? (Object) o.getAsInt() : NONE;
      }
      if (value instanceof OptionalLong o) {
        return o.isPresent() ? (Object) o.getAsLong() : NONE;
      }
      if (value instanceof OptionalDouble o) {
        return o.isPresent() ? (Object) o.getAsDouble() : NONE;
      }
      return value;
    }

    private static Iterable<?> elements(Object value) {
      if (value instanceof Optional<?> o) {
        return o.isPresent() ? List.of(o.get()) : List.of();
      }
      if (value instanceof Map<?, ?> m) {
        return m.values();
      }
      if (value instanceof Iterable<?> i) {
        return i;
      }
      return List.of(value);
    }
  }

  /**
   * A lower or upper bound from one annotation, in the default group; {@code limit} is the decimal
   * as {@link BigDecimal#toPlainString()} spells it. A whole value is compared with a whole limit
   * as a {@code long}, without a {@code BigDecimal} (whose first use costs about 19 ms on Java 25).
   */
  record Bound(String limit, boolean lower, boolean inclusive) {
    static Bound of(Annotation a) {
      if (a instanceof Min m && defaultGroup(m.groups())) {
        return new Bound(Long.toString(m.value()), true, true);
      }
      if (a instanceof Max m && defaultGroup(m.groups())) {
        return new Bound(Long.toString(m.value()), false, true);
      }
      if (a instanceof PositiveOrZero p && defaultGroup(p.groups())) {
        return new Bound("0", true, true);
      }
      if (a instanceof DecimalMin d && defaultGroup(d.groups())) {
        return new Bound(new BigDecimal(d.value()).toPlainString(), true, d.inclusive());
      }
      if (a instanceof DecimalMax d && defaultGroup(d.groups())) {
        return new Bound(new BigDecimal(d.value()).toPlainString(), false, d.inclusive());
      }
      return null;
    }

    private static boolean defaultGroup(Class<?>[] groups) {
      return groups.length == 0 || (groups.length == 1 && groups[0] == Default.class);
    }

    /**
     * Whether the bound admits a value: false when it lies outside, and for a type or a value (NaN,
     * infinity) the screen does not compare.
     */
    boolean admits(Object v) {
      int c;
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        long n = ((Number) v).longValue();
        c = isWhole() ? Long.compare(n, Long.parseLong(limit)) : compare(BigDecimal.valueOf(n));
      } else if (v instanceof BigInteger b) {
        c = compare(new BigDecimal(b));
      } else if (v instanceof BigDecimal d) {
        c = compare(d);
      } else if (v instanceof Double || v instanceof Float) {
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
          return false;
        }
        c = compare(new BigDecimal(d));
      } else {
        return false;
      }
      return lower ? (inclusive ? c >= 0 : c > 0) : (inclusive ? c <= 0 : c < 0);
    }

    private int compare(BigDecimal n) {
      return n.compareTo(new BigDecimal(limit));
    }

    /** Whether the limit is a whole number a {@code long} holds (at most 18 digits). */
    private boolean isWhole() {
      int start = limit.startsWith("-") ? 1 : 0;
      if (limit.length() == start || limit.length() - start > 18) {
        return false;
      }
      for (int i = start; i < limit.length(); i++) {
        if (limit.charAt(i) < '0' || limit.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
