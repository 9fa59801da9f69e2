package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL halfway leaves no manifest, so it never looks finished; running again
 * into the same folder (no --overwrite needed: nothing finished is there) clears what the killed
 * run left, staged shards included, and gives exactly what an undisturbed run gives.
 */
class KilledRunIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");

  @TempDir
  Path tmp;

  private List<String> curate(Path output) {
    return List.of("java", "-jar", JAR.toString(), "--input=" + tmp.resolve("data") + "/**/*.jsonl", "--output=" + output,
        "--progressIntervalSeconds=0");
  }

  private Process start(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private void finish(List<String> command, Path log) throws Exception {
    Process process = start(command, log);
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
    assertEquals(0, process.exitValue(), Files.readString(log));
  }

  @Test
  void aKilledRunLooksUnfinishedAndTheNextRunReplacesWhatItLeft() throws Exception {
    finish(List.of("java", "-jar", JAR.toString(), "generate", "--schema=hub", "--harness=openhands", "--model=minimax_m25",
        "--rows=600", "--seed=5", "--out=" + tmp.resolve("data/openhands/minimax_m25/gen/train-00000.jsonl")),
        tmp.resolve("generate.log"));

    Path undisturbed = tmp.resolve("undisturbed");
    finish(curate(undisturbed), tmp.resolve("undisturbed.log"));

    Path killed = tmp.resolve("killed");
    Process victim = start(curate(killed), tmp.resolve("killed.log"));
    // Killed as soon as it has written its first file: shards are being staged, none is finished.
    List<Path> written = List.of();
    while (written.isEmpty() && victim.isAlive()) {
      Thread.sleep(20);
      written = filesUnder(killed);
    }
    assertTrue(victim.isAlive(), "the run ended before it could be killed: " + Files.readString(tmp.resolve("killed.log")));
    victim.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    System.out.println("killed while writing " + written);
    assertFalse(Files.exists(killed.resolve(OutputFolder.MANIFEST)), "a killed run must not look finished");

    Path again = tmp.resolve("again.log");
    finish(curate(killed), again);
    try (Stream<Path> files = Files.walk(killed)) {
      assertEquals(List.of(), files.filter(p -> p.toString().contains(".temp-beam")).toList(), "staged shards are cleared");
    }
    CurateOutputs.assertSameOutputs(undisturbed, killed);
    assertEquals(600, CurateOutputs.manifest(killed).get("counts").get("read").asLong());
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (java.io.UncheckedIOException e) {
      return List.of(); // a staged file renamed while we looked: look again
    }
  }
}
