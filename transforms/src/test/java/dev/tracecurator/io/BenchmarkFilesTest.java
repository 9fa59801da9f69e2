package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.decontam.BenchmarkRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Benchmark files: the real JSON Lines sample, the same rows as a JSON list and as Parquet, and files that lack columns. */
class BenchmarkFilesTest {
  private static final Path REAL = Path.of("src/test-fixtures/real/benchmark/multi-swe-bench.instances.jsonl");

  @TempDir
  Path tmp;

  @Test
  void readsTheRealSample() throws IOException {
    List<BenchmarkRow> rows = BenchmarkFiles.read(REAL.toString());
    assertEquals(List.of("ponylang__ponyc-4595", "ponylang__ponyc-4593", "ponylang__ponyc-4588"),
        rows.stream().map(BenchmarkRow::instanceId).toList());
    assertEquals("ponylang/ponyc", rows.get(0).repo());
    assertEquals("f8a2feebba3aea298bde89d445ad35ca48602ca7", rows.get(0).baseCommit());
    assertTrue(rows.get(0).problemStatement().startsWith("ponyc segfaults when trying to match using a single element tuple form"));
    assertNull(rows.get(0).patch());
  }

  @Test
  void readsAJsonListAndParquetWithoutATrajectoryColumn() throws IOException {
    List<BenchmarkRow> expected = BenchmarkFiles.read(REAL.toString());
    Path json = tmp.resolve("instances.json");
    Files.writeString(json, "[" + String.join(",", Files.readAllLines(REAL)) + "]");
    assertEquals(expected, BenchmarkFiles.read(json.toString()));

    Schema schema = SchemaBuilder.record("Instance").fields().requiredString("repo").requiredString("instance_id")
        .requiredString("base_commit").requiredString("problem_statement").optionalString("patch").endRecord();
    Path parquet = tmp.resolve("test-00000-of-00001.parquet");
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(parquet))
        .withSchema(schema).build()) {
      for (BenchmarkRow row : expected) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("repo", row.repo());
        record.put("instance_id", row.instanceId());
        record.put("base_commit", row.baseCommit());
        record.put("problem_statement", row.problemStatement());
        writer.write(record);
      }
    }
    assertEquals(expected, BenchmarkFiles.read(tmp.resolve("*.parquet").toString()));
  }

  @Test
  void aFileWithoutTheColumnsItNeedsIsRefusedByName() throws IOException {
    Path noId = tmp.resolve("no-id.jsonl");
    Files.writeString(noId, "{\"id\": \"x\", \"problem_statement\": \"text\"}\n");
    IOException e = assertThrows(IOException.class, () -> BenchmarkFiles.read(noId.toString()));
    assertTrue(e.getMessage().contains(noId.toString()) && e.getMessage().contains("has no instance_id")
        && e.getMessage().contains("columns: id, problem_statement"), e.getMessage());

    Path idsOnly = tmp.resolve("ids-only.jsonl");
    Files.writeString(idsOnly, "{\"instance_id\": \"x\", \"repo\": \"o/n\"}\n");
    e = assertThrows(IOException.class, () -> BenchmarkFiles.read(idsOnly.toString()));
    assertTrue(e.getMessage().contains(idsOnly.toString()) && e.getMessage().contains("has no problem_statement or patch"),
        e.getMessage());

    e = assertThrows(IOException.class, () -> BenchmarkFiles.read(tmp.resolve("absent-*.jsonl").toString()));
    assertTrue(e.getMessage().contains("matches no file"), e.getMessage());
  }
}
