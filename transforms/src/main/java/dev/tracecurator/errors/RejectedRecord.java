package dev.tracecurator.errors;

/**
 * A record that could not be analysed: the dead-letter row written to {@code rejected/}.
 *
 * @param file the source file
 * @param line the 1-based line (or element start line) in that file
 * @param step the pipeline step that rejected it
 * @param error what is wrong, in words a user can act on
 * @param raw the raw text, cut at {@link #MAX_RAW_CHARS}
 * @param rawLength the raw text's full length in characters
 */
public record RejectedRecord(String file, long line, String step, String error, String raw, long rawLength) {
  public static final int MAX_RAW_CHARS = 64 * 1024;

  public static RejectedRecord of(String file, long line, String step, String error, String raw) {
    String text = raw == null ? "" : raw;
    String cut = text.length() > MAX_RAW_CHARS ? text.substring(0, MAX_RAW_CHARS) : text;
    return new RejectedRecord(file, line, step, error, cut, text.length());
  }
}
