package dev.tracecurator.model;

import dev.tracecurator.normalize.RowFormat;

/**
 * One raw input record as read, before parsing.
 *
 * @param position file and line
 * @param text the record's JSON text ({@code null} when it could not be read)
 * @param agentHint the agent the input or its path names, null when neither does
 * @param modelHint the model the input or its path names, null when neither does
 * @param readError why the record (or the rest of its file) could not be read, null when it could
 * @param format the format its input names, {@link RowFormat#AUTO} to tell by shape
 * @param resolvedHint the resolution label its input gives rows that state none ({@code #resolved=1}), else null
 */
public record SourceLine(SourcePosition position, String text, String agentHint, String modelHint, String readError,
    RowFormat format, Integer resolvedHint) {

  public SourceLine {
    format = format == null ? RowFormat.AUTO : format;
  }

  public SourceLine(SourcePosition position, String text, String agentHint, String modelHint, String readError,
      RowFormat format) {
    this(position, text, agentHint, modelHint, readError, format, null);
  }

  public SourceLine(SourcePosition position, String text, String agentHint, String modelHint, String readError) {
    this(position, text, agentHint, modelHint, readError, RowFormat.AUTO);
  }

  public static SourceLine of(SourcePosition position, String text, String agentHint, String modelHint) {
    return new SourceLine(position, text, agentHint, modelHint, null, RowFormat.AUTO);
  }

  public static SourceLine unreadable(SourcePosition position, String rawPreview, String error) {
    return new SourceLine(position, rawPreview, null, null, error, RowFormat.AUTO);
  }
}
