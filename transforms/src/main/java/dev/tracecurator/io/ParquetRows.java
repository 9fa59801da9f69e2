package dev.tracecurator.io;

import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.RowFormat;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;

/**
 * Reads a Parquet file row by row with the file's own schema (as Beam's ParquetIO does, through
 * parquet-avro) and hands each row on as JSON text, numbered from 1.
 */
public final class ParquetRows {
  /** Receives each row. */
  public interface Sink {
    void row(long number, String json);
  }

  private ParquetRows() {}

  public static long read(InputFile file, Sink sink) throws IOException {
    return read(file, sink, true);
  }

  /**
   * {@code requireTrajectoryColumn} false reads a table that is not of trajectories (a benchmark's
   * instances, for decontamination), whose caller checks its own columns.
   */
  public static long read(InputFile file, Sink sink, boolean requireTrajectoryColumn) throws IOException {
    long number = 0;
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(file)
        .withDataModel(GenericData.get())
        .build()) {
      GenericRecord record;
      while ((record = reader.read()) != null) {
        if (number == 0 && requireTrajectoryColumn) {
          requireTrajectoryColumn(record.getSchema());
        }
        number++;
        sink.row(number, Json.write(AvroJson.toJson(record)));
      }
    }
    return number;
  }

  /** A table of something else is one bad file, said once, not thousands of empty trajectories. */
  private static void requireTrajectoryColumn(Schema schema) throws IOException {
    for (String field : RowFormat.TRAJECTORY_FIELDS) {
      if (schema.getField(field) != null) {
        return;
      }
    }
    throw new IOException("the file has no trajectory column (one of " + String.join(", ", RowFormat.TRAJECTORY_FIELDS)
        + "); its columns are: " + schema.getFields().stream().map(Schema.Field::name).collect(Collectors.joining(", ")));
  }
}
