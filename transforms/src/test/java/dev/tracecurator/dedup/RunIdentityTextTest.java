package dev.tracecurator.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.model.TrajectoryRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunIdentityTextTest {
  private static TrajectoryRecord run(String toolOutput, String systemPrompt) {
    List<Message> messages = List.of(
        Message.of("system", systemPrompt),
        Message.of("user", "Fix the off-by-one in the parser."),
        new Message("assistant", "Reading the parser.", "private thoughts", List.of(new ToolCall("c1", "function", "bash",
            "{\"command\": \"cat parser.py\"}")), null, List.of(), null),
        Message.of("tool", toolOutput),
        Message.of("user", "Continue."));
    return new TrajectoryRecord(new SourcePosition("f.jsonl", 1), "i", "r", "python", null, 1, "a", "m", "t", null, null, null,
        messages, List.of(), "diff --git a/parser.py b/parser.py\n+fixed", null);
  }

  @Test
  void isTheTaskTheAgentsTurnsAndThePatch() {
    String text = RunIdentityText.of(run("def parse(): ...", "You are an agent."), false);
    assertEquals("Fix the off-by-one in the parser.\nReading the parser.\nbash\n{\"command\": \"cat parser.py\"}\n"
        + "diff --git a/parser.py b/parser.py\n+fixed\n", text);
  }

  @Test
  void toolOutputAndSystemPromptsDoNotMakeRunsDiffer() {
    NearDupSettings settings = NearDupSettings.atThreshold(0.8);
    MinHasher hasher = settings.hasher();
    int[] a = settings.signature(run("a whole file of output", "You are an agent."), hasher);
    int[] b = settings.signature(run("entirely different output", "Another scaffold's long prompt."), hasher);
    assertEquals(1.0, MinHasher.similarity(a, b));
  }

  @Test
  void toolOutputCountsWhenAskedFor() {
    String text = RunIdentityText.of(run("def parse(): ...", "You are an agent."), true);
    assertTrue(text.contains("def parse(): ...") && text.contains("Continue."), text);
  }

  @Test
  void theThresholdIsASimilarity() {
    assertThrows(IllegalArgumentException.class, () -> NearDupSettings.atThreshold(0));
    assertThrows(IllegalArgumentException.class, () -> NearDupSettings.atThreshold(1.2));
  }
}
