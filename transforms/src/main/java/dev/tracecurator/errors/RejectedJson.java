package dev.tracecurator.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;

/** One line of {@code rejected/*.jsonl}. */
public final class RejectedJson {
  private RejectedJson() {}

  public static String line(RejectedRecord r) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("file", r.file());
    node.put("line", r.line());
    node.put("step", r.step());
    node.put("error", r.error());
    node.put("raw", r.raw());
    node.put("raw_length", r.rawLength());
    node.put("raw_truncated", r.raw() != null && r.raw().length() < r.rawLength());
    return Json.write(node);
  }
}
