package dev.tracecurator.sft.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.Map;

/**
 * Python's {@code is iterable}: strings and dicts are iterable too. Llama 3.1's template prints a
 * tool result with {@code tojson} when it {@code is iterable}, so a plain string result comes out
 * JSON-quoted under transformers; Jinjava's own test says no for strings.
 */
final class IterableExpTest implements ExpTest {
  @Override
  public String getName() {
    return "iterable";
  }

  @Override
  public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
    return value instanceof Iterable<?> || value instanceof CharSequence || value instanceof Map<?, ?>
        || (value != null && value.getClass().isArray());
  }
}
