package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The total a run will read, known before it reads, and the counter that reaches it as the files are read. */
class ReadTotalTest {
  @TempDir
  Path dir;

  /** Sums what is counted, as Beam's counters do in a pipeline. */
  static final class Sum extends AddingCounter {
    long value;
    int increments;

    @Override
    public void inc(long n) {
      value += n;
      increments++;
    }

    @Override
    public MetricName getName() {
      return MetricName.named("test", "sum");
    }
  }

  private static String rows(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("{\"instance_id\":\"i").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"")
          .append("x".repeat(2_000 + i % 97)).append("\"}]}\n");
    }
    return text.toString();
  }

  @Test
  void filesAsStoredAreTheTotalAndReadingThemCountsExactlyThatAsItGoes() throws IOException {
    Files.writeString(dir.resolve("a.jsonl"), rows(1_500));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
      out.write(rows(800).getBytes(StandardCharsets.UTF_8));
    }
    List<InputSpec> inputs = List.of(InputSpec.parse(dir + "/*.jsonl"), InputSpec.parse(dir + "/*.jsonl.gz"));
    long stored = Files.size(dir.resolve("a.jsonl")) + Files.size(dir.resolve("b.jsonl.gz"));
    assertEquals(Optional.of(new ReadTotal(ReadTrajectoryLines.INPUT_BYTES_READ, stored, "bytes")), ReadTotal.of(inputs, 0));

    Sum read = new Sum();
    Sum decompressed = new Sum();
    Sum input = new Sum();
    for (InputSpec spec : inputs) {
      for (MatchResult.Metadata file : ReadTrajectoryLines.match(spec.glob())) {
        ReadTrajectoryLines.FileToRead toRead = ReadTrajectoryLines.fileToRead(spec, file);
        ReadTrajectoryLines.readFile(toRead, new ReadTrajectoryLines.Emitter(toRead, new DiscardingReceiver(), read, Long.MAX_VALUE,
            ReadTrajectoryLines.DEFAULT_MAX_RECORD_BYTES), decompressed, input);
      }
    }
    assertEquals(2_300, read.value);
    assertEquals(stored, input.value, "the bytes as stored, the compressed file's before decompression");
    assertTrue(decompressed.value > input.value, "bytes_read stays the decompressed bytes");
    assertTrue(input.increments > 2, "counted while reading (a MiB at a time), not once a file: " + input.increments);
  }

  @Test
  void parquetFootersGiveTheRowsAndTheLimitStandsForEachInput() throws IOException {
    Schema schema = SchemaBuilder.record("Row").fields().requiredString("instance_id").requiredString("messages").endRecord();
    for (String[] file : new String[][] {{"p1.parquet", "3"}, {"p2.parquet", "4"}}) {
      try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(dir.resolve(file[0])))
          .withSchema(schema).build()) {
        for (int i = 0; i < Integer.parseInt(file[1]); i++) {
          GenericData.Record row = new GenericData.Record(schema);
          row.put("instance_id", "i" + i);
          row.put("messages", "[]");
          writer.write(row);
        }
      }
    }
    Files.writeString(dir.resolve("c.jsonl"), rows(10));
    List<InputSpec> parquet = List.of(InputSpec.parse(dir + "/*.parquet"));
    assertEquals(Optional.of(new ReadTotal("read", 7, "records")), ReadTotal.of(parquet, 0));
    List<InputSpec> both = List.of(InputSpec.parse(dir + "/*.parquet"), InputSpec.parse(dir + "/*.jsonl"));
    assertEquals(Optional.of(new ReadTotal("read", 2 * 5, "records")), ReadTotal.of(both, 5),
        "with a limit no file is opened before the run (footers neither): the limit per input stands");
    assertEquals(Optional.of(new ReadTotal(ReadTrajectoryLines.INPUT_BYTES_READ,
        Files.size(dir.resolve("p1.parquet")) + Files.size(dir.resolve("p2.parquet")) + Files.size(dir.resolve("c.jsonl")), "bytes")),
        ReadTotal.of(both, 0), "Parquet beside JSON Lines: the bytes as stored");
    assertEquals(Optional.empty(), ReadTotal.of(List.of(InputSpec.parse(dir + "/none-*.jsonl")), 0));
  }

  private static final class DiscardingReceiver implements org.apache.beam.sdk.transforms.DoFn.OutputReceiver<dev.tracecurator.model.SourceLine> {
    @Override
    public void output(dev.tracecurator.model.SourceLine line) {}

    @Override
    public void outputWithTimestamp(dev.tracecurator.model.SourceLine line, org.joda.time.Instant timestamp) {}
  }
}
