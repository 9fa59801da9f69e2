package dev.tracecurator.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.patch.PatchStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceGeneratorTest {
  @TempDir
  Path tmp;

  private List<String> generate(String name, long rows, long seed, String schema) throws IOException {
    Path out = tmp.resolve(name);
    TraceGenerator.write(new GeneratorSettings(rows, seed, schema, "openhands", "minimax_m25", out));
    return Files.readAllLines(out);
  }

  @Test
  void sameSeedSameBytesAndRowIIndependentOfN() throws IOException {
    assertArrayEquals(Files.readAllBytes(write("a.jsonl", 5, 7)), Files.readAllBytes(write("b.jsonl", 5, 7)));
    List<String> ten = generate("ten.jsonl", 10, 7, "hub");
    List<String> three = generate("three.jsonl", 3, 7, "hub");
    assertEquals(three, ten.subList(0, 3));
    assertTrue(!generate("other.jsonl", 3, 8, "hub").equals(three));
  }

  private Path write(String name, long rows, long seed) throws IOException {
    Path out = tmp.resolve(name);
    TraceGenerator.write(new GeneratorSettings(rows, seed, "hub", "sweagent", "qwen35_122b", out));
    return out;
  }

  @Test
  void hubRowsHaveTheSchemaAndEveryCallIsAnswered() throws IOException {
    for (String line : generate("hub.jsonl", 20, 3, "hub")) {
      JsonNode row = Json.STRICT.readTree(line);
      for (String key : List.of("instance_id", "repo", "license", "language", "trajectory_id", "hf_dataset_name")) {
        assertTrue(row.get(key).isTextual(), key);
      }
      assertTrue(row.get("resolved").isInt());
      assertTrue(row.get("tools").get(0).isTextual());
      int calls = 0;
      int responses = 0;
      int pending = 0;
      for (JsonNode m : row.get("messages")) {
        for (String key : List.of("role", "content", "reasoning_content", "tool_calls")) {
          assertTrue(m.has(key), "every message has " + key);
        }
        if (m.get("tool_calls").isArray()) {
          assertEquals("assistant", m.get("role").asText());
          calls += m.get("tool_calls").size();
          pending += m.get("tool_calls").size();
          for (JsonNode call : m.get("tool_calls")) {
            assertTrue(Json.STRICT.readTree(call.get("function").get("arguments").asText()).isObject());
          }
        }
        if ("tool".equals(m.get("role").asText())) {
          assertTrue(pending > 0, "a tool message follows a call");
          assertTrue(!m.has("tool_call_id"), "the Hub's tool messages carry no id");
          pending--;
          responses++;
        }
      }
      assertEquals(calls, responses);
      JsonNode patch = row.get("metadata").get("model_patch");
      PatchStats stats = PatchParser.parse(patch.get("patch").asText());
      assertEquals(patch.get("num_modified_files").asInt(), stats.fileCount());
      assertEquals(patch.get("num_modified_lines").asInt(), stats.churn());
      assertTrue(!patch.get("patch").asText().equals(row.get("metadata").get("reference_patch").get("patch").asText()));
    }
  }

  @Test
  void parquetOutputReadsBackToTheSameRecordsAsJsonLines() throws IOException {
    Path jsonl = tmp.resolve("rows.jsonl");
    Path parquet = tmp.resolve("rows.parquet");
    TraceGenerator.write(new GeneratorSettings(5, 11, "hub", "openhands", "qwen35_122b", jsonl));
    TraceGenerator.write(new GeneratorSettings(5, 11, "hub", "openhands", "qwen35_122b", parquet));
    List<String> lines = Files.readAllLines(jsonl);
    List<dev.tracecurator.model.TrajectoryRecord> fromParquet = new java.util.ArrayList<>();
    dev.tracecurator.io.ParquetRows.read(new dev.tracecurator.io.ChannelInputFile(
        org.apache.beam.sdk.io.FileSystems.matchNewResource(parquet.toString(), false), Files.size(parquet)),
        (n, json) -> fromParquet.add(dev.tracecurator.normalize.RowMapper.map(dev.tracecurator.model.SourceLine.of(
            new dev.tracecurator.model.SourcePosition("f", n), json, null, null))));
    assertEquals(lines.size(), fromParquet.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(dev.tracecurator.normalize.RowMapper.map(dev.tracecurator.model.SourceLine.of(
          new dev.tracecurator.model.SourcePosition("f", i + 1), lines.get(i), null, null)), fromParquet.get(i));
    }
  }

  @Test
  void tutorialRowsUseTheTutorialsSchema() throws IOException {
    int shapes = 0;
    for (String line : generate("tutorial.jsonl", 30, 5, "tutorial")) {
      JsonNode row = Json.STRICT.readTree(line);
      assertTrue(row.has("trajectory") && !row.has("messages"));
      assertTrue(row.get("model_patch").isTextual());
      shapes |= row.get("trajectory").isTextual() ? 1 : row.get("trajectory").get(0).isTextual() ? 2 : 4;
    }
    assertEquals(7, shapes, "all three trajectory shapes occur");
  }
}
