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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink session cluster for an IT: runner-configs/flink-cluster/start-cluster.sh on free
 * ports, its state and logs under the test's folder; closing it stops every process it started.
 */
final class FlinkSessionCluster implements AutoCloseable {
  private static final Path SCRIPTS = Path.of("runner-configs/flink-cluster");

  private final Path dir;
  private final Path state;
  private final int restPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private FlinkSessionCluster(Path dir, int restPort) {
    this.dir = dir;
    this.state = dir.resolve("cluster-state");
    this.restPort = restPort;
  }

  /** Starts a cluster with its state under {@code dir}; {@code options} as start-cluster.sh takes them. */
  static FlinkSessionCluster start(Path dir, String... options) throws IOException, InterruptedException {
    FlinkSessionCluster cluster = new FlinkSessionCluster(dir, freePort());
    List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve("start-cluster.sh").toString(),
        "--rest-port=" + cluster.restPort, "--rpc-port=" + freePort(), "--state-dir=" + cluster.state));
    command.addAll(List.of(options));
    Path log = dir.resolve("start-cluster.log");
    try {
      Process start = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(start.waitFor(600, TimeUnit.SECONDS), "the cluster did not start in time");
      assertEquals(0, start.exitValue(), Files.readString(log));
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  /** The --flinkMaster address. */
  String master() {
    return "127.0.0.1:" + restPort;
  }

  /** A GET on the REST API, e.g. {@code /jobs/overview}. */
  JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + master() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
    return Json.STRICT.readTree(response.body());
  }

  /** A TaskManager's process, by its id in the REST API: start-cluster.sh names them taskmanager-i. */
  ProcessHandle taskManager(String id) throws IOException {
    long pid = Long.parseLong(Files.readString(state.resolve(id + ".pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(id + " (pid " + pid + ") is not running"));
  }

  /** The last lines of a cluster process's log, e.g. {@code jobmanager}, for assertion messages. */
  String logTail(String process) {
    return tail(state.resolve("log/" + process + ".log"), 60);
  }

  /** The last {@code n} lines of a file, or why there are none. */
  static String tail(Path file, int n) {
    try {
      List<String> lines = Files.readAllLines(file);
      return "--- " + file + " (last " + n + " lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "--- " + file + ": " + e;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    List<ProcessHandle> started = new ArrayList<>();
    try (var pidFiles = Files.newDirectoryStream(state, "*.pid")) {
      for (Path pidFile : pidFiles) {
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(started::add);
      }
    } catch (IOException e) {
      // No state folder: the start script failed before starting anything.
    }
    Process stop = new ProcessBuilder("bash", SCRIPTS.resolve("stop-cluster.sh").toString(), "--state-dir=" + state)
        .redirectErrorStream(true).redirectOutput(dir.resolve("stop-cluster.log").toFile()).start();
    stop.waitFor(60, TimeUnit.SECONDS);
    // Whatever the script could not stop would outlive the test and hold its ports and memory.
    started.forEach(ProcessHandle::destroyForcibly);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
