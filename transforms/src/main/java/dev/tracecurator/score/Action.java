package dev.tracecurator.score;

/**
 * One thing the agent did: the tool it called (null for a command written in the message text)
 * and the command or arguments it gave.
 */
public record Action(String tool, String command) {
  /** Same tool, same command: what a stuck agent repeats. */
  public boolean sameAs(Action other) {
    return other != null && java.util.Objects.equals(tool, other.tool) && java.util.Objects.equals(command, other.command);
  }
}
