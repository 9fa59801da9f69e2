package dev.tracecurator.pipelines;

import dev.tracecurator.decontam.BenchmarkIndex;
import dev.tracecurator.decontam.BenchmarkRow;
import dev.tracecurator.io.BenchmarkFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code --decontaminate}: the benchmark files read once, at launch, into the index every worker is given. */
final class Benchmarks {
  private Benchmarks() {}

  /** The index of every benchmark given; null when none is. A file that cannot be read or lacks columns stops the run (exit 3). */
  static BenchmarkIndex index(List<String> specs, int ngram) {
    List<String> globs = globs(specs);
    if (globs.isEmpty()) {
      return null;
    }
    List<BenchmarkRow> rows = new ArrayList<>();
    for (String glob : globs) {
      try {
        rows.addAll(BenchmarkFiles.read(RunSettings.absolute(glob)));
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException(ExitCodes.BAD_INPUT, "--decontaminate=" + glob + ": " + e.getMessage());
      }
    }
    return BenchmarkIndex.of(rows, ngram, globs);
  }

  /** The option's values, each also split at commas (Beam splits a list option's value at commas only sometimes). */
  static List<String> globs(List<String> specs) {
    List<String> globs = new ArrayList<>();
    if (specs != null) {
      for (String spec : specs) {
        for (String glob : spec.split(",")) {
          if (!glob.isBlank()) {
            globs.add(glob.strip());
          }
        }
      }
    }
    return globs;
  }
}
