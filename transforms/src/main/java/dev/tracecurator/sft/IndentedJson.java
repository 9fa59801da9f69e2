package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code json.dumps(value, ensure_ascii=False, indent=n)}, what a template's
 * {@code tojson(indent=n)} prints under transformers: items end in {@code ","} (no space) and
 * each sits on its own indented line, while empty containers stay {@code {}} and {@code []}.
 */
public final class IndentedJson {
  private IndentedJson() {}

  public static String dumps(JsonNode value, int indent) {
    StringBuilder out = new StringBuilder();
    append(value, " ".repeat(indent), 0, out);
    return out.toString();
  }

  private static void append(JsonNode value, String indent, int depth, StringBuilder out) {
    if (value != null && value.isArray() && !value.isEmpty()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i > 0 ? "," : "");
        newline(indent, depth + 1, out);
        append(value.get(i), indent, depth + 1, out);
      }
      newline(indent, depth, out);
      out.append(']');
    } else if (value != null && value.isObject() && !value.isEmpty()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.append(first ? "" : ",");
        first = false;
        newline(indent, depth + 1, out);
        PythonJson.appendString(field.getKey(), out);
        out.append(": ");
        append(field.getValue(), indent, depth + 1, out);
      }
      newline(indent, depth, out);
      out.append('}');
    } else {
      PythonJson.append(value, out);
    }
  }

  private static void newline(String indent, int depth, StringBuilder out) {
    out.append('\n').append(indent.repeat(depth));
  }
}
