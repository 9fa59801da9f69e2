package dev.tracecurator.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.secrets.SecretScanner;

/**
 * One line of {@code rejected/*.jsonl}. The raw text has its credentials redacted: a dead-letter
 * file is read and passed around as freely as a log.
 */
public final class RejectedJson {
  private RejectedJson() {}

  public static String line(RejectedRecord r) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("file", r.file());
    node.put("line", r.line());
    node.put("step", r.step());
    node.put("error", r.error() == null ? null : SecretScanner.redact(r.error()).text());
    node.put("raw", r.raw() == null ? null : SecretScanner.redact(r.raw()).text());
    node.put("raw_length", r.rawLength());
    node.put("raw_truncated", r.raw() != null && r.raw().length() < r.rawLength());
    return Json.write(node);
  }
}
