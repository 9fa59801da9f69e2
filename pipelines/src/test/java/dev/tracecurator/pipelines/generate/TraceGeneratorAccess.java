package dev.tracecurator.pipelines.generate;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write generated Hub-schema Parquet files. */
public final class TraceGeneratorAccess {
  private TraceGeneratorAccess() {}

  public static void writeParquet(Path file, long rows, long seed) throws IOException {
    TraceGenerator.write(new GeneratorSettings(rows, seed, "hub", "openhands", "minimax_m25", file));
  }
}
