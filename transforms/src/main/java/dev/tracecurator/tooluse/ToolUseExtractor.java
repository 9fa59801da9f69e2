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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts tool use the way the tutorial's {@code extract_tool_names} finds it, but each call once.
 *
 * <p>Calls are: structured {@code tool_calls}; in assistant text, {@code <function=NAME} tags,
 * {@code <execute_xxx>} tags, and one {@code bash_block} per message with a bash/sh/shell fence (or
 * mini-swe-agent's {@code mswea_bash_command} fence, which holds the same: one shell command).
 * A {@code tool} message answers the call its {@code tool_call_id} (or SWE-agent's
 * {@code tool_call_ids}) names, or, when it names none, the oldest call still unanswered. Its own
 * {@code name} counts only when it answers no call: the tutorial counts a function call at the
 * call and again at its response.
 */
public final class ToolUseExtractor {
  public static final String BASH_BLOCK = "bash_block";

  private static final Pattern FUNCTION_TAG = Pattern.compile("<function\\s*=\\s*([a-zA-Z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXECUTE_TAG = Pattern.compile("<(execute_[a-z]+)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BASH_FENCE = Pattern.compile("```(?:bash|sh|shell|mswea_bash_command)\\b", Pattern.CASE_INSENSITIVE);

  private ToolUseExtractor() {}

  /** A call waiting for its response; {@code structured} calls are the ones an id can name. */
  private record PendingCall(String id, String name, boolean structured) {}

  public static ToolUse extract(List<Message> messages) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Deque<PendingCall> pending = new ArrayDeque<>();
    List<Message> paired = new ArrayList<>(messages.size());
    int total = 0;
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
      if (message.hasRole("assistant")) {
        List<String> textCalls = textCalls(message.content());
        for (String name : textCalls) {
          total++;
          counts.merge(name, 1, Integer::sum);
          // In a function-calling turn the responses answer the structured calls; text that
          // merely shows a command must not take their place in the queue.
          if (calls.isEmpty()) {
            pending.addLast(new PendingCall(null, name, false));
          }
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

  /** Names of the calls written in an assistant message's text, in the tutorial's order. */
  static List<String> textCalls(String text) {
    List<String> names = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return names;
    }
    if (text.indexOf('<') >= 0) {
      Matcher function = FUNCTION_TAG.matcher(text);
      while (function.find()) {
        names.add(function.group(1).toLowerCase(java.util.Locale.ROOT));
      }
      Matcher execute = EXECUTE_TAG.matcher(text);
      while (execute.find()) {
        names.add(execute.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (text.contains("```") && BASH_FENCE.matcher(text).find()) {
      names.add(BASH_BLOCK);
    }
    return names;
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
