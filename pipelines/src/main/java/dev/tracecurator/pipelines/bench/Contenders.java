package dev.tracecurator.pipelines.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    String out = run(List.of(java, "-cp", jar, LoopProcess.class.getName(), which, Integer.toString(threads), input.toString()),
        Map.of());
    double whole = (System.nanoTime() - start) / 1e9;
    String[] f = out.strip().lines().reduce((first, second) -> second).orElse("").split(" ");
    return new Timed(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]), whole);
  }

  /** {@code java -jar} curate on {@code runner} over {@code input}; returns the whole process's seconds. */
  double curate(String runner, Path input) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
    if (!jar.endsWith(".jar")) {
      command.set(1, "-cp");
      command.add("dev.tracecurator.pipelines.Main");
    }
    command.addAll(curateArguments(runner, input));
    long start = System.nanoTime();
    run(command, Map.of());
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The fast-start launcher of the source tree this jar was built in
   * ({@code runner-configs/fast-start/trace-curator.sh}, two folders up from {@code pipelines/target/}),
   * if there is one: it is how README runs small local inputs.
   */
  Optional<Path> launcher() {
    if (!jar.endsWith(".jar")) {
      return Optional.empty();
    }
    Path script = Path.of(jar).toAbsolutePath().getParent().resolve("../../runner-configs/fast-start/trace-curator.sh").normalize();
    return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
  }

  /** Curate through the launcher, on this bench's jar and Java; returns the whole process's seconds. */
  double launch(Path script, String runner, Path input) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(curateArguments(runner, input));
    String path = Path.of(java).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "");
    long start = System.nanoTime();
    run(command, Map.of("TRACE_CURATOR_JAR", jar, "PATH", path));
    return (System.nanoTime() - start) / 1e9;
  }

  private List<String> curateArguments(String runner, Path input) {
    Path output = work.resolve("out-" + runs++);
    List<String> arguments = new ArrayList<>(List.of("--input=" + input + "/**/*.jsonl", "--output=" + output,
        "--progressIntervalSeconds=0", "--report=false"));
    arguments.addAll(curateOptions);
    if (runner.equals("direct")) {
      arguments.add("--runner=DirectRunner");
    }
    return arguments;
  }

  private String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    File log = work.resolve("process-" + runs++ + ".log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().putAll(environment);
    Process process = builder.start();
    int code = process.waitFor();
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + out);
    }
    return out;
  }
}
