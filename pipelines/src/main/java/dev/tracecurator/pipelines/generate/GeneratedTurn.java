package dev.tracecurator.pipelines.generate;

import java.util.List;

/**
 * One generated message: an assistant turn with its calls, or a tool's observation.
 *
 * @param role system, user, assistant or tool
 * @param content the text
 * @param reasoning the assistant's reasoning, null for other roles or when absent
 * @param calls the assistant's tool calls, empty otherwise
 * @param toolName for a tool observation, the tool that produced it
 * @param callId for a tool observation, the call it answers
 */
record GeneratedTurn(String role, String content, String reasoning, List<Call> calls, String toolName, String callId) {
  /** A tool call: its id, the tool and its arguments as a JSON object text. */
  record Call(String id, String name, String arguments) {}

  static GeneratedTurn plain(String role, String content) {
    return new GeneratedTurn(role, content, null, List.of(), null, null);
  }
}
