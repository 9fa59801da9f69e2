package dev.tracecurator.pipelines.bench;

import java.util.Locale;

/** One benchmark run: how much went through and how long it took. */
record Measurement(String name, long rows, long bytes, long tokens, double seconds) {
  double rowsPerSecond() {
    return rows / seconds;
  }

  double megabytesPerSecond() {
    return bytes / 1e6 / seconds;
  }

  double tokensPerSecond() {
    return tokens / seconds;
  }

  String line(Measurement baseline) {
    return String.format(Locale.ROOT, "%-58s %8.1f s %9.1f rows/s %8.1f MB/s %12.0f tokens/s %7.1f %%", name, seconds,
        rowsPerSecond(), megabytesPerSecond(), tokensPerSecond(), 100.0 * rowsPerSecond() / baseline.rowsPerSecond());
  }
}
