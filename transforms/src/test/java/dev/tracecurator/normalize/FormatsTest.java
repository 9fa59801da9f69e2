package dev.tracecurator.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.tooluse.ToolUse;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each format, read from real files (SWE-agent, mini-swe-agent) or hand-made ones for the shapes
 * other public sets use. Expected role and call counts are what a plain reading of each file gives
 * (python: Counter(m["role"] for m in history), Counter of tool_calls[].function.name).
 */
class FormatsTest {
  private static final Path FORMATS = Path.of("src/test-fixtures/formats");

  private static TrajectoryRecord file(String name) throws IOException {
    return RowMapper.map(SourceLine.of(new SourcePosition("/data/" + name, 1), Files.readString(FORMATS.resolve(name)), null, null));
  }

  private static TrajectoryRecord firstLine(String name) throws IOException {
    String line = Files.readAllLines(FORMATS.resolve(name)).get(0);
    return RowMapper.map(SourceLine.of(new SourcePosition("/data/" + name, 1), line, null, null));
  }

  private static long count(TrajectoryRecord r, Predicate<Message> p) {
    return r.messages().stream().filter(p).count();
  }

  private static long role(TrajectoryRecord r, String role) {
    return count(r, m -> role.equals(m.role()));
  }

  @Test
  void sweAgentFunctionCallingTraj() throws IOException {
    TrajectoryRecord r = file("marshmallow-1867.function_calling.traj");
    assertEquals("marshmallow-1867.function_calling", r.instanceId());
    assertEquals("sweagent", r.agent());
    assertEquals(24, r.messages().size());
    assertEquals(11, role(r, "assistant"));
    assertEquals(11, role(r, "tool"));
    ToolUse tools = ToolUseExtractor.extract(r.messages());
    assertEquals(Map.of("bash", 4, "create", 1, "edit", 3, "find_file", 1, "open", 1, "submit", 1), tools.counts());
    assertTrue(tools.messages().stream().filter(m -> "tool".equals(m.role())).allMatch(m -> m.toolCallId() != null),
        "SWE-agent's tool_call_ids pair every response");
    assertEquals(1, PatchParser.parse(r.modelPatch()).additions());
    assertEquals(1, PatchParser.parse(r.modelPatch()).deletions());
    assertNull(r.resolved(), "a .traj says it submitted, not that the patch resolves the issue");
  }

  @Test
  void sweAgentHistoryOnlyAndClassicRuns() throws IOException {
    TrajectoryRecord simple = file("function_calling_simple.traj");
    assertEquals(12, simple.messages().size());
    assertNull(simple.modelPatch());
    TrajectoryRecord pydicom = file("pydicom__pydicom-1458.traj");
    assertEquals("pydicom__pydicom-1458", pydicom.instanceId());
    assertEquals(26, pydicom.messages().size());
    assertEquals(13, role(pydicom, "user"));
    assertEquals(3, PatchParser.parse(pydicom.modelPatch()).additions());
    assertTrue(pydicom.messages().get(2).content().contains("\r\n") || pydicom.messages().stream().anyMatch(m -> m.content().contains("\r\n")),
        "CRLF inside observations is kept as it is");
    assertEquals(23, file("marshmallow-1867.xml.traj").messages().size());
  }

  @Test
  void miniSweAgentBareList() throws IOException {
    TrajectoryRecord r = file("github_issue.traj.json");
    assertEquals("github_issue", r.instanceId());
    assertEquals("mini-swe-agent", r.agent());
    assertEquals(22, r.messages().size());
    assertEquals(10, role(r, "assistant"));
    assertEquals(10, ToolUseExtractor.extract(r.messages()).counts().get(ToolUseExtractor.BASH_BLOCK));
    assertEquals(6, file("local.traj.json").messages().size());
  }

  @Test
  void shareGpt() throws IOException {
    TrajectoryRecord r = firstLine("sharegpt.jsonl");
    assertEquals("psf__requests-1", r.instanceId());
    assertEquals(5, r.messages().size());
    assertEquals("system", r.messages().get(0).role());
    Message call = r.messages().get(2);
    assertEquals("assistant", call.role());
    assertEquals("bash", call.toolCalls().get(0).name());
    assertEquals("{\"command\":\"grep -rn timeout requests\"}", call.toolCalls().get(0).arguments());
    assertEquals("tool", r.messages().get(3).role());
    assertEquals("call_0", ToolUseExtractor.extract(r.messages()).messages().get(3).toolCallId());
    assertEquals(1, r.tools().size());
  }

