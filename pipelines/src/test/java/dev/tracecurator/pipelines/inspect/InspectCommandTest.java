package dev.tracecurator.pipelines.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code inspect} on real rows: the format, the mapping, the rows, the first row as normalised, the rejections. */
class InspectCommandTest {
  private record Output(int code, String out, String err) {}

  private static Output inspect(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = InspectCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheFormatMappingRowsAndFirstRowOfEachFile() {
    Output o = inspect("src/test-fixtures/real/nebius-swe-agent/sample_raw.json",
        "src/test-fixtures/real/mini-swe-agent/django__django-11163.traj.json#resolved=1");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("rows: 5; rejected: 0") && o.out().contains("format: nebius 5"), o.out());
    assertTrue(o.out().contains("patch <- generated_patch; resolved <- target | resolved"), o.out());
    assertTrue(o.out().contains("model: swe-agent-llama-70b; resolved: 1"), o.out());
    assertTrue(o.out().contains("tool calls: 6 {edit=1, find_file=1, ls=1, open=1, python=1, submit=1}"), o.out());
    assertTrue(o.out().contains("labels from the input: resolved=1") && o.out().contains("tool calls: 13 {bash_block=13}"), o.out());
  }

  @Test
  void namesRowsOfNoKnownShapeAndGlobsThatMatchNothing() {
    Output preds = inspect("src/test-fixtures/real/swe-bench-preds/all_preds.lines1-20.jsonl");
    assertTrue(preds.out().contains("rows: 20; rejected: 20 (first, line 1: row of no known shape: it has fields "
        + "[model_name_or_path, instance_id, model_patch]"), preds.out());
    Output none = inspect("no/such/*.jsonl");
    assertEquals(3, none.code());
    assertTrue(none.err().startsWith("trace-curator inspect: no/such/*.jsonl: "), none.err());
    assertEquals(2, inspect().code());
  }
}
