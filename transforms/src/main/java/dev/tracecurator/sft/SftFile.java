package dev.tracecurator.sft;

import java.util.Locale;

/** The file type of SFT output. */
public enum SftFile {
  JSONL(".jsonl"),
  PARQUET(".parquet");

  private final String extension;

  SftFile(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public static SftFile parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--sftFile must be jsonl or parquet, got '" + name + "'", e);
    }
  }
}
