package dev.tracecurator.io;

/** Joins output paths for any FileSystems scheme (local, gs://, hf://) without touching the scheme. */
public final class OutputPaths {
  private OutputPaths() {}

  public static String join(String directory, String child) {
    return directory.endsWith("/") ? directory + child : directory + "/" + child;
  }
}
