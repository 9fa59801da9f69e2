package dev.tracecurator.model;

/**
 * One raw input record as read, before parsing.
 *
 * @param position file and line
 * @param text the record's JSON text ({@code null} when it could not be read)
 * @param agentHint the agent the input or its path names, null when neither does
 * @param modelHint the model the input or its path names, null when neither does
 * @param readError why the record (or the rest of its file) could not be read, null when it could
 */
public record SourceLine(SourcePosition position, String text, String agentHint, String modelHint, String readError) {
  public static SourceLine of(SourcePosition position, String text, String agentHint, String modelHint) {
    return new SourceLine(position, text, agentHint, modelHint, null);
  }

  public static SourceLine unreadable(SourcePosition position, String rawPreview, String error) {
    return new SourceLine(position, rawPreview, null, null, error);
  }
}
