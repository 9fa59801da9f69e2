package dev.tracecurator.pipelines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code java -cp trace-curator.jar dev.tracecurator.pipelines.bench.LoopProcess bare|domain THREADS DIR}:
 * the bare loop or curate's row work as a process of its own, as {@code bench} runs every contender,
 * so no contender inherits another's warmed JIT. Prints {@code rows bytes tokens seconds}, the
 * seconds spent in the loop itself (the process's start-up is measured by its caller).
 */
public final class LoopProcess {
  private LoopProcess() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[1]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[2]))) {
      files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    Measurement m = args[0].equals("domain") ? DomainLoop.run(files, threads) : BareLoop.run(files, threads);
    System.out.printf(Locale.ROOT, "%d %d %d %.6f%n", m.rows(), m.bytes(), m.tokens(), m.seconds());
  }
}
