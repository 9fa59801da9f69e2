package dev.tracecurator.sft.jinja;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * The Python {@code str} and {@code dict} methods chat templates call ({@code content.strip('\n')},
 * {@code text.startswith(...)}, {@code tool.items()}, ...). Jinjava would otherwise call the Java
 * method of that name, which either does not exist ({@code startswith}) or means something else
 * ({@code split} takes a regex, {@code strip()} knows fewer spaces than Python). Only invocations
 * are resolved here; properties fall through to Jinjava's own resolvers.
 */
final class PythonMethods extends ELResolver {
  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    if (method == null) {
      return null;
    }
    Object[] args = params == null ? new Object[0] : params;
    Object result;
    if (base instanceof CharSequence text) {
      result = PythonStringMethods.call(text.toString(), method.toString(), args);
    } else if (base instanceof Map<?, ?> map) {
      result = dictMethod(map, method.toString(), args);
    } else {
      return null;
    }
    if (result == PythonStringMethods.NOT_HANDLED) {
      return null;
    }
    context.setPropertyResolved(true);
    return result;
  }

  private static Object dictMethod(Map<?, ?> map, String name, Object[] args) {
    return switch (name) {
      case "items" -> items(map);
      case "keys" -> new ArrayList<Object>(map.keySet());
      case "values" -> new ArrayList<Object>(map.values());
      case "get" -> map.containsKey(args.length > 0 ? args[0] : null) ? map.get(args[0]) : args.length > 1 ? args[1] : null;
      default -> PythonStringMethods.NOT_HANDLED;
    };
  }

  /** dict.items(): [key, value] pairs in the map's order. */
  static List<List<Object>> items(Map<?, ?> map) {
    List<List<Object>> items = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      items.add(Arrays.asList(e.getKey(), e.getValue()));
    }
    return items;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
