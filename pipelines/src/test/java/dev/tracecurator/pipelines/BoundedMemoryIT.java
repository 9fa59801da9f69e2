package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over an input several times larger than the heap: 24,000 generated rows (about 2.6 GB of
 * JSON) through the default runner with {@code -Xmx512m}. Nothing holds all rows in one place, so
 * it finishes, and every row is accounted for.
 */
class BoundedMemoryIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");
  private static final int ROWS = 24_000;

  @TempDir
  Path tmp;

  private void java(Path log, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx512m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "timed out: " + command);
    assertEquals(0, process.exitValue(), Files.readString(log));
  }

  @Test
  void aRunFourTimesTheHeapFinishesWithEveryRowAccountedFor() throws Exception {
    Path input = tmp.resolve("data/openhands/minimax_m25/big/train-00000.jsonl");
    java(tmp.resolve("generate.log"), "generate", "--schema=hub", "--harness=openhands", "--model=minimax_m25",
        "--rows=" + ROWS, "--seed=77", "--out=" + input);
    long bytes = Files.size(input);
    assertTrue(bytes > 4L * (512L << 20), "the input is " + bytes + " bytes, not four times the heap");

    Path out = tmp.resolve("out");
    java(tmp.resolve("curate.log"), "--input=" + input, "--output=" + out, "--progressIntervalSeconds=30");
    JsonNode counts = Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts");
    assertEquals(ROWS, counts.get("read").asLong());
    assertEquals(ROWS, counts.get("analysed").asLong() + counts.get("rejected").asLong());
    long sftLines = 0;
    try (var files = Files.list(out.resolve("sft"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        try (var lines = Files.lines(file)) {
          sftLines += lines.count();
        }
      }
    }
    assertEquals(counts.get("sft_kept").asLong(), sftLines);
  }
}
