package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/** The trajectory's tool schemas, each a JSON string, as the JSON values templates print. */
final class ToolSchemas {
  private ToolSchemas() {}

  /** Empty for null or no schemas: a template is then rendered as if no tools were passed. */
  static List<JsonNode> parse(List<String> schemas) {
    if (schemas == null) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(schemas.size());
    for (String schema : schemas) {
      out.add(Json.pythonLoads(schema).orElseThrow(
          () -> new IllegalArgumentException("tool schema is not JSON: " + abbreviate(schema))));
    }
    return out;
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "…";
  }
}
