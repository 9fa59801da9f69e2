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
