package dev.tracecurator.score;

/**
 * One thing the agent did: the tool it called (null for a command written in the message text),
 * the command it ran (a call's {@code command} argument, else its arguments) and its arguments in
 * full.
 */
public record Action(String tool, String command, String arguments) {
  public Action(String tool, String command) {
    this(tool, command, command);
  }

  /**
   * Same tool, same arguments: what a stuck agent repeats. Arguments in full, since an editor's
   * {@code command} is only its sub-command (view, str_replace) and differs in path and text.
   */
  public boolean sameAs(Action other) {
    return other != null && java.util.Objects.equals(tool, other.tool) && java.util.Objects.equals(arguments, other.arguments);
  }
}
