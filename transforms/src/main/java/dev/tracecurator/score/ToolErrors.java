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
  // Plain substrings first: one indexOf each is far cheaper on long observations than a regex
  // alternation tried at every position.
  private static final String[] MARKERS = {"Traceback (most recent call last)", ": command not found", "No such file or directory"};
  private static final Pattern EXIT_CODE = Pattern.compile("exit code [1-9]\\d*\\b");
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^(?:ERROR|Error|error):\\s");

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
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (String marker : MARKERS) {
      if (text.contains(marker)) {
        return true;
      }
    }
    return (text.contains("exit code ") && EXIT_CODE.matcher(text).find())
        || ((text.contains("rror:") || text.contains("RROR:")) && ERROR_LINE.matcher(text).find());
  }
}
