package dev.tracecurator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.RowMapper;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real published rows of every format read (src/test-fixtures/real, sources and licences in its
 * SOURCES.md), each compared with what {@code expected.py} computes from the row without our code:
 * patch files by counting {@code diff --git}, the label and model as the row states them, tool calls
 * by the row's own structured calls or its harness's command convention. Regenerate the expected
 * values with {@code python3 src/test-fixtures/real/expected.py}.
 */
class RealRowsConformanceTest {
  private static final Path REAL = Path.of("src/test-fixtures/real");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Sets that hold no trajectory (SWE-bench predictions): every row is rejected, saying what it has. */
  private static final List<String> NOT_TRAJECTORIES = List.of("swe-bench-preds");
  /** Formats in the corpus that are not read. */
  private static final List<String> NOT_READ = List.of();
  /** The harness a format implies when its rows name none. */
  private static final Map<String, String> HARNESS = Map.of("mini-swe-agent", "mini-swe-agent",
      "nebius-swe-agent-trajectories", "sweagent", "openhands-output", "openhands", "swe-agent-traj", "sweagent",
      "sharegpt-llamafactory", "unknown", "openhands-trajectory", "openhands");

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(REAL.resolve("expected.jsonl"))) {
      JsonNode expected = JSON.readTree(line);
      out.add(Arguments.of(expected.get("format").asText() + " " + expected.get("file").asText() + "#" + expected.get("row").asInt(),
          expected));
    }
    return out.stream();
  }

  /** The row's own text: a JSONL line (1-based), a .json array's element (0-based), or a whole one-run file (.traj, an OpenHands event list). */
  static String rowText(JsonNode expected) throws IOException {
    Path file = REAL.resolve(expected.get("file").asText());
    int row = expected.get("row").asInt();
    String name = file.getFileName().toString();
    if (name.endsWith(".jsonl")) {
      return Files.readAllLines(file).get(row - 1);
    }
    if (name.endsWith(".traj") || name.endsWith(".traj.json") || expected.get("format").asText().equals("openhands-trajectory")) {
      return Files.readString(file);
    }
    return JSON.writeValueAsString(JSON.readTree(file.toFile()).get(row));
  }

  static TrajectoryRecord map(JsonNode expected) throws IOException {
    String file = REAL.resolve(expected.get("file").asText()).toString();
    return RowMapper.map(SourceLine.of(new SourcePosition(file, expected.get("row").asInt()), rowText(expected), null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachRealRowReadsAsItsRowStates(String name, JsonNode expected) throws IOException {
    String format = expected.get("format").asText();
    if (NOT_READ.contains(format)) {
      return;
    }
    if (NOT_TRAJECTORIES.contains(format)) {
      InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> map(expected));
      assertTrue(e.getMessage().startsWith("row of no known shape: it has fields [") && e.getMessage().contains("model_patch"),
          e.getMessage());
      return;
    }
    TrajectoryRecord record = map(expected);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(expected.get("patch_files").asInt(), PatchParser.parse(record.modelPatch()).fileCount(),
        "patch files"));
    checks.add(() -> assertEquals(expected.get("resolved").isNull() ? null : expected.get("resolved").asInt(), record.resolved(),
        "resolution label"));
    checks.add(() -> assertEquals(text(expected, "model", "unknown"), record.model(), "model"));
    checks.add(() -> assertEquals(text(expected, "agent", HARNESS.get(format)), record.agent(), "agent"));
    if (!expected.get("instance_id").isNull()) {
      checks.add(() -> assertEquals(expected.get("instance_id").asText(), record.instanceId(), "instance"));
    }
    checks.add(() -> assertEquals(expected.get("tool_calls").asInt(), ToolUseExtractor.extract(record.messages(), record.textCommands()).totalCalls(),
        "tool calls"));
    org.junit.jupiter.api.Assertions.assertAll(name, checks);
  }

  @Test
  void everyFormatInTheCorpusHasToolCallsWhereItsAgentsRanCommands() throws IOException {
    Map<String, int[]> byFormat = new TreeMap<>();
    for (Arguments args : rows().toList()) {
      JsonNode expected = (JsonNode) args.get()[1];
      String format = expected.get("format").asText();
      if (NOT_READ.contains(format) || NOT_TRAJECTORIES.contains(format)) {
        continue;
      }
      int[] calls = byFormat.computeIfAbsent(format, f -> new int[2]);
      calls[0] += ToolUseExtractor.extract(map(expected).messages(), map(expected).textCommands()).totalCalls();
      calls[1] += expected.get("tool_calls").asInt();
    }
    byFormat.forEach((format, calls) -> assertTrue(calls[0] > 0 && calls[0] == calls[1],
        format + ": found " + calls[0] + " tool calls, the rows hold " + calls[1]));
  }

  private static String text(JsonNode expected, String field, String otherwise) {
    JsonNode value = expected.get(field);
    return value == null || value.isNull() ? Objects.requireNonNullElse(otherwise, "unknown") : value.asText();
  }
}
