package dev.tracecurator.score;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.patch.PatchStats;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One number in [0, 1] to rank trajectories by, as a weighted sum of parts that each lie in
 * [0, 1] (the README's "Quality score" gives the same formula):
 *
 * <pre>
 * 0.35 resolved + 0.15 has_patch + 0.10 finished
 * + 0.10 (1 - repeated_actions / actions) + 0.10 (1 - tool_errors / observations)
 * + 0.05 min(1, 200 / patch_churn) + 0.075 min(1, 50 / turns) + 0.075 min(1, 32000 / tokens)
 * </pre>
 *
 * Resolution dominates because it is the one outcome that was tested; the rest rewards runs that
 * end deliberately, do not loop, do not flail, and stay small. A part with nothing to measure
 * (no actions, no observations, no patch) scores 1 except has_patch and the patch part, which
 * score 0 without a patch. Rounded to 4 decimals so every runner writes the same text.
 */
public final class QualityScore {
  static final int SMALL_PATCH_LINES = 200;
  static final int SHORT_RUN_TURNS = 50;
  static final int TOKEN_BUDGET = 32_000;
  private static final Set<String> FINISH_TOOLS = Set.of("finish", "submit", "task_complete", "attempt_completion", "done");

  private QualityScore() {}

  public static ScoreComponents components(TrajectoryRecord record, PatchStats patch, List<Action> actions, int tokens) {
    int repeated = 0;
    for (int i = 1; i < actions.size(); i++) {
      if (actions.get(i).sameAs(actions.get(i - 1))) {
        repeated++;
      }
    }
    ToolErrors.Count errors = ToolErrors.count(record.messages());
    int turns = 0;
    for (Message message : record.messages()) {
      if (message.hasRole("assistant")) {
        turns++;
      }
    }
    boolean hasPatch = record.modelPatch() != null && !record.modelPatch().isBlank();
    return new ScoreComponents(record.isResolved(), hasPatch, patch.churn(), finished(actions), actions.size(), repeated,
        errors.observations(), errors.errors(), turns, tokens);
  }

  public static double score(ScoreComponents c) {
    double repeats = c.actions() == 0 ? 1.0 : 1.0 - (double) c.repeatedActions() / c.actions();
    double errors = c.observations() == 0 ? 1.0 : 1.0 - (double) c.toolErrors() / c.observations();
    double patchSize = !c.hasPatch() || c.patchChurn() == 0 ? 0.0 : Math.min(1.0, (double) SMALL_PATCH_LINES / c.patchChurn());
    double turns = c.turns() == 0 ? 1.0 : Math.min(1.0, (double) SHORT_RUN_TURNS / c.turns());
    double tokens = c.tokens() == 0 ? 1.0 : Math.min(1.0, (double) TOKEN_BUDGET / c.tokens());
    double score = 0.35 * bit(c.resolved()) + 0.15 * bit(c.hasPatch()) + 0.10 * bit(c.finished())
        + 0.10 * repeats + 0.10 * errors + 0.05 * patchSize + 0.075 * turns + 0.075 * tokens;
    return Math.round(score * 10_000) / 10_000.0;
  }

  /** The last action submits: a finish/submit tool, SWE-agent's submit command, mini-swe-agent's final echo. */
  static boolean finished(List<Action> actions) {
    if (actions.isEmpty()) {
      return false;
    }
    Action last = actions.get(actions.size() - 1);
    if (last.tool() != null && FINISH_TOOLS.contains(last.tool().toLowerCase(Locale.ROOT))) {
      return true;
    }
    String command = last.command() == null ? "" : last.command().strip();
    return command.equals("submit") || command.startsWith("submit ") || command.contains("COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT")
        || command.contains("MINI_SWE_AGENT_FINAL_OUTPUT");
  }

  private static double bit(boolean b) {
    return b ? 1.0 : 0.0;
  }
}
