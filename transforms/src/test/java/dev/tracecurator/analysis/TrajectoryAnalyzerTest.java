package dev.tracecurator.analysis;

import static dev.tracecurator.testing.Rows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.tokens.TokenCounter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrajectoryAnalyzerTest {
  private static final String GOOD = "{'instance_id':'x__y-1','repo':'x/y','language':'Rust','resolved':1,'trajectory_id':'t',"
      + "'messages':[{'role':'system','content':'sys'},{'role':'user','content':'fix'},"
      + "{'role':'assistant','content':'','tool_calls':[{'id':'c','function':{'name':'bash','arguments':'{}'}}]},"
      + "{'role':'tool','content':'ok'}],"
      + "'metadata':{'model_patch':{'patch':'diff --git a/a.rs b/a.rs\\n--- a/a.rs\\n+++ b/a.rs\\n@@ -1 +1 @@\\n-a\\n+b\\n'}}}";

  @Test
  void rowHasTheTutorialsColumns() {
    AnalysedTrajectory a = TrajectoryAnalyzer.analyse(record(GOOD), SftSettings.TUTORIAL);
    AnalysisRow r = a.row();
    assertEquals(4, r.nMessages());
    assertEquals(1, r.nSystem());
    assertEquals(1, r.nUser());
    assertEquals(1, r.nAssistant());
    assertEquals(1, r.nTool());
    assertEquals(1, r.patchFiles());
    assertEquals(2, r.patchChurn());
    assertEquals(TokenCounter.count("sys\nfix\n\nok"), r.trajTokens());
    assertEquals("kept", r.sftStatus());
    assertEquals(1, r.nToolCalls());
    assertNotNull(a.sftJson());
  }

  @Test
  void sftExampleHasEveryField() throws Exception {
    AnalysedTrajectory a = TrajectoryAnalyzer.analyse(record(GOOD), SftSettings.TUTORIAL);
    JsonNode sft = Json.STRICT.readTree(a.sftJson());
    for (String field : new String[] {"instance_id", "trajectory_id", "repo", "language", "agent", "model", "messages", "text", "model_patch", "approx_tokens"}) {
      assertNotNull(sft.get(field), field);
    }
    assertEquals(TokenCounter.count(sft.get("text").asText()), sft.get("approx_tokens").asInt());
    assertEquals(a.row().sftTokens(), sft.get("approx_tokens").asInt());
    assertEquals("c", sft.get("messages").get(3).get("tool_call_id").asText());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'trajectory':'broken json'|malformed_trajectory",
      "'messages':[]|empty_trajectory",
      "'resolved':0|not_resolved",
      "'resolved':-1|not_resolved",
      "'language':'go'|language_not_selected",
      "'model_patch':'   '|empty_patch"})
  void filterReasonsInOrder(String override, String reason) {
    // Replaces the field (a row naming one twice is rejected as ambiguous).
    com.fasterxml.jackson.databind.node.ObjectNode row = dev.tracecurator.testing.Rows.object(GOOD);
    row.setAll(dev.tracecurator.testing.Rows.object("{" + override + "}"));
    SftSettings settings = new SftSettings(true, 32_000, Set.of("rust"));
    AnalysedTrajectory a = TrajectoryAnalyzer.analyse(dev.tracecurator.normalize.RowMapper.map(dev.tracecurator.testing.Rows.line(row.toString())),
        settings);
    assertEquals(reason, a.row().sftStatus());
    assertNull(a.sftJson());
  }

  @Test
  void tokenBudgetAppliesToTheRenderedText() {
    AnalysedTrajectory a = TrajectoryAnalyzer.analyse(record(GOOD), new SftSettings(true, 10, Set.of()));
    assertEquals("too_many_tokens", a.row().sftStatus());
    assertNotNull(a.row().sftTokens());
    assertNull(a.sftJson());
  }
}
