package dev.tracecurator.analysis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;
import java.util.List;
import java.util.Map;

/** The analysis table as CSV: the tutorial's columns in its order, then ours; RFC 4180 quoting. */
public final class AnalysisCsv {
  public static final List<String> COLUMNS = List.of(
      "instance_id", "repo", "language", "license", "resolved", "agent", "model",
      "n_messages", "n_system", "n_user", "n_assistant", "n_tool",
      "patch_files", "patch_add", "patch_del", "patch_churn", "traj_tokens",
      "category", "meta_files", "meta_lines", "is_resolved", "known_label",
      "trajectory_id",
      "n_tool_calls", "tool_counts", "patch_extensions", "sft_status", "sft_tokens",
      "quality_score", "finished", "n_actions", "repeated_actions", "n_observations", "tool_errors",
      "git_history_access", "secrets_found",
      "trajectory_error", "source_file", "source_line", "train_tokens",
      "near_dup_cluster", "near_dup_cluster_size", "contaminated_by", "contamination_rule");

  public static final String HEADER = String.join(",", COLUMNS);

  private AnalysisCsv() {}

  public static String line(AnalysisRow r) {
    Object[] cells = {
        r.instanceId(), r.repo(), r.language(), r.license(), r.resolved(), r.agent(), r.model(),
        r.nMessages(), r.nSystem(), r.nUser(), r.nAssistant(), r.nTool(),
        r.patchFiles(), r.patchAdd(), r.patchDel(), r.patchChurn(), r.trajTokens(),
        r.category(), r.metaFiles(), r.metaLines(), pandasBool(r.isResolved()), pandasBool(r.knownLabel()),
        r.trajectoryId(),
        r.nToolCalls(), countsJson(r.toolCounts()), countsJson(r.patchExtensions()), r.sftStatus(), r.sftTokens(),
        r.score().quality(), pandasBool(r.score().components().finished()), r.score().components().actions(),
        r.score().components().repeatedActions(), r.score().components().observations(), r.score().components().toolErrors(),
        r.score().gitHistoryAccess(), countsJson(r.score().secrets()),
        r.trajectoryError(), r.sourceFile(), r.sourceLine(), r.trainTokens(),
        r.nearDupCluster(), r.nearDupClusterSize(), r.contaminatedBy(), r.contaminationRule()};
    StringBuilder out = new StringBuilder(256);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendCell(cells[i], out);
    }
    return out.toString();
  }

  /** pandas writes booleans as True / False; readers of the tutorial's CSV expect that. */
  private static String pandasBool(boolean value) {
    return value ? "True" : "False";
  }

  private static String countsJson(Map<String, Integer> counts) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    counts.forEach(node::put);
    return Json.write(node);
  }

  static void appendCell(Object value, StringBuilder out) {
    if (value == null) {
      return;
    }
    String text = value.toString();
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}
