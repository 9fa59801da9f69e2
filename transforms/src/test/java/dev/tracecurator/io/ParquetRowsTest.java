package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.RowMapper;
import dev.tracecurator.testing.TestPipelines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet input: the same rows written with nested list/struct columns (as the Hub's files hold
 * them) and with JSON-string columns read to identical records.
 */
class ParquetRowsTest {
  private static final Schema FUNCTION = SchemaBuilder.record("Function").fields()
      .requiredString("name").requiredString("arguments").endRecord();
  private static final Schema TOOL_CALL = SchemaBuilder.record("ToolCall").fields()
      .requiredString("id").requiredString("type").name("function").type(FUNCTION).noDefault().endRecord();
  private static final Schema MESSAGE = SchemaBuilder.record("Message").fields()
      .requiredString("role").optionalString("content").optionalString("reasoning_content")
      .name("tool_calls").type().nullable().array().items(TOOL_CALL).noDefault().endRecord();
  private static final Schema PATCH = SchemaBuilder.record("ModelPatch").fields()
      .requiredString("patch").requiredInt("num_modified_files").requiredInt("num_modified_lines").endRecord();
  private static final Schema METADATA = SchemaBuilder.record("Metadata").fields()
      .requiredString("category").name("model_patch").type(PATCH).noDefault().endRecord();
  private static final Schema NESTED = SchemaBuilder.record("Row").fields()
      .requiredString("instance_id").requiredString("repo").requiredString("license").requiredString("language")
      .requiredString("trajectory_id").requiredInt("resolved")
      .name("messages").type().array().items(MESSAGE).noDefault()
      .name("tools").type().array().items().stringType().noDefault()
      .name("metadata").type(METADATA).noDefault().endRecord();
  private static final Schema STRINGS = SchemaBuilder.record("Row").fields()
      .requiredString("instance_id").requiredString("repo").requiredString("license").requiredString("language")
      .requiredString("trajectory_id").requiredInt("resolved")
      .requiredString("messages").requiredString("tools").requiredString("metadata").endRecord();

  @TempDir
  Path dir;

