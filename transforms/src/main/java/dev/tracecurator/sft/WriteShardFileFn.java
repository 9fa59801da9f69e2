package dev.tracecurator.sft;

import dev.tracecurator.io.StagedFiles;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes one SFT shard (its file name, its rows' JSON) to a temporary file, as JSON Lines or
 * Parquet through Beam's own sinks, and emits (temporary path, final path) for the placement.
 */
final class WriteShardFileFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
  private final StagedFiles staged;
  private final SftFile file;
  private final String schemaJson;
  private transient Schema schema;

  /** {@code schemaJson}: the Parquet files' Avro schema, null for JSON Lines. */
  WriteShardFileFn(StagedFiles staged, SftFile file, String schemaJson) {
    this.staged = staged;
    this.file = file;
    this.schemaJson = schemaJson;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<String>> shard, OutputReceiver<KV<String, String>> out) throws IOException {
    ResourceId temporary = staged.newTemporary(file.extension());
    try (WritableByteChannel channel = FileSystems.create(temporary, file == SftFile.PARQUET ? "application/octet-stream" : "text/plain")) {
      if (file == SftFile.PARQUET) {
        if (schema == null) {
          schema = new Schema.Parser().parse(schemaJson);
        }
        FileIO.Sink<GenericRecord> sink = ParquetIO.sink(schema);
        sink.open(channel);
        for (String row : shard.getValue()) {
          sink.write(SftAvro.toRecord(row, schema));
        }
        sink.flush();
      } else {
        FileIO.Sink<String> sink = TextIO.sink();
        sink.open(channel);
        for (String row : shard.getValue()) {
          sink.write(row);
        }
        sink.flush();
      }
    }
    out.output(KV.of(temporary.toString(), staged.finalPath(shard.getKey())));
  }
}
