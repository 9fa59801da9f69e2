package dev.tracecurator.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A commit as sources write it, kept only when it is one: 7 to 64 hex digits, lower-cased. A ref
 * such as {@code HEAD} or a branch name names no fixed commit, so it is null, never resolved or
 * guessed.
 */
public final class GitCommit {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,64}");

  private GitCommit() {}

  public static String orNull(String value) {
    if (value == null) {
      return null;
    }
    String commit = value.strip().toLowerCase(Locale.ROOT);
    return HEX.matcher(commit).matches() ? commit : null;
  }
}
