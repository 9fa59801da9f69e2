package dev.tracecurator.pipelines.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each contender as a process of its own from the jar this class was loaded from, timing the
 * whole process (JVM start, class loading and JIT included), as a user's {@code java -jar} pays.
 */
final class Contenders {
  private final Path work;
  private final int threads;
  private final List<String> curateOptions;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final String jar;
  private int runs;

  /** {@code curateOptions} are added to every curate run, e.g. {@code --nearDedup=0.8} to time that rule. */
  Contenders(Path work, int threads, List<String> curateOptions) {
    this.work = work;
    this.threads = threads;
    this.curateOptions = List.copyOf(curateOptions);
    String location = Contenders.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    // Outside the shaded jar (tests, an IDE), the class path stands in for it.
    this.jar = location.endsWith(".jar") ? location : System.getProperty("java.class.path");
  }

  String jar() {
    return jar;
  }

  /** A loop's figures from inside its process, and the whole process's wall time. */
  record Timed(long rows, long bytes, long tokens, double insideSeconds, double wholeSeconds) {
    Measurement inside(String name) {
      return new Measurement(name, rows, bytes, tokens, insideSeconds);
    }

    Measurement whole(String name) {
      return new Measurement(name, rows, bytes, tokens, wholeSeconds);
    }
  }

  Timed loop(String which, Path input) throws IOException, InterruptedException {
    long start = System.nanoTime();
    String out = run(List.of(java, "-cp", jar, LoopProcess.class.getName(), which, Integer.toString(threads), input.toString()));
    double whole = (System.nanoTime() - start) / 1e9;
    String[] f = out.strip().lines().reduce((first, second) -> second).orElse("").split(" ");
    return new Timed(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]), whole);
  }

  /** {@code java -jar} curate on {@code runner} over {@code input}; returns the whole process's seconds. */
  double curate(String runner, Path input) throws IOException, InterruptedException {
    Path output = work.resolve("out-" + runs++);
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
    if (!jar.endsWith(".jar")) {
      command.set(1, "-cp");
      command.add("dev.tracecurator.pipelines.Main");
    }
    command.addAll(List.of("--input=" + input + "/**/*.jsonl", "--output=" + output, "--progressIntervalSeconds=0",
        "--report=false"));
    command.addAll(curateOptions);
    if (runner.equals("direct")) {
      command.add("--runner=DirectRunner");
    }
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1e9;
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    File log = work.resolve("process-" + runs++ + ".log").toFile();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    int code = process.waitFor();
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + out);
    }
    return out;
  }
}
