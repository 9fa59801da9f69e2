package dev.tracecurator.pipelines;

import dev.tracecurator.pipelines.cli.Commands;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code java -jar} curate job in a child JVM that maps the jar's classes from a
 * class-data-sharing archive, written beside the jar by the first such run.
 *
 * <p>A run loads ~7,600 of the jar's classes (Beam, Flink, Jackson…) and spends a third of an
 * 8-row run's 6.8 s doing it; mapped from an archive they cost 1.9 s less (measured on this
 * project's 2-core host, Java 17, embedded Flink). Java 17 takes an archive only from JVM options,
 * which a jar cannot carry, so this JVM starts the job's JVM with them: the same JVM options, the
 * same arguments, the terminal inherited, its exit code returned. The first run writes the archive
 * as its JVM exits (a few seconds more, once per jar and Java version); a run that fails keeps no
 * archive. {@code runner-configs/fast-start/trace-curator.sh} does the same from a shell.
 *
 * <p>Left alone: runs given any class-data option ({@code -Xshare}, {@code -XX:SharedArchiveFile},
 * …), classes not from a jar (tests, IDEs), Windows, and {@code TRACE_CURATOR_CDS=off}. The child
 * halts within 0.1 s of this JVM's end however it ends (even SIGKILL), so a killed run never
 * leaves a job writing on its own.
 */
final class SharedArchiveRelaunch {
  /** Set on the child's command line. */
  static final String CHILD_PROPERTY = "trace-curator.relaunched";
  static final String SWITCH = "TRACE_CURATOR_CDS";

  private SharedArchiveRelaunch() {}

  /** The child's exit code when this run went to a child JVM, else empty: run here. */
  static Optional<Integer> runInChild(String[] args) throws IOException, InterruptedException {
    List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Optional<Path> jar = ownJar();
    if (System.getProperty(CHILD_PROPERTY) != null || jar.isEmpty() || !applies(jvmArguments, System.getenv(SWITCH),
        System.getProperty("os.name"))) {
      return Optional.empty();
    }
    Path archive = archiveFor(jar.get(), System.getProperty("java.version"));
    boolean reuse = Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar.get())) > 0;
    if (!reuse && !Files.isWritable(archive.getParent())) {
      return Optional.empty();
    }
    Path writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    List<String> options = new ArrayList<>(jvmArguments);
    if (ShortRunJit.suits(Commands.curateArgs(args), jvmArguments)) {
      // The flag itself, now that there is a command line to put it on: C1 alone from the start
      // (ShortRunJit's directive, applied from inside a running JVM, measured ~0.5 s slower with the archive).
      options.add("-XX:TieredStopAtLevel=1");
      if (ShortRunJit.suitsOneCompilerThread(jvmArguments, Runtime.getRuntime().availableProcessors())) {
        options.add(ShortRunJit.ONE_COMPILER_THREAD);
      }
    }
    boolean smallInput = ShortRunJit.isSmall(ShortRunJit.localInputBytesOrEmpty(Commands.curateArgs(args)));
    if (SerialCollector.suits(jvmArguments, smallInput, Runtime.getRuntime().availableProcessors())) {
      options.add(SerialCollector.OPTION);
    }
    if (TransparentHugePages.suits(jvmArguments, TransparentHugePages.modeLine())) {
      options.add(TransparentHugePages.OPTION);
    }
    if (Runtime.version().feature() >= 24 && jvmArguments.stream().noneMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access"))) {
      // Pekko (Flink's RPC) uses sun.misc.Unsafe, about which Java 24 and later warn on every run.
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    List<String> command = command(jar.get(), options, args, reuse ? "-XX:SharedArchiveFile=" + archive
        : "-XX:ArchiveClassesAtExit=" + writing);
    if (!reuse) {
      // This run is slower than the next ones: say why, once.
      System.err.println("trace-curator: this run also writes " + archive.getFileName() + " beside the jar as it ends (once"
          + " per jar and Java version, a few seconds); later runs map it and start sooner (TRACE_CURATOR_CDS=off: never)");
    }
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread stopChild = new Thread(() -> stop(child), "trace-curator-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    int exitCode = child.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stopChild);
    } catch (IllegalStateException shuttingDown) {
      // this JVM was told to end (SIGTERM): the hook is stopping the child; its exit code stands
    }
    if (!reuse) {
      if (exitCode == 0 && Files.isRegularFile(writing)) {
        Files.move(writing, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(writing);
      }
    }
    return Optional.of(exitCode);
  }

  /** In the child: halts when the JVM that started it has ended, however it ended. */
  static void followParent() {
    if (System.getProperty(CHILD_PROPERTY) == null) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    Thread watch = new Thread(() -> {
      while (parent.map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
      Runtime.getRuntime().halt(ExitCodes.JOB_FAILED);
    }, "trace-curator-follow-parent");
    watch.setDaemon(true);
    watch.start();
  }

  /** Whether a run with these JVM options, {@code TRACE_CURATOR_CDS} value and OS goes to a child JVM. */
  static boolean applies(List<String> jvmArguments, String switchValue, String osName) {
    if ("off".equalsIgnoreCase(switchValue) || "false".equalsIgnoreCase(switchValue)
        || osName == null || osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      return false;
    }
    for (String argument : jvmArguments) {
      if (argument.startsWith("-Xshare") || argument.contains("SharedArchiveFile") || argument.contains("ArchiveClassesAtExit")
          || argument.contains("UseSharedSpaces") || argument.startsWith("-agentlib:jdwp")) {
        return false;
      }
    }
    return true;
  }

  /** The archive beside {@code jar}, named for the Java version that can map it. */
  static Path archiveFor(Path jar, String javaVersion) {
    String name = jar.getFileName().toString();
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.resolveSibling(base + ".java-" + javaVersion.replaceAll("[^0-9A-Za-z._-]", "_") + ".jsa");
  }

  static List<String> command(Path jar, List<String> jvmArguments, String[] args, String archiveOption) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArguments);
    command.add(archiveOption);
    command.add("-Xlog:cds=off");
    command.add("-Xlog:cds+dynamic=off");
    command.add("-D" + CHILD_PROPERTY + "=true");
    if (Runtime.version().feature() >= 22 && jvmArguments.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
      command.add("--enable-native-access=ALL-UNNAMED");  // what the manifest says to a -jar launch
    }
    // The jar on the class path, not -jar: the launcher would open it (parsing its directory of
    // 118,000 entries, ~0.06 s) to read the manifest, and the class loader would open it again.
    command.add("-cp");
    command.add(jar.toString());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static Optional<Path> ownJar() {
    try {
      Path location = Path.of(SharedArchiveRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toString().endsWith(".jar") && Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** This JVM is ending before its child: the child gets SIGTERM, then SIGKILL if it lingers. */
  private static void stop(Process child) {
    child.destroy();
    try {
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
    }
  }
}
