package dev.tracecurator.pipelines.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes git-style unified diffs with correct hunk headers: modified, new and deleted files,
 * headers without counts ({@code @@ -3 +3 @@}), "\ No newline at end of file", files without an
 * extension or with several dots, and lines whose text starts with "++" or "--" (which a
 * line-prefix parser mistakes for headers).
 */
final class PatchGenerator {
  private final Draw draw;
  private final LanguageProfile language;
  private final CodeLines code;

  PatchGenerator(Draw draw, LanguageProfile language) {
    this.draw = draw;
    this.language = language;
    this.code = new CodeLines(draw, language);
  }

  GeneratedPatch generate() {
    int fileCount = new int[] {1, 1, 1, 1, 2, 2, 2, 3, 4, 6}[draw.between(0, 9)];
    StringBuilder diff = new StringBuilder();
    int added = 0;
    int deleted = 0;
    boolean increment = draw.chance(0.3);
    List<String> paths = new ArrayList<>();
    for (int f = 0; f < fileCount; f++) {
      String path = path(f);
      if (paths.contains(path)) {
        path = "extra" + f + "/" + path;
      }
      paths.add(path);
      double kind = draw.uniform();
      if (kind < 0.10) {
        int n = draw.between(3, 40);
        diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
            .append("new file mode 100644\nindex 0000000..").append(draw.hex(7)).append('\n')
            .append("--- /dev/null\n+++ b/").append(path).append('\n')
            .append("@@ -0,0 +1").append(n == 1 ? "" : "," + n).append(" @@\n");
        for (int i = 0; i < n; i++) {
          diff.append('+').append(code.line()).append('\n');
        }
        added += n;
      } else if (kind < 0.14 && fileCount > 1) {
        int n = draw.between(2, 25);
        diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
            .append("deleted file mode 100644\nindex ").append(draw.hex(7)).append("..0000000\n")
            .append("--- a/").append(path).append("\n+++ /dev/null\n")
            .append("@@ -1").append(n == 1 ? "" : "," + n).append(" +0,0 @@\n");
        for (int i = 0; i < n; i++) {
          diff.append('-').append(code.line()).append('\n');
        }
        deleted += n;
      } else {
        diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
            .append("index ").append(draw.hex(7)).append("..").append(draw.hex(7)).append(" 100644\n")
            .append("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
        int hunks = draw.between(1, 3);
        int start = draw.between(1, 80);
        for (int h = 0; h < hunks; h++) {
          int[] counts = hunk(diff, start, increment && f == 0 && h == 0, h == hunks - 1 && draw.chance(0.1));
          added += counts[0];
          deleted += counts[1];
          start += draw.between(30, 200);
        }
      }
    }
    return new GeneratedPatch(diff.toString(), fileCount, added, deleted);
  }

  /** Appends one hunk; returns {added, deleted}. */
  private int[] hunk(StringBuilder diff, int start, boolean withIncrement, boolean noNewlineAtEnd) {
    int before = draw.between(0, 3);
    int after = draw.between(0, 3);
    int removed = draw.between(0, 6);
    int addedLines = draw.between(removed == 0 ? 1 : 0, 10);
    List<String> body = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      body.add(' ' + code.line());
    }
    for (int i = 0; i < removed; i++) {
      body.add('-' + code.line());
    }
    for (int i = 0; i < addedLines; i++) {
      body.add('+' + code.line());
    }
    if (withIncrement) {
      String line = TextPools.fill(language.increment(), draw.pick(TextPools.IDENTIFIERS), "");
      if (line.startsWith("++")) {
        body.add(before + removed, '+' + line);
        addedLines++;
      } else {
        body.add(before, '-' + line);
        removed++;
      }
    }
    for (int i = 0; i < after; i++) {
      body.add(' ' + code.line());
    }
    int oldCount = before + removed + after;
    int newCount = before + addedLines + after;
    boolean omitCounts = oldCount == 1 && newCount == 1 && draw.chance(0.5);
    diff.append("@@ -").append(start).append(omitCounts ? "" : "," + oldCount)
        .append(" +").append(start).append(omitCounts ? "" : "," + newCount).append(" @@");
    if (draw.chance(0.5)) {
      diff.append(' ').append(code.line().strip());
    }
    diff.append('\n');
    for (String line : body) {
      diff.append(line).append('\n');
    }
    if (noNewlineAtEnd) {
      diff.append("\\ No newline at end of file\n");
    }
    return new int[] {addedLines, removed};
  }

  private String path(int index) {
    if (draw.chance(0.05)) {
      return index == 0 ? "Makefile" : "docs/Makefile";
    }
    String extension = draw.pick(language.extensions());
    String name = draw.pick(TextPools.IDENTIFIERS) + (draw.chance(0.1) ? ".test" : "");
    return draw.pick(language.directories()) + "/" + name + "." + extension;
  }
}
