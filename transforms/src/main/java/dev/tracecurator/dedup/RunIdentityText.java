package dev.tracecurator.dedup;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.model.TrajectoryRecord;
import java.util.List;

/**
 * What identifies a run for near-duplicate detection: the task statement (the first user
 * message), the agent's own turns (their text and the calls they make) and the patch. System
 * prompts are left out because every run of a scaffold shares one, and tool output by default
 * because it is mostly the repository's files and logs, which two different runs on one task
 * share at length; both would make unrelated runs look alike.
 */
public final class RunIdentityText {
  private RunIdentityText() {}

  public static String of(TrajectoryRecord record, boolean withToolOutput) {
    StringBuilder out = new StringBuilder();
    List<Message> messages = record.messages();
    boolean taskSeen = false;
    for (Message m : messages) {
      String role = m.role() == null ? "" : m.role();
      switch (role) {
        case "user" -> {
          if (!taskSeen) {
            append(out, m.content());
            taskSeen = true;
          } else if (withToolOutput) {
            append(out, m.content());
          }
        }
        case "assistant" -> {
          append(out, m.content());
          append(out, m.action());
          for (ToolCall call : m.toolCalls()) {
            append(out, call.name());
            append(out, call.arguments());
          }
        }
        case "tool" -> {
          if (withToolOutput) {
            append(out, m.content());
          }
        }
        default -> {
          // system prompts and unknown roles say nothing about this run in particular
        }
      }
    }
    append(out, record.modelPatch());
    return out.toString();
  }

  /**
   * The run's task statement: its first user message, as {@link #of} takes it; null when it has
   * none. Scaffolds wrap the issue in their own instructions there, which is why decontamination
   * looks for a shared span of words in it rather than comparing it whole.
   */
  public static String taskStatement(TrajectoryRecord record) {
    for (Message m : record.messages()) {
      if ("user".equals(m.role())) {
        return m.content();
      }
    }
    return null;
  }

  private static void append(StringBuilder out, String text) {
    if (text != null && !text.isEmpty()) {
      out.append(text).append('\n');
    }
  }
}
