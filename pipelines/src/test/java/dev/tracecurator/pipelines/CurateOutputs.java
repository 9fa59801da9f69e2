package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and compares the output folders of two curate runs, for the ITs that run the jar. */
final class CurateOutputs {
  private CurateOutputs() {}

  /**
   * The rows of both runs are the same (analysis, SFT, rejected; compared as sorted lines, since
   * the shard layout may differ), and so are the summary and the manifest's counts.
   */
  static void assertSameOutputs(Path expected, Path actual) throws IOException {
    for (String rows : List.of(CuratePipeline.ANALYSIS_DIR, CuratePipeline.SFT_DIR, CuratePipeline.REJECTED_DIR)) {
      assertSameLines(sortedLines(expected.resolve(rows)), sortedLines(actual.resolve(rows)), rows + " rows in " + actual);
    }
    assertEquals(Json.STRICT.readTree(expected.resolve(CuratePipeline.SUMMARY_FILE).toFile()),
        Json.STRICT.readTree(actual.resolve(CuratePipeline.SUMMARY_FILE).toFile()), "summary in " + actual);
    assertEquals(manifest(expected).get("counts"), manifest(actual).get("counts"), "manifest counts in " + actual);
  }

  static JsonNode manifest(Path output) throws IOException {
    return Json.STRICT.readTree(output.resolve(OutputFolder.MANIFEST).toFile());
  }

  /** Every line of every file in a folder except CSV headers, sorted. */
  static List<String> sortedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("instance_id,repo,")) {
            lines.add(line);
          }
        }
      }
    }
    Collections.sort(lines);
    return lines;
  }

  /**
   * Equal line lists, else a failure that counts the lines lost and the lines extra (duplicated
   * or altered) and shows the first of each, cut short: rows run to 100 KB, and a message
   * holding all of them would be of no use.
   */
  static void assertSameLines(List<String> expected, List<String> actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    Map<String, Integer> balance = new HashMap<>();
    expected.forEach(line -> balance.merge(line, 1, Integer::sum));
    actual.forEach(line -> balance.merge(line, -1, Integer::sum));
    List<String> lost = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    balance.forEach((line, count) -> {
      for (int i = 0; i < Math.abs(count); i++) {
        (count > 0 ? lost : extra).add(line);
      }
    });
    fail(String.format("%s: %d lines expected, %d found; %d lost%s; %d extra%s", what, expected.size(), actual.size(),
        lost.size(), first(lost), extra.size(), first(extra)));
  }

  private static String first(List<String> lines) {
    if (lines.isEmpty()) {
      return "";
    }
    String line = Collections.min(lines);
    return ", first: " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
  }
}
