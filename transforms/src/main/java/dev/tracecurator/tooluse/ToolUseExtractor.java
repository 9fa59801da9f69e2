package dev.tracecurator.tooluse;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts tool use the way the tutorial's {@code extract_tool_names} finds it, but each call once,
 * and by what the harness ran: structured {@code tool_calls} where a trajectory has any, else the
 * commands its text writes ({@link TextCommands}). A {@code tool} message answers the call its {@code tool_call_id} (or SWE-agent's
 * {@code tool_call_ids}) names, or, when it names none, the oldest call still unanswered. Its own
 * {@code name} counts only when it answers no call: the tutorial counts a function call at the
 * call and again at its response.
 */
public final class ToolUseExtractor {
  public static final String BASH_BLOCK = TextCommands.BASH_BLOCK;

  private ToolUseExtractor() {}

  /** A call waiting for its response; {@code structured} calls are the ones an id can name. */
  private record PendingCall(String id, String name, boolean structured) {}

  public static ToolUse extract(List<Message> messages) {
    return extract(messages, true);
  }

  /** With {@code textCommands} false (a format whose text is only talk), only structured calls count. */
  public static ToolUse extract(List<Message> messages, boolean textCommands) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Deque<PendingCall> pending = new ArrayDeque<>();
    List<Message> paired = new ArrayList<>(messages.size());
    int total = 0;
    boolean structured = !textCommands || TextCommands.structured(messages);
    for (int index = 0; index < messages.size(); index++) {
      Message message = messages.get(index);
      List<ToolCall> calls = withIds(message.toolCalls(), index);
      for (ToolCall call : calls) {
        total++;
        if (call.name() != null && !call.name().isEmpty()) {
          counts.merge(call.name(), 1, Integer::sum);
        }
        pending.addLast(new PendingCall(call.id(), call.name(), true));
      }
      if (!structured) {
        for (TextCommand command : TextCommands.of(message)) {
          total++;
          counts.merge(command.name(), 1, Integer::sum);
          pending.addLast(new PendingCall(null, command.name(), false));
        }
      }
      Message out = calls == message.toolCalls() ? message : message.withToolCalls(calls);
      if (message.hasRole("tool")) {
        PendingCall answered = answer(message, pending);
        if (answered == null) {
          if (message.name() != null && !message.name().isEmpty()) {
            counts.merge(message.name(), 1, Integer::sum);
          }
        } else if (answered.structured()) {
          out = out.withPairing(
              message.toolCallId() != null ? message.toolCallId() : answered.id(),
              message.name() != null ? message.name() : answered.name());
        }
      }
      paired.add(out);
    }
    return new ToolUse(counts, total, paired);
  }

  private static PendingCall answer(Message response, Deque<PendingCall> pending) {
    List<String> ids = response.toolCallId() != null ? List.of(response.toolCallId()) : response.toolCallIds();
    if (ids.isEmpty()) {
      return pending.pollFirst();
    }
    PendingCall first = null;
    for (String id : ids) {
      for (Iterator<PendingCall> it = pending.iterator(); it.hasNext(); ) {
        PendingCall call = it.next();
        if (id.equals(call.id())) {
          it.remove();
          first = first == null ? call : first;
          break;
        }
      }
    }
    return first;
  }

  /** Gives every structured call an id, so responses without one can be paired in the output. */
  private static List<ToolCall> withIds(List<ToolCall> calls, int messageIndex) {
    boolean missing = false;
    for (ToolCall call : calls) {
      missing |= call.id() == null || call.id().isEmpty();
    }
    if (!missing) {
      return calls;
    }
    List<ToolCall> out = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      boolean hasId = call.id() != null && !call.id().isEmpty();
      out.add(hasId ? call : new ToolCall("call_" + messageIndex + "_" + i, call.type(), call.name(), call.arguments()));
    }
    return out;
  }
}
