package dev.tracecurator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnalysisCsvTest {
  @Test
  void headerStartsWithTheTutorialsColumnsInOrder() {
    assertEquals("instance_id,repo,language,license,resolved,agent,model,n_messages,n_system,n_user,n_assistant,n_tool,"
        + "patch_files,patch_add,patch_del,patch_churn,traj_tokens,category,meta_files,meta_lines,is_resolved,known_label,"
        + "trajectory_id", AnalysisCsv.HEADER.substring(0, AnalysisCsv.HEADER.indexOf(",n_tool_calls")));
  }

  @Test
  void headerEndsWithTheCrossRowColumns() {
    assertEquals("near_dup_cluster,near_dup_cluster_size,contaminated_by,contamination_rule",
        AnalysisCsv.HEADER.substring(AnalysisCsv.HEADER.indexOf("near_dup_cluster,")));
    AnalysisRow row = new AnalysisRow("i", "r", "python", "MIT", 1, "openhands", "m", 4, 1, 1, 1, 1, 1, 2, 0, 2,
        100, null, null, null, true, true, "t", 1, java.util.Map.of(), java.util.Map.of(), "contaminated", null,
        dev.tracecurator.testing.Rows.NO_SCORE, null, "f.jsonl", 7, null, null, null, "django__django-11163", "ngram");
    assertEquals(",,django__django-11163,ngram", AnalysisCsv.line(row).substring(AnalysisCsv.line(row).lastIndexOf(",,")));
  }

  @Test
  void quotingAndEmptyCells() {
    StringBuilder out = new StringBuilder();
    AnalysisCsv.appendCell("a,b", out);
    out.append('|');
    AnalysisCsv.appendCell("say \"hi\"", out);
    out.append('|');
    AnalysisCsv.appendCell(null, out);
    out.append('|');
    AnalysisCsv.appendCell("line\nbreak", out);
    out.append('|');
    AnalysisCsv.appendCell(42, out);
    assertEquals("\"a,b\"|\"say \"\"hi\"\"\"||\"line\nbreak\"|42", out.toString());
  }
}
