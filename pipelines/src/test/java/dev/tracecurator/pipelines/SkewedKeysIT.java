package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skewed keys through {@code -Xmx256m}: 2,000 copies of one trajectory (a file concatenated from
 * overlapping downloads) and one instance with 2,000 distinct runs. These are generated rows used
 * for a scale test: the project's generator writes realistic trajectories, the test copies one of
 * them 2,000 times and makes 2,000 runs of one instance from a few others (each run's user message
 * differs, so none is a duplicate). Every row is accounted for, one copy is kept, and
 * {@code --maxPerInstance=3} keeps the three best runs.
 *
 * <p>The rows are about 90 KB (360 MB of input): the 2,000 copies alone are 180 MB, and the code
 * that collected a group's whole rows before choosing died there of OutOfMemoryError. The
 * DirectRunner holds every step's output until the next takes it; it passes because it reads and
 * analyses in one step and keeps SFT examples deflated (before, it read the whole input ahead as
 * text and died in the analysis).
 */
class SkewedKeysIT {
  /** The jar under test; {@code -Dskew.jar=OTHER.jar} runs the same test against another build. */
  private static final Path JAR = Path.of(System.getProperty("skew.jar", "pipelines/target/trace-curator.jar"));
  private static final int COPIES = 2_000;
  private static final int RUNS = 2_000;
  private static final int PER_INSTANCE = 3;
  private static final String INSTANCE = "skew__skew-1";
  private static final List<String> SFT_OPTIONS = List.of("--requireResolved=false", "--maxSftTokens=100000000",
      "--report=false", "--maxPerInstance=" + PER_INSTANCE, "--progressIntervalSeconds=30");

  @TempDir
  static Path shared;

  /** Generated rows that the SFT rules keep on their own, with their JSON size. */
  private static List<String> keptRows;

  @TempDir
  Path tmp;

  @BeforeAll
  static void generateRowsTheRulesKeep() throws Exception {
    keptRows = JarProcess.keptGeneratedRows(JAR, "256m", shared, 80, 16, SFT_OPTIONS);
    assertTrue(keptRows.size() >= 20, "only " + keptRows.size() + " generated rows are kept");
  }

  @Test
  void embeddedFlinkKeepsOneCopyAndTheBestRunsOfTheInstance() throws Exception {
    curateSkewed(90_000);
  }

  @Test
  void directRunnerKeepsOneCopyAndTheBestRunsOfTheInstance() throws Exception {
    curateSkewed(90_000, "--runner=DirectRunner");
  }

  private void curateSkewed(int rowBytes, String... runner) throws Exception {
    List<String> bases = keptRows.stream()
        .sorted(Comparator.comparingInt((String row) -> Math.abs(row.length() - rowBytes)))
        .limit(5).toList();
    Path input = tmp.resolve("data/skewed.jsonl");
    long inputBytes = writeSkewed(input, bases);
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + out));
    args.addAll(SFT_OPTIONS);
    args.addAll(List.of(runner));
    long start = System.nanoTime();
    java(tmp.resolve("curate.log"), args.toArray(String[]::new));
    System.out.printf("SkewedKeysIT: %s, %,d rows, %,d bytes, -Xmx256m: %.0f s%n",
        runner.length == 0 ? "embedded Flink" : String.join(" ", runner), COPIES + RUNS, inputBytes,
        (System.nanoTime() - start) / 1e9);

    JsonNode counts = JarProcess.reconciledCounts(Json.STRICT.readTree(out.resolve("manifest.json").toFile()), COPIES + RUNS);
    long kept = counts.get("sft_kept").asLong();
    assertEquals(COPIES - 1, counts.get("sft_filtered").get("duplicate").asLong());
    assertEquals(RUNS - PER_INSTANCE, counts.get("sft_filtered").get("over_instance_limit").asLong());
    assertEquals(1 + PER_INSTANCE, kept);

    List<Map<String, String>> rows = CsvTable.readShards(out.resolve("analysis")).rows;
    assertEquals(COPIES + RUNS, rows.size());
    // The copies tie on score, trajectory id and file: the first line is kept.
    List<Map<String, String>> copies = rows.stream().filter(r -> Long.parseLong(r.get("source_line")) <= COPIES).toList();
    assertEquals(List.of("1"), copies.stream().filter(r -> r.get("sft_status").equals("kept")).map(r -> r.get("source_line")).toList());
    // The runs: the best scores, ties by the smallest trajectory id.
    List<Map<String, String>> runs = rows.stream().filter(r -> INSTANCE.equals(r.get("instance_id"))).toList();
    assertEquals(RUNS, runs.size());
    List<String> best = runs.stream()
        .sorted(Comparator.comparingDouble((Map<String, String> r) -> -Double.parseDouble(r.get("quality_score")))
            .thenComparing(r -> r.get("trajectory_id")))
        .limit(PER_INSTANCE).map(r -> r.get("trajectory_id")).sorted().toList();
    assertEquals(best, runs.stream().filter(r -> r.get("sft_status").equals("kept")).map(r -> r.get("trajectory_id")).sorted().toList());
    assertEquals(1 + PER_INSTANCE, sftLines(out.resolve("sft")));
  }

  /** The first base row {@value COPIES} times, then {@value RUNS} runs of one instance made from all five. */
  private static long writeSkewed(Path file, List<String> bases) throws Exception {
    Files.createDirectories(file.getParent());
    long bytes = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < COPIES; i++) {
        w.write(bases.get(0));
        w.write('\n');
        bytes += bases.get(0).length() + 1;
      }
      List<ObjectNode> nodes = new ArrayList<>();
      for (String base : bases) {
        nodes.add((ObjectNode) Json.STRICT.readTree(base));
      }
      for (int i = 0; i < RUNS; i++) {
        ObjectNode run = nodes.get(i % nodes.size()).deepCopy();
        run.put("instance_id", INSTANCE);
        run.put("trajectory_id", String.format("skew-run-%04d", i));
        JarProcess.numberRun(run, i);
        String line = Json.STRICT.writeValueAsString(run);
        w.write(line);
        w.write('\n');
        bytes += line.length() + 1;
      }
    }
    return bytes;
  }

  private static long sftLines(Path dir) throws Exception {
    long n = 0;
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        try (var lines = Files.lines(file)) {
          n += lines.count();
        }
      }
    }
    return n;
  }

  private static void java(Path log, String... args) throws Exception {
    JarProcess.run(JAR, "256m", log, 20, args);
  }
}
