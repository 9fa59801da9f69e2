package dev.tracecurator.sft.jinja;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import dev.tracecurator.sft.IndentedJson;
import dev.tracecurator.sft.PythonJson;
import java.util.Map;

/**
 * {@code tojson} as transformers defines it for chat templates: {@code json.dumps(value,
 * ensure_ascii=False, indent=indent)}, so {@code ", "} and {@code ": "} between items and no
 * HTML escaping. Jinjava's own prints compact JSON, which would change every rendered tool schema.
 */
final class TojsonFilter implements Filter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String getName() {
    return "tojson";
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
    return dumps(value, null);
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    Object indent = kwargs.containsKey("indent") ? kwargs.get("indent") : args.length > 0 ? args[0] : null;
    return dumps(value, indent);
  }

  static String dumps(Object value, Object indent) {
    JsonNode node = MAPPER.valueToTree(value);
    if (indent == null) {
      return PythonJson.dumps(node);
    }
    return IndentedJson.dumps(node, ((Number) indent).intValue());
  }
}
