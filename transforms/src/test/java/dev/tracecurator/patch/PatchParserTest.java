package dev.tracecurator.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchParserTest {
  @Test
  void addedLinesThatStartWithPlusAreCounted() {
    // The tutorial skips "+++i;" (an added "++i;") and "---x" (a deleted "--x") as if they were headers.
    String diff = String.join("\n",
        "diff --git a/src/loop.c b/src/loop.c",
        "index 1111111..2222222 100644",
        "--- a/src/loop.c",
        "+++ b/src/loop.c",
        "@@ -1,4 +1,4 @@",
        " int main() {",
        "---x;",
        "+++i;",
        "   return 0;",
        " }",
        "");
    PatchStats stats = PatchParser.parse(diff);
    assertEquals(List.of("src/loop.c"), stats.files());
    assertEquals(1, stats.additions());
    assertEquals(1, stats.deletions());
    assertEquals(Map.of("c", 1), stats.extensions());
  }

  @Test
  void noNewlineMarkerAndHunkHeadersWithoutCounts() {
    String diff = String.join("\n",
        "diff --git a/Makefile b/Makefile",
        "--- a/Makefile",
        "+++ b/Makefile",
        "@@ -3 +3 @@",
        "-all: old",
        "\\ No newline at end of file",
        "+all: new",
        "\\ No newline at end of file",
        "diff --git a/docs/a.b.MD b/docs/a.b.MD",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/docs/a.b.MD",
        "@@ -0,0 +1,2 @@",
        "+# Title",
        "+--- a rule, not a header",
        "");
    PatchStats stats = PatchParser.parse(diff);
    assertEquals(List.of("Makefile", "docs/a.b.MD"), stats.files());
    assertEquals(3, stats.additions());
    assertEquals(1, stats.deletions());
    assertEquals(Map.of("md", 1), stats.extensions());
  }

  @Test
  void plainUnifiedDiffsCountFilesByTheirPlusHeaders() {
    String diff = String.join("\n",
        "--- a/x.py\t2024-01-01",
        "+++ b/x.py\t2024-01-02",
        "@@ -1,2 +1,3 @@",
        " a",
        "+b",
        " c",
        "--- a/y.rs",
        "+++ b/y.rs",
        "@@ -5,1 +5,0 @@",
        "-gone");
    PatchStats stats = PatchParser.parse(diff);
    assertEquals(List.of("x.py", "y.rs"), stats.files());
    assertEquals(1, stats.additions());
    assertEquals(1, stats.deletions());
  }

  @Test
  void crlfPatchesAndEmptyContextLines() {
    String diff = "diff --git a/w.txt b/w.txt\r\n--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1,3 +1,3 @@\r\n a\r\n\r\n-b\r\n+B\r\n";
    PatchStats stats = PatchParser.parse(diff);
    assertEquals(1, stats.additions());
    assertEquals(1, stats.deletions());
  }

  @Test
  void emptyAndNullPatches() {
    assertEquals(PatchStats.EMPTY, PatchParser.parse(null));
    assertEquals(PatchStats.EMPTY, PatchParser.parse(""));
  }

  @Test
  void realAgentPatchMatchesGitNumstat() throws IOException {
    // src/test-fixtures/patches/pydicom__pydicom-1458.patch is an SWE-agent submission (MIT, see the
    // LICENSE beside it); `git apply --numstat` reports 3 added and 2 deleted lines in one file.
    String diff = Files.readString(Path.of("src/test-fixtures/patches/pydicom__pydicom-1458.patch"));
    PatchStats stats = PatchParser.parse(diff);
    assertEquals(List.of("pydicom/pixel_data_handlers/numpy_handler.py"), stats.files());
    assertEquals(3, stats.additions());
    assertEquals(2, stats.deletions());
  }
}
