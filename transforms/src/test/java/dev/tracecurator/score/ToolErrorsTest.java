package dev.tracecurator.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass error test against its definition: any marker as a substring, or either pattern found. */
class ToolErrorsTest {
  private static final Pattern DEFINITION = Pattern.compile(
      "Traceback \\(most recent call last\\)|: command not found|No such file or directory|exit code [1-9]\\d*\\b"
          + "|(?m)^(?:ERROR|Error|error):\\s");

  @Test
  void agreesWithTheDefinitionOnRandomTexts() {
    String[] fragments = {"Traceback (most recent call last)", "Traceback (most recent", "exit code 0", "exit code 12",
        "exit code 3x", "exit code ", "error: ", "ERROR:\t", "Error:x", "rror: ", "RROR: ", "\n", "\r\n", " ",
        "No such file", "No such file or directory", ": command not found", ": command", "T", "N", "e", "r", "R", ":",
        "ok", "done", "é", "中"};
    Random random = new Random(42);
    int errors = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(8);
      for (int p = 0; p < parts; p++) {
        text.append(fragments[random.nextInt(fragments.length)]);
      }
      boolean expected = DEFINITION.matcher(text).find();
      errors += expected ? 1 : 0;
      assertEquals(expected, ToolErrors.isError(text.toString()), () -> "text: " + text);
    }
    assertTrue(errors > 1_000 && errors < 49_000, "both outcomes drawn: " + errors);
  }

  @Test
  void plainTextsAreNoErrors() {
    assertFalse(ToolErrors.isError("All 12 tests passed"));
    assertFalse(ToolErrors.isError(""));
    assertFalse(ToolErrors.isError(null));
    assertTrue(ToolErrors.isError("Command failed with exit code 2."));
    assertTrue(ToolErrors.isError("ok\nERROR: could not build"));
  }
}
