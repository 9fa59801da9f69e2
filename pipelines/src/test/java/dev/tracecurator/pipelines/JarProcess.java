package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** What the scale ITs share: the shipped jar run as a process with a small heap, and their checks. */
final class JarProcess {
  private JarProcess() {}

  /** Runs {@code java -Xmx<heap> -jar <jar> args}, output to {@code log}; fails unless it exits 0 in time. */
  static void run(Path jar, String heap, Path log, int timeoutMinutes, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("no end in " + timeoutMinutes + " minutes: " + command + "\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output.length() > 8000 ? output.substring(output.length() - 8000) : output);
  }

  /**
   * Generated rows the SFT rules keep on their own: the jar's generator writes {@code rows} rows in
   * the Hub schema with {@code seed}, a curate run with {@code sftOptions} decides, the kept lines
   * are returned.
   */
  static List<String> keptGeneratedRows(Path jar, String heap, Path dir, int rows, int seed, List<String> sftOptions)
      throws Exception {
    Path generated = dir.resolve("generated/train-00000.jsonl");
    run(jar, heap, dir.resolve("generate.log"), 20, "generate", "--schema=hub", "--rows=" + rows, "--seed=" + seed,
        "--out=" + generated);
    Path out = dir.resolve("probe");
    List<String> args = new ArrayList<>(List.of("--input=" + generated, "--output=" + out));
    args.addAll(sftOptions);
    run(jar, heap, dir.resolve("probe.log"), 20, args.toArray(String[]::new));
    Set<Integer> keptLines = CsvTable.readShards(out.resolve("analysis")).rows.stream()
        .filter(r -> r.get("sft_status").equals("kept"))
        .map(r -> Integer.parseInt(r.get("source_line")))
        .collect(Collectors.toSet());
    List<String> lines = Files.readAllLines(generated);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (keptLines.contains(i + 1)) {
        kept.add(lines.get(i));
      }
    }
    return kept;
  }

  /** A manifest's counts, checked to reconcile: read = analysed + rejected, analysed = kept + Σ filtered. */
  static JsonNode reconciledCounts(JsonNode manifest, long expectedRead) {
    JsonNode counts = manifest.get("counts");
    long read = counts.get("read").asLong();
    long analysed = counts.get("analysed").asLong();
    long filtered = 0;
    for (JsonNode n : counts.get("sft_filtered")) {
      filtered += n.asLong();
    }
    assertEquals(expectedRead, read);
    assertEquals(read, analysed + counts.get("rejected").asLong());
    assertEquals(analysed, counts.get("sft_kept").asLong() + filtered);
    return counts;
  }

  /** The run's first user message with {@code (run N)} appended: the same task, no longer an exact duplicate. */
  static void numberRun(ObjectNode run, int number) {
    for (JsonNode message : run.get("messages")) {
      if (message.path("role").asText().equals("user")) {
        ((ObjectNode) message).put("content", message.get("content").asText() + "\n(run " + number + ")");
        return;
      }
    }
  }
}
