package dev.tracecurator.sft;

import dev.tracecurator.io.StagedFiles;
import dev.tracecurator.io.WrittenFile;
import dev.tracecurator.model.DeflatedText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Writes one SFT shard (its file name, its rows' JSON compressed as {@link DeflatedText}) to a
 * temporary file, as JSON Lines (each row's UTF-8 bytes and a line break) or Parquet through
 * Beam's sink, and emits (temporary path, final path) for the placement.
 */
final class WriteShardFileFn extends DoFn<KV<String, Iterable<byte[]>>, WrittenFile> {
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
  public void process(@Element KV<String, Iterable<byte[]>> shard, OutputReceiver<WrittenFile> out) throws IOException {
    ResourceId temporary = staged.newTemporary(file.extension());
    try (WritableByteChannel channel = FileSystems.create(temporary, file == SftFile.PARQUET ? "application/octet-stream" : "text/plain")) {
      if (file == SftFile.PARQUET) {
        if (schema == null) {
          schema = new Schema.Parser().parse(schemaJson);
        }
        FileIO.Sink<GenericRecord> sink = ParquetIO.sink(schema);
        sink.open(channel);
        for (byte[] row : shard.getValue()) {
          sink.write(SftAvro.toRecord(new DeflatedText(row).text(), schema));
        }
        sink.flush();
      } else {
        OutputStream lines = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        for (byte[] row : shard.getValue()) {
          lines.write(new DeflatedText(row).utf8());
          lines.write('\n');
        }
        lines.flush();
      }
    }
    out.output(new WrittenFile(temporary.toString(), staged.finalPath(shard.getKey())));
  }
}
