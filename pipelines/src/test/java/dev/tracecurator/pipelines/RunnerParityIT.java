package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar, the same input, three runners: the DirectRunner, Flink embedded, and a real Flink
 * session cluster (separate JobManager and TaskManager JVMs started by
 * runner-configs/flink-cluster/start-cluster.sh on free ports). Outputs must be identical.
 * Runs after `package`, as a user would: `java -jar pipelines/target/trace-curator.jar`.
 */
class RunnerParityIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");
  private static final Path CLUSTER = Path.of("runner-configs/flink-cluster");

  @TempDir
  Path tmp;

  @Test
  void directFlinkEmbeddedAndFlinkSessionClusterAgree() throws Exception {
    Path direct = tmp.resolve("direct");
    Path embedded = tmp.resolve("flink-embedded");
    Path cluster = tmp.resolve("flink-cluster");
    runJar(direct, "--optionsFile=runner-configs/direct/pipeline.options");
    runJar(embedded, "--optionsFile=runner-configs/flink-local/pipeline.options");

    int restPort = freePort();
    int rpcPort = freePort();
    Path state = tmp.resolve("cluster-state");
    Process start = new ProcessBuilder("bash", CLUSTER.resolve("start-cluster.sh").toString(),
        "--rest-port=" + restPort, "--rpc-port=" + rpcPort, "--state-dir=" + state)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("start-cluster.log").toFile()).start();
    assertTrue(start.waitFor(600, TimeUnit.SECONDS), "the cluster did not start in time");
    assertEquals(0, start.exitValue(), Files.readString(tmp.resolve("start-cluster.log")));
    try {
      runJar(cluster, "--optionsFile=runner-configs/flink-cluster/pipeline.options",
          "--flinkMaster=127.0.0.1:" + restPort, "--filesToStage=" + JAR.toAbsolutePath());
      JsonNode jobs = Json.STRICT.readTree(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/jobs/overview")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(1, jobs.get("jobs").size());
      assertEquals("FINISHED", jobs.get("jobs").get(0).get("state").asText());
    } finally {
      new ProcessBuilder("bash", CLUSTER.resolve("stop-cluster.sh").toString(), "--state-dir=" + state)
          .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
    }

    for (Path other : List.of(embedded, cluster)) {
      assertEquals(sortedLines(direct.resolve("analysis")), sortedLines(other.resolve("analysis")), "analysis rows on " + other);
      assertEquals(sortedLines(direct.resolve("sft")), sortedLines(other.resolve("sft")), "SFT rows on " + other);
      assertEquals(sortedLines(direct.resolve("rejected")), sortedLines(other.resolve("rejected")), "rejected rows on " + other);
      assertEquals(Json.STRICT.readTree(direct.resolve("stats/summary.json").toFile()),
          Json.STRICT.readTree(other.resolve("stats/summary.json").toFile()), "summary on " + other);
      assertEquals(manifest(direct).get("counts"), manifest(other).get("counts"), "manifest counts on " + other);
    }
    assertEquals("FlinkRunner", manifest(cluster).get("runner").asText());
    assertEquals("DirectRunner", manifest(direct).get("runner").asText());
  }

  private void runJar(Path output, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(),
        "--input=src/test-fixtures/rows/data/**/*.jsonl",
        "--input=src/test-fixtures/rows/tutorial/*.jsonl#openhands/qwen35_122b",
        "--input=src/test-fixtures/rows/tutorial/two-rows.json#sweagent/minimax_m25",
        "--input=src/test-fixtures/rows/bad.jsonl",
        "--output=" + output, "--minGroupSize=1", "--progressIntervalSeconds=1", "--maxRejectedFraction=1"));
    command.addAll(List.of(options));
    Path log = tmp.resolve(output.getFileName() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(600, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, process.exitValue(), Files.readString(log));
  }

  private static JsonNode manifest(Path output) throws IOException {
    return Json.STRICT.readTree(output.resolve("manifest.json").toFile());
  }

  /** Every line of every shard except CSV headers, sorted: shard layout differs by runner. */
  private static List<String> sortedLines(Path directory) throws IOException {
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
