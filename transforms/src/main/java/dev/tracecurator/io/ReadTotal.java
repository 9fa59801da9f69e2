package dev.tracecurator.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * How much a run will read, where that is known before reading: the counter of
 * {@link ReadTrajectoryLines} that measures it, and the value it ends at. The files' bytes as
 * stored ({@link ReadTrajectoryLines#INPUT_BYTES_READ}); the rows of Parquet footers when every
 * file is Parquet (at most {@link #MAX_FOOTERS} files); {@code --limitPerSource} records per input
 * (an input with fewer ends short of 100 % until the job is done).
 *
 * @param counter the counter's name in {@link ReadTrajectoryLines#METRICS_NAMESPACE}
 * @param total its value once everything is read
 * @param unit what it counts, for a reader: {@code bytes} or {@code records}
 */
public record ReadTotal(String counter, long total, String unit) {
  /** Footers read at most before a run (one seek each, over HTTP for hf://); past this the bytes tell. */
  static final int MAX_FOOTERS = 64;

  /** The total for these inputs, or empty when a file cannot be listed or measured. */
  public static Optional<ReadTotal> of(List<InputSpec> inputs, long limitPerSource) {
    try {
      List<List<MatchResult.Metadata>> matched = new ArrayList<>();  // also: every input still matches
      for (InputSpec input : inputs) {
        matched.add(ReadTrajectoryLines.match(input.glob()).stream().filter(ReadTotal::readable).toList());
      }
      if (limitPerSource > 0) {
        // No file is opened to learn more: files past the N-th record are never opened, footers included.
        return Optional.of(new ReadTotal("read", limitPerSource * inputs.size(), "records"));
      }
      List<MatchResult.Metadata> all = matched.stream().flatMap(List::stream).toList();
      if (all.size() <= MAX_FOOTERS && allParquet(all)) {
        return Optional.of(new ReadTotal("read", footerRows(all), "records"));
      }
      long bytes = 0;
      for (MatchResult.Metadata file : all) {
        if (file.sizeBytes() < 0) {
          return Optional.empty();
        }
        bytes += file.sizeBytes();
      }
      return Optional.of(new ReadTotal(ReadTrajectoryLines.INPUT_BYTES_READ, bytes, "bytes"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Files of a type the reader reads: others are rejected unread, and count for nothing. */
  private static boolean readable(MatchResult.Metadata file) {
    return FileFormat.of(file.resourceId().toString().toLowerCase(Locale.ROOT)) != null;
  }

  private static boolean allParquet(List<MatchResult.Metadata> files) {
    return !files.isEmpty() && files.stream()
        .allMatch(f -> FileFormat.of(f.resourceId().toString().toLowerCase(Locale.ROOT)) == FileFormat.PARQUET);
  }

  /** The rows the files' footers state: a footer read each, by seeking, never the rows. */
  private static long footerRows(List<MatchResult.Metadata> files) throws IOException {
    long rows = 0;
    for (MatchResult.Metadata file : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file.resourceId(), file.sizeBytes()))) {
        rows += reader.getRecordCount();
      }
    }
    return rows;
  }
}
