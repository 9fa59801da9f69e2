package dev.tracecurator.normalize;

import static dev.tracecurator.testing.Rows.json;
import static dev.tracecurator.testing.Rows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowMapperTest {
  private static final String HUB_ROW = "{'instance_id':'django__django-1','repo':'django/django','license':'BSD-3-Clause',"
      + "'language':'Python','trajectory_id':'tr-1',"
      + "'messages':[{'role':'system','content':'s','reasoning_content':null,'tool_calls':null},"
      + "{'role':'assistant','content':'','reasoning_content':'r','tool_calls':[{'id':'c1','type':'function',"
      + "'function':{'name':'execute_bash','arguments':'{}'}}]},"
      + "{'role':'tool','content':'out','reasoning_content':null,'tool_calls':null}],"
      + "'tools':['{\\'type\\':\\'function\\',\\'function\\':{\\'name\\':\\'execute_bash\\'}}'],"
      + "'resolved':1,'metadata':{'category':'bug_fix','teacher_model':{'name':'MiniMax-M2.5'},"
      + "'reference_patch':{'patch':'HUMAN FIX','num_modified_files':9,'num_modified_lines':99},"
      + "'model_patch':{'patch':'AGENT PATCH','num_modified_files':1,'num_modified_lines':3}},"
      + "'hf_dataset_name':'nvidia/Open-SWE-Traces'}";

  @Test
  void hubSchemaMapsMessagesToolsAndTheAgentsPatch() {
    TrajectoryRecord r = record(HUB_ROW);
    assertEquals("django__django-1", r.instanceId());
    assertEquals("python", r.language());
    assertEquals("tr-1", r.trajectoryId());
    assertEquals(3, r.messages().size());
    assertEquals("execute_bash", r.messages().get(1).toolCalls().get(0).name());
    assertEquals("r", r.messages().get(1).reasoningContent());
    assertEquals("AGENT PATCH", r.modelPatch());
    assertEquals(1L, r.metaFiles());
    assertEquals(3L, r.metaLines());
    assertEquals("bug_fix", r.category());
    assertEquals(List.of("{\"type\":\"function\",\"function\":{\"name\":\"execute_bash\"}}"), r.tools());
    assertNull(r.trajectoryError());
  }

  @Test
  void tutorialSchemaMapsTrajectoryAndTopLevelPatch() {
    TrajectoryRecord r = record("{'instance_id':'a','repo':'o/a','language':'Go','resolved':0,"
        + "'metadata':'{\\'category\\': \\'feature\\', \\'num_modified_files\\': 2, \\'num_modified_lines\\': 7}',"
        + "'trajectory':'[{\\'role\\':\\'user\\',\\'content\\':\\'x\\'}]','model_patch':'P'}");
    assertEquals("go", r.language());
    assertEquals(1, r.messages().size());
    assertEquals("P", r.modelPatch());
    assertEquals(2L, r.metaFiles());
    assertEquals(7L, r.metaLines());
    assertEquals("feature", r.category());
    assertEquals(0, r.resolved());
  }

  @Test
  void trajectoryWinsOverMessagesAndTopLevelPatchOverMetadata() {
    TrajectoryRecord r = record("{'trajectory':[{'role':'user','content':'T'}],'messages':[{'role':'user','content':'M'}],"
        + "'model_patch':'TOP','metadata':{'model_patch':{'patch':'META'}}}");
    assertEquals("T", r.messages().get(0).content());
    assertEquals("TOP", r.modelPatch());
  }

  @Test
  void missingLanguageIsUnknownAndNoPatchIsNull() {
    TrajectoryRecord r = record("{'messages':[]}");
    assertEquals("unknown", r.language());
    assertNull(r.modelPatch());
    assertNull(r.resolved());
    assertEquals("unknown", r.agent());
    assertEquals("unknown", r.model());
  }

  @Test
  void agentAndModelFromRowThenHintThenUnknown() {
    SourceLine hinted = new SourceLine(new SourcePosition("f", 1), json("{'messages':[]}"), "openhands", "qwen35_122b", null);
    assertEquals("openhands", RowMapper.map(hinted).agent());
    assertEquals("qwen35_122b", RowMapper.map(hinted).model());
    SourceLine own = new SourceLine(new SourcePosition("f", 1), json("{'agent':'sweagent','model':'m','messages':[]}"), "openhands", "x", null);
    assertEquals("sweagent", RowMapper.map(own).agent());
    assertEquals("m", RowMapper.map(own).model());
  }

  @Test
  void missingTrajectoryIdIsAStableContentHash() {
    TrajectoryRecord a = record("{'instance_id':'a','messages':[{'role':'user','content':'x'}]}");
    TrajectoryRecord b = record("{'instance_id':'other','messages':[{'role':'user','content':'x'}]}");
    TrajectoryRecord c = record("{'instance_id':'a','messages':[{'role':'user','content':'y'}]}");
    assertEquals(a.trajectoryId(), b.trajectoryId());
    assertTrue(a.trajectoryId().startsWith("sha256:"));
    assertTrue(!a.trajectoryId().equals(c.trajectoryId()));
    assertEquals("sha256:", a.trajectoryId().substring(0, 7));
    assertEquals(7 + 32, a.trajectoryId().length());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1|1", "0|0", "-1|-1", "true|1", "false|0", "1.0|1", "null|"})
  void resolvedValues(String json, Integer expected) {
    assertEquals(expected, record("{'messages':[],'resolved':" + json + "}").resolved());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'resolved':'yes'}|field 'resolved' must be 1, 0, -1 or null, got a string \"yes\"",
      "{'resolved':0.5}|field 'resolved' must be 1, 0, -1 or null, got 0.5",
      "{'repo':{'a':1}}|field 'repo' must be a string, got an object",
      "{'metadata':{'num_modified_lines':'many'}}|field 'metadata.num_modified_lines' must be a whole number, got a string \"many\"",
      "{'tools':[1]}|tools[0] is not a JSON object schema",
      "{'tools':5}|field 'tools' must be a list of tool schemas, got a number"})
  void wrongTypesAreRejectedWithTheFieldName(String row, String message) {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> record("{'messages':[]," + row.substring(1)));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1,2,3]|a row must be a JSON object, got an array",
      "'text'|a row must be a JSON object, got a string"})
  void nonObjectsAreRejected(String row, String message) {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> record(row));
    assertEquals(message, e.getMessage());
  }

  @Test
  void brokenJsonIsRejectedWithTheParsersReason() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> RowMapper.map(dev.tracecurator.testing.Rows.line("{\"a\": 1")));
    assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
    assertThrows(InvalidRecordException.class, () -> RowMapper.map(dev.tracecurator.testing.Rows.line("{\"a\": 1} trailing")));
    assertThrows(InvalidRecordException.class, () -> RowMapper.map(dev.tracecurator.testing.Rows.line("{\"a\": NaN}")));
  }

  @Test
  void unparseableTrajectoryIsAnalysedAndFlagged() {
    TrajectoryRecord r = record("{'trajectory':'not json at all'}");
    assertEquals(0, r.messages().size());
    assertEquals("trajectory is a string that is not valid JSON", r.trajectoryError());
  }

  @Test
  void flatToolCallsAndObjectArgumentsAreRead() {
    TrajectoryRecord r = record("{'messages':[{'role':'assistant','content':'','tool_calls':[{'name':'bash','arguments':{'command':'ls'}}]}]}");
    assertEquals("bash", r.messages().get(0).toolCalls().get(0).name());
    assertEquals("{\"command\":\"ls\"}", r.messages().get(0).toolCalls().get(0).arguments());
  }
}
