package dev.tracecurator.io;

import dev.tracecurator.normalize.Json;
import java.io.IOException;
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
    long number = 0;
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(file)
        .withDataModel(GenericData.get())
        .build()) {
      GenericRecord record;
      while ((record = reader.read()) != null) {
        number++;
        sink.row(number, Json.write(AvroJson.toJson(record)));
      }
    }
    return number;
  }
}
