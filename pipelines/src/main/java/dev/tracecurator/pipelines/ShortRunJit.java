package dev.tracecurator.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps a short run's JIT on its first tier, as the fast-start launcher's
 * {@code -XX:TieredStopAtLevel=1} does, from inside {@code java -jar}. A jar cannot carry JVM
 * options, but a running JVM takes compiler directives (what {@code jcmd Compiler.directives_add}
 * sends): one that excludes every method from C2 makes HotSpot compile a hot method with C1's full
 * optimisation instead. On 2 cores the optimising compiler's threads otherwise take CPU from the
 * run that a run of a few hundred MB never repays (README, Performance: "Start-up"); past
 * {@link #SMALL_INPUT_BYTES} of input, or with remote inputs, C2 stays.
 *
 * <p>Only the process's own entry applies it (a directive holds for the whole JVM and for the
 * rest of its life), never {@link Main#run} called in-process. Any {@code -XX:TieredStopAtLevel},
 * {@code -XX:±TieredCompilation}, {@code -XX:CompilerDirectivesFile} or {@code -Xint} among the
 * JVM's options is the user's choice and is left alone: {@code -XX:TieredStopAtLevel=4} keeps C2.
 */
final class ShortRunJit {
  /** The launcher's {@code SMALL_INPUT_MB}: where C1 alone stopped paying, measured on 2 cores. */
  static final long SMALL_INPUT_BYTES = 256L << 20;
  static final String NO_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";
  private static final List<String> USER_CHOICES =
      List.of("-XX:TieredStopAtLevel", "-XX:+TieredCompilation", "-XX:-TieredCompilation", "-XX:CompilerDirectivesFile", "-Xint");

  private ShortRunJit() {}

  /**
   * Sizes the curate arguments' local inputs on a daemon thread and, when they are small, adds the
   * directive; returns at once. Nothing here stops or changes the run: the run reads and checks its
   * inputs itself, and a JVM without the diagnostic command keeps its compilers.
   */
  static void beginForProcess(String[] curateArgs) {
    Thread thread = new Thread(() -> {
      try {
        if (suits(curateArgs, ManagementFactory.getRuntimeMXBean().getInputArguments())) {
          excludeC2();
        }
      } catch (RuntimeException | JMException | IOException e) {
        // The run goes on with both compilers; it reports any problem with its inputs itself.
      }
    }, "trace-curator-jit");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether a run with these curate arguments and JVM options should go without C2: small local inputs, no compiler choice. */
  static boolean suits(String[] curateArgs, List<String> jvmArguments) {
    try {
      return !userChoseCompilers(jvmArguments) && isSmall(localInputBytesOrEmpty(curateArgs));
    } catch (RuntimeException e) {
      return false;  // the run reports any problem with its inputs itself
    }
  }

  /** {@link #localInputBytes} of the curate arguments' inputs (options file merged); empty when they cannot be sized. */
  static OptionalLong localInputBytesOrEmpty(String[] curateArgs) {
    try {
      return localInputBytes(InputArgs.split(OptionsFile.merge(curateArgs)).inputs());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();  // the run reports any problem with its inputs itself
    }
  }

  /**
   * The option that leaves a C1-only run one compiler thread on a host of at most
   * {@link SerialCollector#FEW_CORES} cores, unless the user sets the count: HotSpot gives it two,
   * which there compete with the job's two workers for the cores. Alternating runs of the job JVM
   * on 2 cores: 500 rows 5.03, 4.99, 5.00, 5.41 s → 4.91, 4.80, 4.92, 4.85 s; the sample 4.85,
   * 4.54, 4.72 s → 4.36, 4.32, 4.48 s.
   */
  static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";

  static boolean suitsOneCompilerThread(List<String> jvmArguments, int processors) {
    return processors <= SerialCollector.FEW_CORES && jvmArguments.stream().noneMatch(arg -> arg.startsWith("-XX:CICompilerCount"));
  }

  static boolean userChoseCompilers(List<String> jvmArguments) {
    return jvmArguments.stream().anyMatch(arg -> USER_CHOICES.stream().anyMatch(arg::startsWith));
  }

  static boolean isSmall(OptionalLong bytes) {
    return bytes.isPresent() && bytes.getAsLong() < SMALL_INPUT_BYTES;
  }

  /**
   * Bytes of the local files the {@code --input} globs match, counting stopped once past
   * {@link #SMALL_INPUT_BYTES}; empty when an input is remote ({@code gs://}, {@code hf://}…).
   * No {@code --input} means the bundled sample, a few MB.
   */
  static OptionalLong localInputBytes(List<String> inputs) throws IOException {
    long total = 0;
    for (String input : inputs) {
      String glob = input.contains("#") ? input.substring(0, input.indexOf('#')) : input;
      if (glob.contains("://")) {
        return OptionalLong.empty();
      }
      total += matchedBytes(glob, SMALL_INPUT_BYTES - total);
      if (total >= SMALL_INPUT_BYTES) {
        break;
      }
    }
    return OptionalLong.of(total);
  }

  /** Bytes of the files {@code glob} matches, as Beam's local file system matches it, up to about {@code enough}. */
  private static long matchedBytes(String glob, long enough) throws IOException {
    Path exact = Path.of(glob).toAbsolutePath();
    int cut = wildcardStart(glob);
    if (cut == glob.length()) {
      return Files.isRegularFile(exact) ? Files.size(exact) : 0;
    }
    Path base = Path.of(cut == 0 ? "." : glob.substring(0, cut)).toAbsolutePath();
    if (!Files.isDirectory(base)) {
      return 0;
    }
    String below = glob.substring(cut);
    int depth = below.contains("**") ? Integer.MAX_VALUE : (int) below.chars().filter(c -> c == '/').count() + 1;
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + exact);
    long total = 0;
    try (Stream<Path> files = Files.walk(base, depth)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (matcher.matches(file) && Files.isRegularFile(file)) {
          total += Files.size(file);
          if (total >= enough) {
            break;
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return total;
  }

  /** Where the glob's folder ends: the start of the path segment holding its first wildcard. */
  private static int wildcardStart(String glob) {
    int wildcard = glob.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int at = glob.indexOf(c);
      if (at >= 0) {
        wildcard = Math.min(wildcard, at);
      }
    }
    return wildcard == glob.length() ? wildcard : glob.lastIndexOf('/', wildcard) + 1;
  }

  /** Adds {@link #NO_C2} to the JVM's compiler directives; whether the JVM took it. */
  static boolean excludeC2() throws IOException, JMException {
    Path file = Files.createTempFile("trace-curator-jit", ".json");
    try {
      Files.writeString(file, NO_C2);
      Object said = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
      return String.valueOf(said).contains("added");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
