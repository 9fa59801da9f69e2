package dev.tracecurator.pipelines;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** A decontamination list: one id a line, blank lines and {@code #} comments skipped, from any FileSystems path. */
final class ExclusionList {
  private ExclusionList() {}

  static Set<String> read(String path, String option) {
    Set<String> ids = new LinkedHashSet<>();
    if (path == null || path.isBlank()) {
      return ids;
    }
    String text;
    try {
      text = OutputFiles.read(RunSettings.absolute(path));
    } catch (IOException e) {
      throw new UsageException(ExitCodes.BAD_INPUT, option + "=" + path + " cannot be read (" + e.getMessage() + "): check the path");
    }
    text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(ids::add);
    return ids;
  }
}
