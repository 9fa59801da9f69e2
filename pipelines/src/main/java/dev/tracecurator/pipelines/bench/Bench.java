package dev.tracecurator.pipelines.bench;

import dev.tracecurator.pipelines.generate.TraceGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code java -jar trace-curator.jar bench [--rows=500,4000] [--seed=S] [--input=DIR] [--runners=direct,flink]
 * [--curate=OPTION]…}:
 * for each input size, in one sitting, every contender as a process of its own, as a user runs it:
 * <ul>
 *   <li>(a) the bare loop: read, parse, jtokkit on every message, all cores, no Beam;
 *   <li>(a′) curate's row work without Beam;
 *   <li>(b) {@code java -jar … --runner=DirectRunner}, the whole process;
 *   <li>(c) {@code java -jar …} on the default embedded Flink, the whole process;
 *   <li>(c′) (c) less an 8-row run's process: what each further row costs once running.
 * </ul>
 * Each {@code --curate=OPTION} is added to every curate run ({@code --curate=--nearDedup=0.8}), to time what it costs.
 * Rates are rows/s of input; "of (a)" is the share of the bare loop's rate inside its process.
 * {@code --tokenizer} and {@code --chatTemplate} go to (b) and (c), to time a model's tokenizer
 * and template; (a) and (a′) keep the tutorial's.
 * Prints figures; asserts nothing. Its temporary folder (generated input, outputs) is removed.
 */
public final class Bench {
  private Bench() {}

  public static int run(String[] args, PrintStream out) throws Exception {
    List<Integer> sizes = List.of(500, 4000);
    long seed = 20261125;
    Path input = null;
    List<String> runners = List.of("direct", "flink");
    int threads = Runtime.getRuntime().availableProcessors();
    List<String> curateOptions = new ArrayList<>();
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--rows=")) {
        sizes = java.util.Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
      } else if (arg.startsWith("--seed=")) {
        seed = Long.parseLong(value);
      } else if (arg.startsWith("--input=")) {
        input = Path.of(value);
      } else if (arg.startsWith("--runners=")) {
        runners = List.of(value.split(","));
      } else if (arg.startsWith("--threads=")) {
        threads = Integer.parseInt(value);
      } else if (arg.startsWith("--tokenizer=") || arg.startsWith("--chatTemplate=")) {
        // Passed to the runners' curate processes, whose rendering and counting they change.
        curateOptions.add(arg);
      } else if (arg.startsWith("--curate=")) {
        curateOptions.add(value);
      } else {
        throw new IllegalArgumentException("bench takes --rows=N[,N…] --seed=S --input=DIR --runners=direct,flink --threads=N "
            + "--tokenizer=SPEC --chatTemplate=NAME --curate=OPTION, got " + arg);
      }
    }
    Path work = Files.createTempDirectory("trace-curator-bench");
    Contenders contenders = new Contenders(work, threads, curateOptions);
    out.printf(Locale.ROOT, "trace-curator bench: %d cores, Java %s, each contender a process of its own (%s)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), contenders.jar());
    List<Path> inputs = new ArrayList<>();
    if (input != null) {
      inputs.add(input);
    } else {
      for (int rows : sizes) {
        Path dir = work.resolve("input-" + rows);
        generate(dir, rows, seed, out);
        inputs.add(dir);
      }
    }
    for (Path in : inputs) {
      List<Path> files = jsonLines(in);
      long bytes = files.stream().mapToLong(Bench::size).sum();
      Path tiny = firstRows(files.get(0), work.resolve("tiny"), 8);
      contenders.loop("bare", in);  // warms the page cache for every contender alike
      Contenders.Timed bare = contenders.loop("bare", in);
      Contenders.Timed domain = contenders.loop("domain", in);
      Measurement a = bare.inside("(a) bare loop (" + threads + " threads, no Beam), inside its process");
      List<Measurement> results = new ArrayList<>(List.of(a,
          domain.inside("(a') curate's row work (" + threads + " threads, no Beam)"),
          bare.whole("(a) bare loop, whole process")));
      for (String runner : runners) {
        String label = runner.equals("flink") ? "(c) java -jar, embedded Flink" : "(b) java -jar, DirectRunner";
        double whole = contenders.curate(runner, in);
        results.add(new Measurement(label + ", whole process", a.rows(), a.bytes(), a.tokens(), whole));
        if (runner.equals("flink")) {
          double fixed = contenders.curate(runner, tiny);
          results.add(new Measurement(String.format(Locale.ROOT, "(c') (c) less an 8-row run's %.1f s", fixed), a.rows(),
              a.bytes(), a.tokens(), Math.max(1e-3, whole - fixed)));
        }
      }
      Measurement bareWhole = results.get(2);
      List<Measurement> wholeRuns = new ArrayList<>(results.subList(3, results.size()));
      wholeRuns.removeIf(m -> m.name().startsWith("(c')"));
      Optional<Path> launcher = contenders.launcher();
      if (launcher.isPresent() && runners.contains("flink")) {
        contenders.launch(launcher.get(), "flink", tiny);  // writes the launcher's class-data archive, untimed, if it has none
        Measurement d = new Measurement("(d) the fast-start launcher, embedded Flink, whole process", a.rows(), a.bytes(),
            a.tokens(), contenders.launch(launcher.get(), "flink", in));
        results.add(d);
        wholeRuns.add(d);
      }
      out.println();
      out.printf(Locale.ROOT, "%,d rows, %d file(s), %.1f MB%n", a.rows(), files.size(), bytes / 1e6);
      out.println(String.format(Locale.ROOT, "%-58s %10s %16s %13s %21s %8s", "contender", "time", "rows", "bytes", "tokens",
          "of (a)"));
      for (Measurement m : results) {
        out.println(m.line(a));
      }
      StringBuilder times = new StringBuilder();
      for (Measurement m : wholeRuns) {
        times.append(String.format(Locale.ROOT, "%s%s %.1f×", times.length() == 0 ? "" : ", ", m.name().substring(0, 3),
            m.seconds() / bareWhole.seconds()));
      }
      out.println("whole process, as a multiple of the bare loop's whole process (" + String.format(Locale.ROOT, "%.1f s", bareWhole.seconds())
          + "): " + times);
    }
    deleteRecursively(work);
    return 0;
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