  @Test
  void nestedAndStringColumnsReadToIdenticalRecords() throws Throwable {
    List<JsonNode> rows = sampleRows(6);
    Path hub = Files.createDirectories(dir.resolve("data/openhands/minimax_m25/swe_smith"));
    Path nested = hub.resolve("train-00000-of-00002.parquet");
    Path strings = hub.resolve("train-00001-of-00002.parquet");
    write(nested, NESTED, rows, row -> (GenericRecord) fromJson(row, NESTED));
    write(strings, STRINGS, rows, row -> {
      GenericRecord r = new GenericData.Record(STRINGS);
      for (String f : List.of("instance_id", "repo", "license", "language", "trajectory_id")) {
        r.put(f, row.get(f).asText());
      }
      r.put("resolved", row.get("resolved").asInt());
      r.put("messages", row.get("messages").toString());
      r.put("tools", row.get("tools").toString());
      r.put("metadata", minimalMetadata(row).toString());
      return r;
    });

    List<TrajectoryRecord> fromNested = records(nested);
    List<TrajectoryRecord> fromStrings = records(strings);
    assertEquals(rows.size(), fromNested.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(withoutPosition(fromStrings.get(i)), withoutPosition(fromNested.get(i)), "row " + (i + 1));
      assertEquals(rows.get(i).get("messages").size(), fromNested.get(i).messages().size());
      assertEquals(rows.get(i).get("metadata").get("model_patch").get("patch").asText(), fromNested.get(i).modelPatch());
    }

    TestPipelines.run(getClass(), "parquetThroughTheReader", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(List.of(InputSpec.parse(dir + "/data/**/*.parquet"))));
      PAssert.that(lines).satisfies(all -> {
        Map<String, Integer> perFile = new TreeMap<>();
        for (SourceLine l : all) {
          assertEquals(null, l.readError());
          assertEquals("openhands", l.agentHint());
          assertEquals("minimax_m25", l.modelHint());
          perFile.merge(l.position().file().substring(l.position().file().lastIndexOf('/') + 1), 1, Integer::sum);
        }
        assertEquals(Map.of("train-00000-of-00002.parquet", 6, "train-00001-of-00002.parquet", 6), perFile);
        return null;
      });
      p.run().waitUntilFinish();
    });
  }

  @Test
  void aFileThatIsNotParquetIsNamed() throws Throwable {
    Path bad = dir.resolve("broken.parquet");
    Files.writeString(bad, "this is not a parquet file");
    String badName = bad.toString();
    TestPipelines.run(getClass(), "brokenParquet", p -> {
      PCollection<SourceLine> lines = p.apply(ReadTrajectoryLines.from(List.of(InputSpec.parse(badName))));
      PAssert.that(lines).satisfies(all -> {
        SourceLine only = all.iterator().next();
        assertTrue(only.readError().startsWith("cannot read Parquet file " + badName), only.readError());
        return null;
      });
      p.run().waitUntilFinish();
    });
  }

  private static JsonNode minimalMetadata(JsonNode row) {
    JsonNode meta = row.get("metadata");
    com.fasterxml.jackson.databind.node.ObjectNode out = Json.STRICT.createObjectNode();
    out.set("category", meta.get("category"));
    com.fasterxml.jackson.databind.node.ObjectNode patch = out.putObject("model_patch");
    for (String f : List.of("patch", "num_modified_files", "num_modified_lines")) {
      patch.set(f, meta.get("model_patch").get(f));
    }
    return out;
  }

  private static TrajectoryRecord withoutPosition(TrajectoryRecord r) {
    return new TrajectoryRecord(null, r.instanceId(), r.repo(), r.language(), r.license(), r.resolved(), r.agent(), r.model(),
        r.trajectoryId(), r.category(), r.metaFiles(), r.metaLines(), r.messages(), r.tools(), r.modelPatch(), r.trajectoryError());
  }

  private static List<TrajectoryRecord> records(Path file) throws IOException {
    List<TrajectoryRecord> out = new ArrayList<>();
    ParquetRows.read(new ChannelInputFile(org.apache.beam.sdk.io.FileSystems.matchNewResource(file.toString(), false), Files.size(file)),
        (n, json) -> out.add(RowMapper.map(new SourceLine(new SourcePosition(file.toString(), n), json, "openhands", "minimax_m25", null))));
    return out;
  }

  private static List<JsonNode> sampleRows(int n) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    Path sample = Path.of("src/sample/data/openhands/minimax_m25/swe_smith/train-00000.jsonl.gz");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(sample)), StandardCharsets.UTF_8))) {
      String line;
      while (rows.size() < n && (line = in.readLine()) != null) {
        rows.add(Json.STRICT.readTree(line));
      }
    }
    return rows;
  }

  /** A GenericRecord (or value) of the schema from JSON of the same shape. */
  private static Object fromJson(JsonNode value, Schema schema) {
    switch (schema.getType()) {
      case UNION -> {
        if (value == null || value.isNull()) {
          return null;
        }
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return fromJson(value, branch);
          }
        }
        return null;
      }
      case RECORD -> {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.name(), fromJson(value.get(field.name()), field.schema()));
        }
        return record;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (JsonNode item : value) {
          items.add(fromJson(item, schema.getElementType()));
        }
        return new GenericData.Array<>(schema, items);
      }
      case INT -> {
        return value.asInt();
      }
      default -> {
        return value.isTextual() ? value.textValue() : value.toString();
      }
    }
  }

  private interface ToRecord {
    GenericRecord apply(JsonNode row);
  }

  private static void write(Path path, Schema schema, List<JsonNode> rows, ToRecord convert) throws IOException {
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(path))
        .withSchema(schema).withRowGroupSize(64L * 1024 * 1024).build()) {
      for (JsonNode row : rows) {
        writer.write(convert.apply(row));
      }
    }
  }
}
