package dev.tracecurator.pipelines.cli;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * An option's name, value shape, default and description, read from its getter's
 * {@code @Description} and {@code @Default.*} annotations, so help never drifts from the code.
 */
public record OptionDocs(String name, String value, String defaultText, String description) {
  private static final long MIB = 1L << 20;

  /** The option {@code name} of {@code options} (inherited ones too), if it has a getter there. */
  public static Optional<OptionDocs> of(Class<? extends PipelineOptions> options, String name) {
    return getter(options, name).map(g -> new OptionDocs(name, value(g.getReturnType()), defaultText(g),
        Optional.ofNullable(g.getAnnotation(Description.class)).map(Description::value).orElse("")));
  }

  /** Every property of an options interface, inherited ones too: a getter with a matching setter. */
  public static Set<String> properties(Class<?> options) {
    Set<String> names = new TreeSet<>();
    for (Method m : options.getMethods()) {
      String property = property(m);
      if (property != null) {
        names.add(property);
      }
    }
    return names;
  }

  /** The properties an options interface declares itself, not those it inherits. */
  public static Set<String> declaredProperties(Class<?> options) {
    Set<String> names = new TreeSet<>();
    for (Method m : options.getDeclaredMethods()) {
      String property = property(m);
      if (property != null) {
        names.add(property);
      }
    }
    return names;
  }

  /** The same option with another default text (one computed at run time, such as the runner). */
  public OptionDocs withDefault(String text) {
    return new OptionDocs(name, value, text, description);
  }

  private static Optional<Method> getter(Class<?> options, String name) {
    for (Method m : options.getMethods()) {
      if (name.equals(property(m))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String property(Method m) {
    String n = m.getName();
    int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
    if (prefix == 0 || n.length() == prefix || m.getParameterCount() != 0 || m.isDefault()) {
      return null;
    }
    return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
  }

  private static String value(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "[=true|false]";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "=N";
    }
    if (type == Double.class || type == double.class) {
      return "=X";
    }
    return "=VALUE";
  }

  private static final Map<Class<? extends Annotation>, String> VALUE_METHOD = Map.of(
      Default.String.class, "value", Default.Integer.class, "value", Default.Long.class, "value",
      Default.Double.class, "value", Default.Boolean.class, "value", Default.Float.class, "value",
      Default.Short.class, "value", Default.Byte.class, "value", Default.Character.class, "value",
      Default.Enum.class, "value");

  private static String defaultText(Method getter) {
    for (Annotation a : getter.getAnnotations()) {
      if (!VALUE_METHOD.containsKey(a.annotationType())) {
        continue;
      }
      try {
        Object v = a.annotationType().getMethod(VALUE_METHOD.get(a.annotationType())).invoke(a);
        String text = String.valueOf(v);
        if (text.isEmpty()) {
          return "none";
        }
        if (v instanceof Long bytes && bytes >= MIB && bytes % MIB == 0 && getter.getName().endsWith("Bytes")) {
          return String.format(Locale.ROOT, "%d = %d MiB", bytes, bytes / MIB);
        }
        return text;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + a + " on " + getter, e);
      }
    }
    return getter.getAnnotation(Default.InstanceFactory.class) != null ? "computed" : "none";
  }
}
