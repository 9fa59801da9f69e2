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

  /**
   * One pass over the text looks for the three plain markers and for the words the two patterns
   * need ("exit code ", "rror:"/"RROR:"); a pattern runs only on a text that has its word. Several
   * {@code contains} scans of each long observation were 9 % of a row's work on a short run, whose
   * C1-compiled code has no intrinsic for them.
   */
  static boolean isError(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    boolean exitCode = false;
    boolean errorWord = false;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      switch (text.charAt(i)) {
        case 'T' -> {
          if (text.startsWith("Traceback (most recent call last)", i)) {
            return true;
          }
        }
        case ':' -> {
          if (text.startsWith(": command not found", i)) {
            return true;
          }
        }
        case 'N' -> {
          if (text.startsWith("No such file or directory", i)) {
            return true;
          }
        }
        case 'e' -> exitCode = exitCode || text.startsWith("exit code ", i);
        case 'r' -> errorWord = errorWord || text.startsWith("rror:", i);
        case 'R' -> errorWord = errorWord || text.startsWith("RROR:", i);
        default -> {
          // most characters: nothing begins here
        }
      }
    }
    return (exitCode && EXIT_CODE.matcher(text).find()) || (errorWord && ERROR_LINE.matcher(text).find());
  }
}
