package dev.tracecurator.score;

import dev.tracecurator.model.Message;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Observations that report a failed action: a Python traceback, a shell's "command not found" or
 * "No such file or directory", a non-zero exit code as OpenHands reports it, or an error line.
 * Observations are tool turns; trajectories without tool turns (SWE-agent's classic form) answer
 * with user turns after the first action, so those count instead.
 */
public final class ToolErrors {
  private static final Pattern ERROR = Pattern.compile(
      "Traceback \\(most recent call last\\)|: command not found|No such file or directory"
          + "|\\[Command finished with exit code [1-9]\\d*\\]|exit code [1-9]\\d*\\b|(?m)^(?:ERROR|Error|error):\\s");

  private ToolErrors() {}

  /** Observations, and how many of them report an error. */
  public record Count(int observations, int errors) {
    public double errorRate() {
      return observations == 0 ? 0.0 : (double) errors / observations;
    }
  }

  public static Count count(List<Message> messages) {
    boolean hasToolTurns = messages.stream().anyMatch(m -> m.hasRole("tool"));
    int observations = 0;
    int errors = 0;
    boolean acted = false;
    for (Message message : messages) {
      if (message.hasRole("assistant")) {
        acted = true;
        continue;
      }
      boolean observation = hasToolTurns ? message.hasRole("tool") : acted && message.hasRole("user");
      if (observation) {
        observations++;
        if (isError(message.content())) {
          errors++;
        }
      }
    }
    return new Count(observations, errors);
  }

  static boolean isError(String text) {
    return text != null && !text.isEmpty() && ERROR.matcher(text).find();
  }
}
