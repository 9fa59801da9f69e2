package dev.tracecurator.normalize;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a row keeps one value: a dotted path into the row ({@code test_result.report.resolved}),
 * optionally cut to the first group of a pattern ({@code run_id} names the model before
 * {@code _maxiter}). {@link #FILE_NAME} is the one-trajectory file's name, {@link #WHOLE_ROW} the
 * row itself (a bare message list).
 */
public record FieldRef(String path, String pattern) implements Serializable {
  public static final String FILE_NAME = "(file name)";
  public static final String WHOLE_ROW = "(the row)";

  public static FieldRef of(String path) {
    return new FieldRef(path, null);
  }

  /** The path's text, cut to the first group of {@code regex}; a value it does not match is absent. */
  public static FieldRef matching(String path, String regex) {
    Pattern.compile(regex);
    return new FieldRef(path, regex);
  }

  public String[] steps() {
    return path.split("\\.");
  }

  /** The pattern's first group in {@code text}, or null. */
  String cut(String text) {
    if (pattern == null || text == null) {
      return text;
    }
    Matcher m = Pattern.compile(pattern).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  @Override
  public String toString() {
    return pattern == null ? path : path + " ~ /" + pattern + "/";
  }
}
