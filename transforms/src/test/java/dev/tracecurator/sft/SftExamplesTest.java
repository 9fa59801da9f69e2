package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.NormalizeRecords;
import dev.tracecurator.score.TrajectoryScore;
import dev.tracecurator.secrets.SecretsMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SFT examples are streamed to JSON; they must be byte for byte the JSON of the tree they were
 * once built as ({@link #asTree}), for every format, on every fixture row and on values that
 * test the writer: nulls, escapes, lone surrogates, non-finite scores.
 */
class SftExamplesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Path> FIXTURES = List.of(Path.of("src/test-fixtures"), Path.of("src/sample"));

  @Test
  void everyFixtureRowWritesTheJsonOfItsTree() throws IOException {
    int rows = 0;
    for (TrajectoryRecord record : fixtureRecords()) {
      for (SftFormat format : SftFormat.values()) {
        assertSameJson(record, record.messages(), 0.625, format);
      }
      rows++;
    }
    assertTrue(rows > 50, "only " + rows + " fixture rows read");
  }

  @Test
  void awkwardValuesWriteTheJsonOfTheirTree() {
    List<Message> messages = List.of(
        new Message(null, null, null, List.of(), null, List.of(), null),
        new Message("system", "quote \" backslash \\ tab \t nul \u0000 del \u007f", null, List.of(), null, List.of(), null),
        new Message("assistant", "emoji \uD83D\uDE00 lone \uD800 and \uDC00 é 日本", "think\n\u2028", List.of(
            new ToolCall("c1", "function", "bash", "{\"command\": \"ls\"}"),
            new ToolCall(null, null, null, null)), null, List.of("a", "b"), null),
        new Message("tool", "out\r\n</script>", null, List.of(), "c1", List.of(), "bash"));
    TrajectoryRecord record = new TrajectoryRecord(new SourcePosition("f.jsonl", 1), null, "o/r", "python", null, 1, "agent",
        "model", "id", null, null, null, messages, List.of("{\"type\":\"function\",\"function\":{\"name\":\"bash\",\"x\":1.5e300}}",
            "{ \"a\" : [1, 2.50, NaN, 1e400, 123456789012345678901234567890] }"), "diff --git a/x b/x\n+\u00e9\n", null, true, null);
    for (double quality : new double[] {0.0, 1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY, -0.0}) {
      for (SftFormat format : SftFormat.values()) {
        assertSameJson(record, messages, quality, format);
      }
    }
    assertSameJson(record, List.of(), 0.5, SftFormat.MESSAGES);
  }

  private static void assertSameJson(TrajectoryRecord record, List<Message> messages, double quality, SftFormat format) {
    for (boolean keepReasoning : new boolean[] {true, false}) {
      SftSettings settings = new SftSettings(true, 32_000, Set.of(), 0.0, false, Set.of(), Set.of(), SecretsMode.REDACT,
          ChatTemplate.CHATML, keepReasoning, format, null, null, null);
      String text = ChatMlRenderer.render(messages, keepReasoning);
      TrajectoryScore score = new TrajectoryScore(null, quality, null, Map.of());
      assertEquals(Json.write(asTree(record, messages, text, 77, score, settings)),
          SftExamples.of(record, messages, text, 77, score, settings),
          () -> record.position() + " as " + format);
    }
  }

  /** The example as the tree it was built as before it was streamed. */
  private static ObjectNode asTree(TrajectoryRecord record, List<Message> messages, String text, int tokens, TrajectoryScore score,
      SftSettings settings) {
    ObjectNode node = NODES.objectNode();
    node.put("instance_id", record.instanceId());
    node.put("trajectory_id", record.trajectoryId());
    node.put("repo", record.repo());
    node.put("language", record.language());
    node.put("license", record.license());
    node.put("agent", record.agent());
    node.put("model", record.model());
    node.put("quality_score", score.quality());
    switch (settings.format()) {
      case MESSAGES -> {
        ArrayNode json = messagesTree(messages);
        for (int i = 0; i < messages.size(); i++) {
          ((ObjectNode) json.get(i)).put("train", TrainFlags.train(messages.get(i)));
        }
        node.set("messages", json);
        if (!record.tools().isEmpty()) {
          node.set("tools", SftExamples.tools(record.tools()));
        }
        node.put("text", text);
      }
      case SHAREGPT -> node.setAll(ShareGptConverter.convert(messages, record.tools(), settings.keepReasoning()));
      case TEXT -> node.put("text", text);
      default -> throw new IllegalStateException(settings.format().toString());
    }
    node.put("model_patch", record.modelPatch());
    node.put("approx_tokens", tokens);
    return node;
  }

  private static ArrayNode messagesTree(List<Message> messages) {
    ArrayNode out = NODES.arrayNode(messages.size());
    for (Message message : messages) {
      ObjectNode node = out.addObject();
      node.put("role", SftMessages.role(message));
      node.put("content", message.content());
      if (message.reasoningContent() != null) {
        node.put("reasoning_content", message.reasoningContent());
      }
      if (!message.toolCalls().isEmpty()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : message.toolCalls()) {
          ObjectNode c = calls.addObject();
          c.put("id", call.id());
          c.put("type", call.type());
          ObjectNode function = c.putObject("function");
          function.put("name", call.name());
          function.put("arguments", call.arguments());
        }
      }
      if (message.toolCallId() != null) {
        node.put("tool_call_id", message.toolCallId());
      }
      if (message.name() != null) {
        node.put("name", message.name());
      }
    }
    return out;
  }

  @Test
  void theMessagesTreeIsTheStreamedMessagesReadBack() throws IOException {
    for (TrajectoryRecord record : fixtureRecords()) {
      JsonNode tree = SftMessages.toJson(record.messages());
      assertEquals(messagesTree(record.messages()), tree);
      assertEquals(Json.write(messagesTree(record.messages())), Json.write(tree));
    }
  }

  private static List<TrajectoryRecord> fixtureRecords() throws IOException {
    List<TrajectoryRecord> records = new ArrayList<>();
    for (Path root : FIXTURES) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
      }
      for (Path file : files) {
        long number = 0;
        // Some fixtures hold malformed UTF-8 on purpose: read it as the reader does, replaced.
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
          NormalizeRecords.Outcome outcome = NormalizeRecords.outcome(
              SourceLine.of(new SourcePosition(file.toString(), ++number), line, null, null));
          if (outcome.record() != null) {
            records.add(outcome.record());
          }
        }
      }
    }
    return records;
  }
}
