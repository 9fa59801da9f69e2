package dev.tracecurator.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.decontam.BenchmarkRow;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Reads benchmark instances (SWE-bench and its kin: {@code instance_id}, {@code problem_statement},
 * {@code patch}, and {@code repo}, {@code base_commit} when present) from JSON Lines (also
 * compressed), a JSON list or Parquet, through Beam FileSystems, so {@code hf://datasets/…} globs
 * read the Hub as inputs do. A file without {@code instance_id}, or with neither
 * {@code problem_statement} nor {@code patch}, is refused by name: decontaminating against it would
 * silently find nothing.
 */
public final class BenchmarkFiles {
  private static final String ID = "instance_id";
  private static final String STATEMENT = "problem_statement";
  private static final String PATCH = "patch";

  private BenchmarkFiles() {}

  /** Every row of every file {@code glob} matches, files in name order. */
  public static List<BenchmarkRow> read(String glob) throws IOException {
    List<BenchmarkRow> rows = new ArrayList<>();
    for (MatchResult.Metadata file : ReadTrajectoryLines.match(glob)) {
      rows.addAll(readFile(file));
    }
    return rows;
  }

  private static List<BenchmarkRow> readFile(MatchResult.Metadata file) throws IOException {
    String name = file.resourceId().toString();
    FileFormat format = FileFormat.of(file.resourceId().getFilename() == null ? name
        : file.resourceId().getFilename().toLowerCase(Locale.ROOT));
    Rows rows = new Rows(name);
    try {
      if (format == FileFormat.PARQUET) {
        ParquetRows.read(new ChannelInputFile(file.resourceId(), file.sizeBytes()), rows::add, false);
      } else if (format == FileFormat.JSON_LINES) {
        try (InputStream in = open(file, name)) {
          LineReader.read(in, new LineReader.Sink() {
            @Override
            public void line(long number, String text) {
              rows.add(number, text);
            }

            @Override
            public void undecodable(long number, String error, String preview) {
              throw new UncheckedIOException(new IOException("benchmark file " + name + " line " + number + ": " + error));
            }
          });
        }
      } else if (format == FileFormat.JSON_DOCUMENT) {
        // A benchmark is small: a JSON list of instances (or one instance) is read whole.
        try (InputStream in = open(file, name)) {
          JsonNode document = Json.DOCUMENT.readTree(in);
          if (document != null && document.isArray()) {
            for (int i = 0; i < document.size(); i++) {
              rows.add(i, Json.write(document.get(i)));
            }
          } else if (document != null) {
            rows.add(1, Json.write(document));
          }
        }
      } else {
        throw new IOException("benchmark file " + name + " is not .jsonl, .json or .parquet");
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return rows.rows;
  }

  private static InputStream open(MatchResult.Metadata file, String name) throws IOException {
    return Channels.newInputStream(Compression.detect(name).readDecompressed(FileSystems.open(file.resourceId())));
  }

  /** Collects a file's rows, checking its columns on the first. */
  private static final class Rows {
    private final String file;
    private final List<BenchmarkRow> rows = new ArrayList<>();

    Rows(String file) {
      this.file = file;
    }

    void add(long number, String json) {
      JsonNode row;
      try {
        row = Json.STRICT.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException(new IOException("benchmark file " + file + " row " + number + " is not JSON: " + e.getMessage()));
      }
      if (!row.isObject()) {
        throw new UncheckedIOException(new IOException("benchmark file " + file + " row " + number + " is not a JSON object"));
      }
      if (rows.isEmpty()) {
        requireColumns(row, number);
      }
      String id = text(row, ID);
      if (id == null || id.isBlank()) {
        throw new UncheckedIOException(new IOException("benchmark file " + file + " row " + number + " has no " + ID));
      }
      rows.add(new BenchmarkRow(id, text(row, "repo"), text(row, "base_commit"), text(row, STATEMENT), text(row, PATCH)));
    }

    private void requireColumns(JsonNode row, long number) {
      List<String> missing = new ArrayList<>();
      if (!row.has(ID)) {
        missing.add(ID);
      }
      if (!row.has(STATEMENT) && !row.has(PATCH)) {
        missing.add(STATEMENT + " or " + PATCH);
      }
      if (!missing.isEmpty()) {
        TreeSet<String> columns = new TreeSet<>();
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
          columns.add(names.next());
        }
        throw new UncheckedIOException(new IOException("benchmark file " + file + " has no " + String.join(" and no ", missing)
            + " (row " + number + "'s columns: " + String.join(", ", columns) + ")"));
      }
    }

    private static String text(JsonNode row, String field) {
      JsonNode value = row.get(field);
      return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
    }
  }
}
