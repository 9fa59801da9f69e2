package dev.tracecurator.secrets;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The credentials in a trajectory's text (message content, reasoning, tool-call arguments) and
 * its patch: how many of each kind, and the same trajectory with each replaced by its placeholder.
 */
public record TrajectorySecrets(Map<String, Integer> counts, List<Message> redactedMessages, String redactedPatch) {

  public static TrajectorySecrets scan(List<Message> messages, String patch) {
    Map<String, Integer> counts = new TreeMap<>();
    List<Message> redacted = new ArrayList<>(messages.size());
    for (Message m : messages) {
      List<ToolCall> calls = new ArrayList<>(m.toolCalls().size());
      for (ToolCall call : m.toolCalls()) {
        calls.add(new ToolCall(call.id(), call.type(), call.name(), redact(call.arguments(), counts)));
      }
      redacted.add(new Message(m.role(), redact(m.content(), counts), redact(m.reasoningContent(), counts), calls,
          m.toolCallId(), m.toolCallIds(), m.name(), redact(m.action(), counts)));
    }
    String redactedPatch = redact(patch, counts);
    return new TrajectorySecrets(counts, counts.isEmpty() ? messages : redacted, counts.isEmpty() ? patch : redactedPatch);
  }

  private static String redact(String text, Map<String, Integer> counts) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Redaction r = SecretScanner.redact(text);
    r.counts().forEach((kind, n) -> counts.merge(kind.label(), n, Integer::sum));
    return r.text();
  }

  public boolean found() {
    return !counts.isEmpty();
  }
}
