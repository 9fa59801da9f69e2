package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import dev.tracecurator.io.LocalParquetOutput;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of many kinds in one run: it finishes, every bad record is in rejected/ by file and
 * line with a reason, every good one is analysed, and read = analysed + rejected.
 */
class BadInputCorpusTest {
  @TempDir
  Path tmp;

  private static final String GOOD = "{\"instance_id\": \"ok__ok-%d\", \"repo\": \"ok/ok\", \"resolved\": 1, "
      + "\"messages\": [{\"role\": \"user\", \"content\": \"fix it\"}, {\"role\": \"assistant\", \"content\": \"done\"}]}";

  private static final String REJECTED = "rejected";
  /** Analysed, and filtered as malformed_trajectory with the reason in trajectory_error, as the tutorial counts it. */
  private static final String MALFORMED = "malformed";
  private static final String ANALYSED = "analysed";
  private static final String SKIPPED = "skipped";

  /** Each line of the rows file and where it must end up. */
  private final Map<String, String> lines = new LinkedHashMap<>();

  private String good(int i) {
    return String.format(GOOD, i);
  }

  private Path rowsFile() throws IOException {
    lines.put("{\"instance_id\": \"cut-off\", \"messages\": [", REJECTED);
    lines.put("[1, 2, 3]", REJECTED);
    lines.put("plain text, not JSON", REJECTED);
    lines.put("{\"instance_id\": \"s\", \"resolved\": \"yes\", \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"n\", \"resolved\": NaN, \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"i\", \"resolved\": Infinity, \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"t\", \"trajectory\": 42}", MALFORMED);
    lines.put("{\"instance_id\": \"m\", \"messages\": 7}", MALFORMED);
    lines.put("{\"instance_id\": {\"a\": 1}, \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"d\", \"instance_id\": \"e\", \"messages\": []}", REJECTED);
    lines.put("[".repeat(10_000) + "]".repeat(10_000), REJECTED);
    lines.put("{\"a\": " + "{\"a\": ".repeat(9_999) + "1" + "}".repeat(10_000), REJECTED);
    lines.put("{\"instance_id\": \"meta\", \"metadata\": 3, \"messages\": []}", ANALYSED);
    lines.put("{\"instance_id\": \"tc\", \"messages\": [{\"role\": \"assistant\", \"content\": \"x\", \"tool_calls\": \"nonsense\"}]}", ANALYSED);
    lines.put("{\"instance_id\": \"sur\", \"messages\": [{\"role\": \"user\", \"content\": \"half a pair \\ud800 here\"}]}", ANALYSED);
    lines.put("{\"instance_id\": \"nul\", \"messages\": [{\"role\": \"user\", \"content\": \"raw \u0000 NUL\"}]}", REJECTED);
    lines.put("{\"instance_id\": \"huge\", \"resolved\": 1e400, \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"big-int\", \"resolved\": 123456789012345678901234567890, \"messages\": []}", REJECTED);
    lines.put("{\"instance_id\": \"items\", \"messages\": [1, \"text\", null, [], {\"role\": 5, \"content\": {\"x\": 1}}]}", ANALYSED);
    lines.put("{\"instance_id\": \"args\", \"messages\": [{\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": "
        + "[{\"id\": \"c\", \"type\": \"function\", \"function\": {\"name\": \"bash\", \"arguments\": \"{not json\"}}]}]}", ANALYSED);
    lines.put("   ", SKIPPED);
    lines.put(good(1), ANALYSED);
    lines.put("{}", REJECTED);
    lines.put("{\"session\": \"s-1\", \"turns\": [{\"speaker\": \"user\"}]}", REJECTED);
    StringBuilder text = new StringBuilder();
    for (String line : lines.keySet()) {
      text.append(line).append('\n');
    }
    Path file = tmp.resolve("in/rows.jsonl");
    Files.createDirectories(file.getParent());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(text.toString().getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"instance_id\": \"latin1-".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xE9, (byte) 0xFF});
    bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());
    return file;
  }

  private void writeFiles() throws IOException {
    rowsFile();
    Path in = tmp.resolve("in");
    Files.write(in.resolve("bom.jsonl"), ("\uFEFF" + good(2) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.writeString(in.resolve("crlf.jsonl"), good(3) + "\r\n" + good(4) + "\r\n");
    Files.writeString(in.resolve("empty.jsonl"), "");
    // A 50 MB trajectory: one observation of 50 MB.
    String big = "x ".repeat(25_000_000);
    Files.writeString(in.resolve("big.jsonl"), "{\"instance_id\": \"big__big-1\", \"messages\": [{\"role\": \"tool\", \"content\": \""
        + big + "\"}]}\n");
    // A gzip file cut short after its first rows.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 10; i < 200; i++) {
        out.write((good(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    Files.write(in.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(in.resolve("not-json.traj"), "this is not a trajectory");
    Files.writeString(in.resolve("cut.json"), "[" + good(300) + ", {\"instance_id\": ");
    Files.writeString(in.resolve("not-parquet.parquet"), "PAR1 but nothing else");
    parquet(in.resolve("wrong-schema.parquet"), "{\"type\": \"record\", \"name\": \"Sale\", \"fields\": "
        + "[{\"name\": \"sku\", \"type\": \"string\"}, {\"name\": \"price\", \"type\": \"int\"}]}", "sku", "price");
    parquet(in.resolve("messages-as-text.parquet"), "{\"type\": \"record\", \"name\": \"Row\", \"fields\": "
        + "[{\"name\": \"instance_id\", \"type\": \"string\"}, {\"name\": \"messages\", \"type\": \"string\"}]}",
        "instance_id", "messages");
    // Named .gz but stored plain: read as it is, as Beam's GZIP reader does.
    Files.writeString(in.resolve("plain.jsonl.gz"), good(400) + "\n");
    Files.write(in.resolve("zero.jsonl.gz"), new byte[0]);
    // A regular file no one can read, root included: reading a process's memory at offset 0 fails with EIO.
    Files.createSymbolicLink(in.resolve("unreadable.jsonl"), Path.of("/proc/self/mem"));
  }

  /** Two rows of the schema, each field holding its own name and row number. */
  private static void parquet(Path path, String schemaJson, String textField, String otherField) throws IOException {
    Schema schema = new Schema.Parser().parse(schemaJson);
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(path))
        .withSchema(schema).build()) {
      for (int i = 1; i <= 2; i++) {
        GenericRecord record = new GenericData.Record(schema);
        record.put(textField, textField + "-" + i);
        record.put(otherField, schema.getField(otherField).schema().getType() == Schema.Type.INT ? (Object) i : otherField + "-" + i);
        writer.write(record);
      }
    }
  }

  @Test
  void everyBadRecordIsRejectedByPositionAndNothingIsLost() throws Exception {
    writeFiles();
    Path out = tmp.resolve("out");
    Path in = tmp.resolve("in");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + in + "/*.jsonl", "--input=" + in + "/*.jsonl.gz",
        "--input=" + in + "/*.traj", "--input=" + in + "/*.json", "--input=" + in + "/*.parquet", "--output=" + out,
        "--progressIntervalSeconds=0", "--maxRejectedFraction=1", "--minGroupSize=1");
    assertEquals(0, run.exitCode(), run.stderr());

    Map<String, String> rejected = new TreeMap<>();
    for (JsonNode r : CurateEndToEndTest.jsonLines(out.resolve("rejected"))) {
      String file = r.get("file").asText().replaceAll(".*/", "");
      assertTrue(!r.get("error").asText().isBlank(), r.toString());
      rejected.put(file + ":" + r.get("line").asLong(), r.get("error").asText());
    }
    List<String> analysed = new ArrayList<>();
    Map<String, Map<String, String>> rows = new TreeMap<>();
    for (Map<String, String> row : CsvTable.readShards(out.resolve("analysis")).rows) {
      String key = row.get("source_file").replaceAll(".*/", "") + ":" + row.get("source_line");
      analysed.add(key);
      rows.put(key, row);
    }
    int number = 0;
    for (Map.Entry<String, String> line : lines.entrySet()) {
      number++;
      String key = "rows.jsonl:" + number;
      String what = key + " " + abbreviate(line.getKey());
      switch (line.getValue()) {
        case SKIPPED -> assertTrue(!rejected.containsKey(key) && !analysed.contains(key), "a blank line is no record");
        case REJECTED -> assertTrue(rejected.containsKey(key), what + " not rejected; rejected: " + rejected);
        case MALFORMED -> assertTrue(rows.containsKey(key) && "malformed_trajectory".equals(rows.get(key).get("sft_status"))
            && !rows.get(key).get("trajectory_error").isBlank(), what + ": " + rows.get(key));
        default -> assertTrue(analysed.contains(key), what + " not analysed: " + rejected.get(key));
      }
    }
    assertTrue(rejected.containsKey("rows.jsonl:" + (number + 1)), "invalid UTF-8: " + rejected);
    for (String key : List.of("bom.jsonl:1", "crlf.jsonl:1", "crlf.jsonl:2", "big.jsonl:1")) {
      assertTrue(analysed.contains(key), key + " " + rejected.get(key));
    }
    assertTrue(rejected.keySet().stream().anyMatch(k -> k.startsWith("cut.jsonl.gz:")), "the cut gzip is named");
    assertTrue(analysed.stream().anyMatch(k -> k.startsWith("cut.jsonl.gz:")), "rows before the cut are read");
    for (String file : List.of("not-json.traj", "cut.json", "not-parquet.parquet", "wrong-schema.parquet", "unreadable.jsonl")) {
      assertEquals(1, rejected.keySet().stream().filter(k -> k.startsWith(file + ":")).count(), file + " named once: " + rejected);
    }
    assertTrue(rejected.get("wrong-schema.parquet:1").contains("no trajectory column")
        && rejected.get("wrong-schema.parquet:1").contains("sku, price"), rejected.get("wrong-schema.parquet:1"));
    for (String key : List.of("messages-as-text.parquet:1", "messages-as-text.parquet:2")) {
      assertEquals("malformed_trajectory", rows.get(key).get("sft_status"), key + " " + rows.get(key));
    }
    for (String key : List.of("rows.jsonl:17", "rows.jsonl:18")) {
      assertTrue(rejected.get(key).startsWith("field 'resolved' must be 1, 0, -1 or null, got "), key + " " + rejected.get(key));
    }
    assertTrue(analysed.contains("plain.jsonl.gz:1"), "a .gz stored plain is read: " + rejected.get("plain.jsonl.gz:1"));
    assertTrue(analysed.stream().noneMatch(k -> k.startsWith("zero.jsonl.gz:"))
        && rejected.keySet().stream().noneMatch(k -> k.startsWith("zero.jsonl.gz:")), "an empty .gz holds no record");
    JsonNode counts = Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts");
    String unknownShape = rejected.entrySet().stream().filter(e -> e.getValue().contains("[session, turns]"))
        .map(Map.Entry::getValue).findFirst().orElse("");
    assertTrue(unknownShape.startsWith("row of no known shape: it has fields [session, turns] and no known format's trajectory field"),
        "a row of no known shape says what it has and what was looked for: " + rejected);
    assertEquals(counts.get("read").asLong(), counts.get("analysed").asLong() + counts.get("rejected").asLong());
    assertEquals(analysed.size(), counts.get("analysed").asLong());
    assertEquals(rejected.size(), counts.get("rejected").asLong(), "one rejection per record, none lost");
  }

  @Test
  void aGlobThatMatchesNothingIsOneLineNamingIt() {
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + tmp + "/nothing/*.jsonl", "--output=" + tmp.resolve("o"));
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().contains("nothing/*.jsonl") && run.stderr().contains("matches no file"), run.stderr());
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
