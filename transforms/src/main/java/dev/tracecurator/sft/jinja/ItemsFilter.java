package dev.tracecurator.sft.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Map;

/** Jinja 3.1's {@code items} filter (Llama 3.1 iterates built-in tool arguments with it); Jinjava has none. */
final class ItemsFilter implements Filter {
  @Override
  public String getName() {
    return "items";
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
    return value instanceof Map<?, ?> map ? PythonMethods.items(map) : List.of();
  }
}
