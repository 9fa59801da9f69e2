package dev.tracecurator.model;

/**
 * Where a row came from: the file and the 1-based line (or, for a JSON array file, the line on
 * which the element starts).
 */
public record SourcePosition(String file, long line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
