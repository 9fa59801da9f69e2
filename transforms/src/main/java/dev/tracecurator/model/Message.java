package dev.tracecurator.model;

import java.util.List;

/**
 * One normalised trajectory message: what the tutorial's {@code message_text} reads, plus what
 * training needs from function-calling trajectories.
 *
 * @param role the source's role; {@code "unknown"} when the key is missing, null when it is null
 * @param content the message text exactly as the tutorial's {@code message_text} returns it
 * @param reasoningContent the model's reasoning, null when unset
 * @param toolCalls structured tool calls, empty when none
 * @param toolCallId the call a tool response answers, null when the source does not say
 * @param toolCallIds SWE-agent's list form of the same, empty when none
 * @param name the tool name a tool response carries, null when none
 * @param action the command a text-only harness recorded beside the turn (SWE-agent's {@code action}), null when none
 */
public record Message(
    String role,
    String content,
    String reasoningContent,
    List<ToolCall> toolCalls,
    String toolCallId,
    List<String> toolCallIds,
    String name,
    String action) {

  public Message {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    toolCallIds = toolCallIds == null ? List.of() : List.copyOf(toolCallIds);
  }

  public Message(String role, String content, String reasoningContent, List<ToolCall> toolCalls, String toolCallId,
      List<String> toolCallIds, String name) {
    this(role, content, reasoningContent, toolCalls, toolCallId, toolCallIds, name, null);
  }

  public static Message of(String role, String content) {
    return new Message(role, content, null, List.of(), null, List.of(), null, null);
  }

  public boolean hasRole(String expected) {
    return expected.equals(role);
  }

  public Message withPairing(String pairedCallId, String pairedName) {
    return new Message(role, content, reasoningContent, toolCalls, pairedCallId, toolCallIds, pairedName, action);
  }

  public Message withToolCalls(List<ToolCall> calls) {
    return new Message(role, content, reasoningContent, calls, toolCallId, toolCallIds, name, action);
  }
}
