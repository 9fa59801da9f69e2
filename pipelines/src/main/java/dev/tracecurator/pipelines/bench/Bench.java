package dev.tracecurator.pipelines.bench;

import dev.tracecurator.pipelines.Main;
import dev.tracecurator.pipelines.generate.TraceGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code java -jar trace-curator.jar bench [--rows=N] [--seed=S] [--input=DIR] [--runners=direct,flink]}:
 * on one generated input (or the JSON Lines under DIR), in one sitting, the bare-minimum loop and
 * the full curate pipeline on each runner, with rows/s, MB/s, tokens/s and each one's share of
 * the bare loop's throughput. Prints figures; asserts nothing. Its temporary folder (generated
 * input, outputs) is removed at the end.
 */
public final class Bench {
  private Bench() {}

  public static int run(String[] args, PrintStream out) throws Exception {
    int rows = 2000;
    long seed = 20261125;
    Path input = null;
    List<String> runners = List.of("direct", "flink");
    int threads = Runtime.getRuntime().availableProcessors();
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--rows=")) {
        rows = Integer.parseInt(value);
      } else if (arg.startsWith("--seed=")) {
        seed = Long.parseLong(value);
      } else if (arg.startsWith("--input=")) {
        input = Path.of(value);
      } else if (arg.startsWith("--runners=")) {
        runners = List.of(value.split(","));
      } else if (arg.startsWith("--threads=")) {
        threads = Integer.parseInt(value);
      } else {
        throw new IllegalArgumentException("bench takes --rows=N --seed=S --input=DIR --runners=direct,flink --threads=N, got " + arg);
      }
    }
    Path work = Files.createTempDirectory("trace-curator-bench");
    if (input == null) {
      input = work.resolve("input");
      generate(input, rows, seed, out);
    }
    List<Path> files = jsonLines(input);
    out.printf(Locale.ROOT, "trace-curator bench: %d file(s), %.1f MB, %d cores, Java %s%n", files.size(),
        files.stream().mapToLong(Bench::size).sum() / 1e6, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));

    BareLoop.run(files, threads);  // Warms the JIT and the page cache for every contender alike.
    Measurement bare = BareLoop.run(files, threads);
    List<Measurement> results = new ArrayList<>(List.of(bare, DomainLoop.run(files, threads)));
    Path tiny = firstRows(files.get(0), work.resolve("tiny"), 8);
    for (String runner : runners) {
      // A run of a few rows costs what any run costs before and after its rows: start-up, report,
      // manifest. The first such run in this JVM also loads and links the pipeline's classes.
      curate(runner, tiny, work.resolve("tiny-out-" + runner), bare);
      double fixed = curate(runner, tiny, work.resolve("tiny-out-" + runner), bare).seconds();
      Measurement whole = curate(runner, input, work.resolve("out-" + runner), bare);
      results.add(whole);
      if (runner.equals("flink")) {
        // The first run also pays the JIT for Beam's, Flink's and our code (its compile time exceeds
        // the run's on 2 cores); a long run pays that once. The DirectRunner is not repeated: it is
        // not the default, and it takes minutes.
        Measurement warm = curate(runner, input, work.resolve("out-" + runner), bare);
        results.add(new Measurement(warm.name().replace("(whole run)", "(again, compiled), less a "
            + String.format(Locale.ROOT, "%.1f", fixed) + " s 8-row run"), warm.rows(), warm.bytes(), warm.tokens(),
            Math.max(1e-3, warm.seconds() - fixed)));
      }
    }
    out.println();
    out.println(String.format(Locale.ROOT, "%-58s %10s %16s %13s %21s %8s", "contender", "time", "rows", "bytes", "tokens",
        "of bare"));
    for (Measurement m : results) {
      out.println(m.line(bare));
    }
    deleteRecursively(work);
    return 0;
  }

  private static Measurement curate(String runner, Path input, Path output, Measurement bare) {
    List<String> args = new ArrayList<>(List.of("--input=" + input + "/**/*.jsonl", "--output=" + output,
        "--progressIntervalSeconds=0", "--overwrite"));
    args.add(runner.equals("flink") ? "--runner=FlinkRunner" : "--runner=DirectRunner");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(log, true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    int code = Main.run(args.toArray(String[]::new), sink, sink);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      throw new IllegalStateException("curate on " + runner + " exited " + code + ": " + log.toString(StandardCharsets.UTF_8));
    }
    String name = "curate, " + (runner.equals("flink") ? "embedded Flink" : "DirectRunner") + " (whole run)";
    return new Measurement(name, bare.rows(), bare.bytes(), bare.tokens(), seconds);
  }

  /** The first rows of a file, alone in a folder of their own. */
  private static Path firstRows(Path file, Path dir, int rows) throws IOException {
    Path copy = dir.resolve("data/bench/tiny/train-00000.jsonl");
    Files.createDirectories(copy.getParent());
    try (Stream<String> lines = Files.lines(file)) {
      Files.write(copy, lines.limit(rows).toList());
    }
    return dir;
  }

  /** Rows a generated file holds at most: the Hub's files hold 2,500, and a run spreads whole files over its workers. */
  private static final int ROWS_PER_FILE = 250;

  private static void generate(Path input, int rows, long seed, PrintStream out) throws Exception {
    // Two harnesses × two models, as Open-SWE-Traces has them; rows split evenly, then into files.
    String[][] combos = {{"openhands", "minimax_m25"}, {"openhands", "qwen35_122b"}, {"sweagent", "minimax_m25"},
        {"sweagent", "qwen35_122b"}};
    for (int i = 0; i < combos.length; i++) {
      int comboRows = rows / combos.length + (i < rows % combos.length ? 1 : 0);
      int files = Math.max(1, (comboRows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
      for (int f = 0; f < files; f++) {
        int fileRows = comboRows / files + (f < comboRows % files ? 1 : 0);
        Path file = input.resolve(String.format(Locale.ROOT, "data/%s/%s/bench/train-%05d.jsonl", combos[i][0], combos[i][1], f));
        TraceGenerator.run(new String[] {"--schema=hub", "--harness=" + combos[i][0], "--model=" + combos[i][1],
            "--rows=" + fileRows, "--seed=" + (seed + 1000L * i + f), "--out=" + file}, out);
      }
    }
  }

  private static List<Path> jsonLines(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
