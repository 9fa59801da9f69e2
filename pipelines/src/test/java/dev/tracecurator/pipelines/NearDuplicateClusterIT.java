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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One near-duplicate cluster of 10,000 rows through {@code -Xmx512m}. The rows are generated: the
 * project's generator writes realistic trajectories, and the test copies the smallest one it keeps
 * 10,000 times, each copy's task statement ending in its own run number and its own trajectory id,
 * so no two are exact duplicates and all are near ones. Every row is accounted for, all 10,000
 * share one cluster, and one is kept.
 */
class NearDuplicateClusterIT {
  private static final Path JAR = Path.of(System.getProperty("neardup.jar", "pipelines/target/trace-curator.jar"));
  private static final int ROWS = 10_000;
  private static final List<String> SFT_OPTIONS = List.of("--requireResolved=false", "--maxSftTokens=100000000",
      "--report=false", "--progressIntervalSeconds=30");

  @TempDir
  Path tmp;

  @Test
  void oneClusterOfTenThousandRowsKeepsOneAndAccountsForEveryRow() throws Exception {
    String base = smallestKeptRow();
    Path input = tmp.resolve("data/near.jsonl");
    long bytes = writeNearCopies(input, base);
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + out, "--nearDedup=0.8"));
    args.addAll(SFT_OPTIONS);
    long start = System.nanoTime();
    java(tmp.resolve("curate.log"), args.toArray(String[]::new));
    System.out.printf("NearDuplicateClusterIT: %,d rows, %,d bytes, -Xmx512m, embedded Flink: %.0f s%n", ROWS, bytes,
        (System.nanoTime() - start) / 1e9);

    JsonNode counts = JarProcess.reconciledCounts(Json.STRICT.readTree(out.resolve("manifest.json").toFile()), ROWS);
    assertEquals(ROWS - 1, counts.get("sft_filtered").get("near_duplicate").asLong());
    assertEquals(1, counts.get("sft_kept").asLong());

    List<Map<String, String>> rows = CsvTable.readShards(out.resolve("analysis")).rows;
    assertEquals(ROWS, rows.size());
    Set<String> clusters = rows.stream().map(r -> r.get("near_dup_cluster")).collect(Collectors.toSet());
    assertEquals(1, clusters.size(), "every row in one cluster");
    assertEquals(List.of(String.valueOf(ROWS)), rows.stream().map(r -> r.get("near_dup_cluster_size")).filter(s -> !s.isEmpty()).toList());
    JsonNode sizes = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft").path("near_duplicate_clusters");
    assertEquals(1, sizes.path("by_size").path("1001+").asInt());
  }

  /** The smallest generated row the SFT rules keep on their own. */
  private String smallestKeptRow() throws Exception {
    List<String> kept = JarProcess.keptGeneratedRows(JAR, "512m", tmp, 40, 18, SFT_OPTIONS);
    assertTrue(!kept.isEmpty(), "no generated row is kept");
    return kept.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
  }

  /** {@value ROWS} copies of the base, each with its own trajectory id and run number in the task statement. */
  private static long writeNearCopies(Path file, String base) throws Exception {
    Files.createDirectories(file.getParent());
    ObjectNode node = (ObjectNode) Json.STRICT.readTree(base);
    long bytes = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < ROWS; i++) {
        ObjectNode run = node.deepCopy();
        run.put("trajectory_id", String.format("near-%05d", i));
        JarProcess.numberRun(run, i);
        String line = Json.STRICT.writeValueAsString(run);
        w.write(line);
        w.write('\n');
        bytes += line.length() + 1;
      }
    }
    return bytes;
  }

  private static void java(Path log, String... args) throws Exception {
    JarProcess.run(JAR, "512m", log, 30, args);
  }
}
