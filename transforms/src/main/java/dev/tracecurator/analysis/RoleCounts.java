package dev.tracecurator.analysis;

import dev.tracecurator.model.Message;
import java.util.List;

/** The tutorial's {@code role_counts}, for the four roles the table has columns for. */
record RoleCounts(int system, int user, int assistant, int tool) {
  static RoleCounts of(List<Message> messages) {
    int system = 0;
    int user = 0;
    int assistant = 0;
    int tool = 0;
    for (Message m : messages) {
      if (m.role() == null) {
        continue;
      }
      switch (m.role()) {
        case "system" -> system++;
        case "user" -> user++;
        case "assistant" -> assistant++;
        case "tool" -> tool++;
        default -> { }
      }
    }
    return new RoleCounts(system, user, assistant, tool);
  }
}