  @Test
  void nebiusRoleAiTextTargetAndGeneratedPatch() throws IOException {
    TrajectoryRecord r = firstLine("nebius.jsonl");
    assertEquals(5, r.messages().size(), "system_prompt becomes the first message");
    assertEquals(2, role(r, "assistant"));
    assertEquals("Solve the issue.", r.messages().get(1).content());
    assertEquals(1, r.resolved());
    assertEquals(1, PatchParser.parse(r.modelPatch()).additions());
    assertEquals(Map.of("bash_block", 1), ToolUseExtractor.extract(r.messages()).counts());
  }

  @Test
  void sweSmithXmlCallsBooleanResolvedPatchAndTrajId() throws IOException {
    TrajectoryRecord r = firstLine("swe-smith.jsonl");
    assertEquals("pallets__flask-3.abc123", r.trajectoryId());
    assertEquals(0, r.resolved());
    assertEquals(1, PatchParser.parse(r.modelPatch()).additions());
    assertEquals(Map.of("bash", 1, "submit", 1), ToolUseExtractor.extract(r.messages()).counts());
  }

  @Test
  void sweGymOpenAiFunctionCalling() throws IOException {
    TrajectoryRecord r = firstLine("swe-gym-openhands.jsonl");
    assertEquals(1, r.resolved());
    assertEquals(Map.of("execute_bash", 1, "finish", 1), ToolUseExtractor.extract(r.messages()).counts());
    assertEquals("", r.messages().get(2).content());
    assertEquals(1, r.tools().size());
  }

  @Test
  void sweGymRunIdNamesTheModelTestResultHoldsThePatchAndProseFencesAreNoCalls() throws IOException {
    String line = Files.readAllLines(FORMATS.resolve("swe-gym-openhands.jsonl")).get(1);
    TrajectoryRecord r = RowMapper.map(SourceLine.of(new SourcePosition("/data/swe-gym.jsonl", 2), line, null, null));
    assertEquals("gpt-4o-2024-08-06", r.model());
    assertEquals("openhands", r.agent());
    assertEquals(1, r.resolved());
    assertEquals(2, PatchParser.parse(r.modelPatch()).fileCount(), "the patch is test_result.git_patch");
    assertEquals(Map.of("execute_bash", 1, "finish", 1), ToolUseExtractor.extract(r.messages()).counts(),
        "two structured calls; the ```bash examples in the prose were never run");
  }

  @Test
  void formatDetectionAndForcedFormats() {
    assertEquals(RowFormat.SWE_AGENT, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'history':[],'info':{}}"), "x.traj"));
    assertEquals(RowFormat.MINI_SWE_AGENT, FormatDetector.detect(dev.tracecurator.testing.Rows.node("[]"), "x.traj.json"));
    assertEquals(RowFormat.OPEN_SWE_TRACES, FormatDetector.detect(dev.tracecurator.testing.Rows.node("[]"), "x.jsonl"));
    assertEquals(RowFormat.SHAREGPT, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'conversations':[{'from':'human','value':'hi'}]}"), "x.jsonl"));
    assertEquals(RowFormat.CONVERSATIONS, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'conversations':[{'role':'user','content':'hi'}]}"), "x.jsonl"));
    assertEquals(RowFormat.SWE_GYM, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'messages':[],'run_id':'r'}"), "x.jsonl"));
    assertEquals(RowFormat.SWE_SMITH, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'messages':[],'traj_id':'t'}"), "x.jsonl"));
    InvalidRecordException unknown = assertThrows(InvalidRecordException.class,
        () -> FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'session':'s','turns':[]}"), "chat.jsonl"));
    assertEquals("row of no known shape: it has fields [session, turns] and no known format's trajectory field (messages, "
        + "trajectory, history, conversations); check the input, or name its format with #format=NAME", unknown.getMessage());
    assertEquals(RowFormat.OPEN_SWE_TRACES, FormatDetector.detect(dev.tracecurator.testing.Rows.node("{'messages':[]}"), "x.jsonl"));
    SourceLine forced = new SourceLine(new SourcePosition("f.jsonl", 1), "{\"messages\": []}", null, null, null, RowFormat.SHAREGPT);
    InvalidRecordException notShareGpt = assertThrows(InvalidRecordException.class, () -> RowMapper.map(forced));
    assertTrue(notShareGpt.getMessage().contains("it has fields [messages] and no sharegpt trajectory field (conversations)"),
        notShareGpt.getMessage());
    assertThrows(InvalidRecordException.class, () -> RowMapper.map(new SourceLine(new SourcePosition("f.jsonl", 1), "[1]", null, null, null, RowFormat.SWE_AGENT)));
    assertThrows(IllegalArgumentException.class, () -> RowFormat.parse("parquetish"));
  }
}
