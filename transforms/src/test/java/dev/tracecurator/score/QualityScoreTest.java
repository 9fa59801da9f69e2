package dev.tracecurator.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.testing.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScoreTest {
  private static Message call(String tool, String arguments) {
    return Message.of("assistant", "").withToolCalls(List.of(new ToolCall("c", "function", tool, arguments)));
  }

  private static Message tool(String content) {
    return Message.of("tool", content);
  }

  @Test
  void actionsComeFromCallsWhereATrajectoryHasThemAndItsTextIsNoAction() {
    List<Action> actions = Actions.of(List.of(
        Message.of("system", "```bash\nnot an action\n```"),
        call("execute_bash", "{\"command\": \"ls -la\"}"),
        call("str_replace_editor", "{\"command\": \"view\", \"path\": \"/a.py\"}"),
        Message.of("assistant", "You could run:\n```bash\npytest -x\n```")));
    assertEquals(List.of(new Action("execute_bash", "ls -la", "{\"command\": \"ls -la\"}"),
        new Action("str_replace_editor", "view", "{\"command\": \"view\", \"path\": \"/a.py\"}")), actions);
  }

  @Test
  void actionsOfATextOnlyTrajectoryComeFromEveryTextForm() {
    List<Action> actions = Actions.of(List.of(
        Message.of("system", "```bash\nnot an action\n```"),
        Message.of("assistant", "Let me look.\n```\nquoted\n```\nNow:\n```bash\npytest -x\n```"),
        Message.of("assistant", "DISCUSSION\nOpen it.\n```python\nshown = 1\n```\n```\nopen src/a.py 20\n```"),
        Message.of("assistant", "<function=execute_bash>\n<parameter=command>git status</parameter>\n</function>"),
        Message.of("assistant", "<execute_bash>\nmake test\n</execute_bash>"),
        new Message("assistant", "Submit.\n<command>\nsubmit\n</command>", null, List.of(), null, List.of(), null, "submit\n"),
        Message.of("assistant", "just thinking")));
    assertEquals(List.of(new Action("bash_block", "pytest -x"), new Action("open", "open src/a.py 20"),
        new Action("execute_bash", "git status"), new Action("execute_bash", "make test"), new Action("submit", "submit")), actions);
    assertTrue(QualityScore.finished(actions), "classic SWE-agent's submit command ends the run");
  }

  @Test
  void anEditorViewingTwoFilesIsNotRepeatingItself() {
    List<Action> actions = Actions.of(List.of(call("str_replace_editor", "{\"command\": \"view\", \"path\": \"/a.py\"}"),
        call("str_replace_editor", "{\"command\": \"view\", \"path\": \"/b.py\"}"),
        call("str_replace_editor", "{\"command\": \"view\", \"path\": \"/b.py\"}")));
    assertFalse(actions.get(1).sameAs(actions.get(0)));
    assertTrue(actions.get(2).sameAs(actions.get(1)));
  }

  @Test
  void toolErrorsCountObservationsThatReportFailure() {
    ToolErrors.Count count = ToolErrors.count(List.of(call("bash", "{}"), tool("Traceback (most recent call last):\n  x"),
        call("bash", "{}"), tool("ok"), call("bash", "{}"), tool("bash: foo: command not found"),
        call("bash", "{}"), tool("all good\n[Command finished with exit code 2]")));
    assertEquals(new ToolErrors.Count(4, 3), count);
    // Classic SWE-agent: observations are user turns after the first action.
    assertEquals(new ToolErrors.Count(1, 1), ToolErrors.count(Rows.messages("user", "Error: task", "assistant", "```\nls\n```",
        "user", "ls: cannot access 'x': No such file or directory")));
  }

  @Test
  void aResolvedCleanRunScoresOneAndEachFlawCostsItsWeight() {
    TrajectoryRecord record = Rows.record("{'instance_id':'a','resolved':1,'model_patch':'--- a/x\\n+++ b/x\\n@@ -1 +1 @@\\n-a\\n+b\\n',"
        + "'trajectory':[]}");
    ScoreComponents clean = new ScoreComponents(true, true, 2, true, 4, 0, 4, 0, 4, 10_000);
    assertEquals(1.0, QualityScore.score(clean));
    assertEquals(0.65, QualityScore.score(new ScoreComponents(false, true, 2, true, 4, 0, 4, 0, 4, 10_000)));
    assertEquals(0.95, QualityScore.score(new ScoreComponents(true, true, 2, true, 4, 2, 4, 0, 4, 10_000)));
    assertEquals(0.975, QualityScore.score(new ScoreComponents(true, true, 2, true, 4, 0, 4, 1, 4, 10_000)));
    assertEquals(0.9625, QualityScore.score(new ScoreComponents(true, true, 2, true, 4, 0, 4, 0, 4, 64_000)));
    assertEquals(0.0, QualityScore.score(new ScoreComponents(false, false, 0, false, 10, 10, 10, 10, 1_000_000, 1_000_000_000)),
        0.01);

    List<Action> actions = List.of(new Action("bash", "ls"), new Action("bash", "ls"), new Action("finish", ""));
    ScoreComponents parts = QualityScore.components(record, PatchParser.parse(record.modelPatch()), actions, 100);
    assertTrue(parts.resolved() && parts.hasPatch() && parts.finished());
    assertEquals(1, parts.repeatedActions());
    assertEquals(2, parts.patchChurn());
  }

  @Test
  void finishingIsTheLastActionSubmitting() {
    assertTrue(QualityScore.finished(List.of(new Action(null, "submit"))));
    assertTrue(QualityScore.finished(List.of(new Action(null, "echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A"))));
    assertTrue(QualityScore.finished(List.of(new Action("finish", "{}"))));
    assertFalse(QualityScore.finished(List.of(new Action("finish", "{}"), new Action("bash", "ls"))));
    assertFalse(QualityScore.finished(List.of()));
  }
}
