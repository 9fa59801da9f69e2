package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars README tells users to build, started as users start them: {@code java -jar} in a folder
 * holding nothing but the bundled sample, so nothing of the build's class path can help. The default
 * jar runs README's first command; the {@code -Pdataflow} jar (which {@code .ci/run} builds and copies
 * to {@code pipelines/target/dataflow/trace-curator-dataflow.jar}) runs the sample on the
 * DirectRunner and writes a classic Dataflow template offline. Both runs' outputs equal an
 * in-process run's. Under CI (the {@code CI} variable set) a missing Dataflow jar fails the suite.
 */
class ShippedJarsIT {
  private static final Path DEFAULT_JAR = Path.of("pipelines/target/trace-curator.jar").toAbsolutePath();
  private static final Path DATAFLOW_JAR =
      Path.of(System.getProperty("dataflow.jar", "pipelines/target/dataflow/trace-curator-dataflow.jar")).toAbsolutePath();

  @TempDir
  static Path tmp;
  /** A user's folder: the bundled sample and nothing else. */
  static Path user;
  /** The in-process run's outputs on the same sample. */
  static Path expected;

  @BeforeAll
  static void runInProcess() throws IOException {
    user = Files.createDirectories(tmp.resolve("user"));
    try (Stream<Path> files = Files.walk(Path.of("src/sample"))) {
      for (Path file : files.toList()) {
        Path copy = user.resolve(file.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    expected = tmp.resolve("in-process");
    List<String> args = new ArrayList<>(List.of("--output=" + expected, "--progressIntervalSeconds=0"));
    // The sample's default inputs, as the jar resolves them in the user's folder.
    SampleInputs.INPUTS.forEach(input -> args.add("--input=" + user.resolve(input)));
    CurateEndToEndTest.Run run = CurateEndToEndTest.onDefaultRunner(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.stderr());
  }

  @Test
  void theDefaultJarRunsReadmesFirstCommand() throws Exception {
    // The build wrote the class-data archive the run maps (SharedArchiveRelaunch).
    assertTrue(Files.isRegularFile(SharedArchiveRelaunch.archiveFor(DEFAULT_JAR, System.getProperty("java.version"))));
    String log = java(DEFAULT_JAR, "--progressIntervalSeconds=0");
    assertTrue(log.contains("STEP 7"), log);
    CurateOutputs.assertSameOutputs(expected, user.resolve("out"));
  }

  @Test
  void theFastStartLauncherWritesItsArchiveThenRunsWithIt() throws Exception {
    Path jar = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("fast")).resolve("trace-curator.jar"), DEFAULT_JAR);
    Path archive = jar.resolveSibling("trace-curator.jsa");
    Path script = Path.of("runner-configs/fast-start/trace-curator.sh").toAbsolutePath();
    for (String run : List.of("out-fast-first", "out-fast-archived")) {
      List<String> command = List.of("bash", script.toString(), "--progressIntervalSeconds=0", "--output=" + run);
      ProcessBuilder builder = new ProcessBuilder(command).directory(user.toFile()).redirectErrorStream(true);
      builder.environment().put("TRACE_CURATOR_JAR", jar.toString());
      Path log = Files.createTempFile(tmp, "fast", ".log");
      Process process = builder.redirectOutput(log.toFile()).start();
      assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
      String output = Files.readString(log);
      assertEquals(0, process.exitValue(), command + "\n" + output);
      assertTrue(Files.size(archive) > 1 << 20, "the first run writes the class-data archive beside the jar");
      CurateOutputs.assertSameOutputs(expected, user.resolve(run));
    }
  }

  /**
   * The jar leaves out Beam's lists of options interfaces (see {@link OptionInterfaces}): options of
   * Flink's, the DirectRunner's, GCP's and Beam's core interfaces still parse, and a mistyped one is
   * still named.
   */
  @Test
  void theDefaultJarRunsOnJava23AndLater() throws Exception {
    // Java 23 refuses Subject.getSubject, which Flink's cluster start reached through Hadoop (for
    // Kerberos tokens an embedded cluster never needs) and failed. Runs only where such a JDK is installed.
    Optional<Path> newer = newestJavaFrom(23);
    Assumptions.assumeTrue(newer.isPresent(), "no Java 23 or later under /usr/lib/jvm");
    String log = java(0, newer.get(), DEFAULT_JAR, "--progressIntervalSeconds=0", "--output=out-newer-java");
    assertTrue(log.contains("STEP 7"), log);
    assertTrue(!log.contains("WARNING:"), "no JVM warnings on a user's console: " + log);
    CurateOutputs.assertSameOutputs(expected, user.resolve("out-newer-java"));
  }

  /** The {@code bin/java} of the newest JDK under {@code /usr/lib/jvm} whose feature version is at least {@code feature}. */
  private static Optional<Path> newestJavaFrom(int feature) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    Path best = null;
    int bestFeature = feature - 1;
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.toList()) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin/java");
        if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
          continue;
        }
        for (String line : Files.readAllLines(release)) {
          if (line.startsWith("JAVA_VERSION=")) {
            String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
            int homeFeature = Runtime.Version.parse(version).feature();
            if (homeFeature > bestFeature) {
              bestFeature = homeFeature;
              best = java;
            }
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  @Test
  void aJobThatFailsOnEmbeddedFlinkEndsTheProcessWithOneLine() throws Exception {
    // A Flink configuration whose task manager has no slots: the job fails as it is submitted.
    // Beam's FlinkRunner then throws a plain RuntimeException, which once escaped main and left
    // the JVM waiting on Flink's threads for ever.
    Path conf = Files.createDirectories(tmp.resolve("no-slots"));
    Files.writeString(conf.resolve("config.yaml"), "taskmanager.numberOfTaskSlots: 0\n");
    String log = java(ExitCodes.JOB_FAILED, DEFAULT_JAR, "--flinkConfDir=" + conf, "--output=failed",
        "--progressIntervalSeconds=0");
    assertTrue(log.contains("trace-curator: the job failed: IllegalArgumentException: The default parallelism must be positive"),
        log);
    assertTrue(!log.contains("Exception in thread"), log);
    assertTrue(!Files.exists(user.resolve("failed/manifest.json")), "a failed run writes no manifest");
  }

  @Test
  void theDefaultJarParsesOptionsOfEveryInterfaceItHas() throws Exception {
    try (var jar = new java.util.jar.JarFile(DEFAULT_JAR.toFile())) {
      assertEquals(null, jar.getEntry("META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar"));
    }
    java(DEFAULT_JAR, "--runner=DirectRunner", "--targetParallelism=2", "--experiments=trace_curator_test",
        "--project=trace-curator-test", "--output=out-direct-options", "--progressIntervalSeconds=0");
    CurateOutputs.assertSameOutputs(expected, user.resolve("out-direct-options"));
    java(DEFAULT_JAR, "--parallelism=1", "--maxBundleSize=500", "--output=out-flink-options", "--progressIntervalSeconds=0");
    CurateOutputs.assertSameOutputs(expected, user.resolve("out-flink-options"));

    String output = refused(DEFAULT_JAR, "--paralelism=2", "--output=typo-out");
    assertTrue(output.contains("unknown option --paralelism; did you mean --parallelism?"), output);
  }

  @Test
  void theDefaultJarAskedForDataflowSaysWhichJarHasIt() throws Exception {
    String output = refused(DEFAULT_JAR, "--runner=DataflowRunner", "--output=df-out");
    assertTrue(output.contains("this jar has no Dataflow runner: build the one that has, mvn -B -q package -DskipTests -Pdataflow"),
        output);
  }

  @Test
  void theDataflowJarRunsTheSampleAndWritesATemplateOffline() throws Exception {
    if (!Files.isRegularFile(DATAFLOW_JAR)) {
      String missing = DATAFLOW_JAR + " is missing: build it with `mvn -B -q package -DskipTests -Pdataflow` and copy"
          + " pipelines/target/trace-curator.jar there (.ci/run does)";
      if (System.getenv("CI") != null) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    java(DATAFLOW_JAR, "--runner=DirectRunner", "--output=out-direct", "--progressIntervalSeconds=0");
    CurateOutputs.assertSameOutputs(expected, user.resolve("out-direct"));

    // The command runner-configs/dataflow/README.md gives for writing a template offline.
    Path template = user.resolve("template.json");
    String log = java(DATAFLOW_JAR, "--runner=DataflowRunner", "--project=trace-curator-test", "--region=us-central1",
        "--jobName=trace-curator-offline", "--tempLocation=" + Files.createDirectories(user.resolve("temp")),
        "--gcpTempLocation=" + user.resolve("temp"), "--stagingLocation=" + Files.createDirectories(user.resolve("staging")),
        "--templateLocation=" + template,
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--output=gs://trace-curator-test-bucket/out");
    assertTrue(log.contains("the job was written as a template"), log);
    int steps = DataflowTranslationTest.assertSupportedJob(Json.STRICT.readTree(template.toFile()));
    System.out.println("template: " + steps + " steps");

    // Every Flex Template parameter is an option the jar knows.
    String help = java(DATAFLOW_JAR, "--help=" + CurateOptions.class.getName());
    for (JsonNode parameter : Json.STRICT.readTree(Path.of("runner-configs/dataflow/metadata.json").toFile()).get("parameters")) {
      String name = parameter.get("name").asText();
      assertTrue(help.contains("  --" + name + "="), "metadata.json names --" + name + ", which the jar does not know");
    }
  }

  /** {@code java -jar JAR ARGS} in the user's folder; its console output, after checking it refused the options. */
  private static String refused(Path jar, String... args) throws IOException, InterruptedException {
    return java(ExitCodes.BAD_OPTIONS, jar, args);
  }

  /** {@code java -jar JAR ARGS} in the user's folder; its console output, after checking it ended with 0. */
  private static String java(Path jar, String... args) throws IOException, InterruptedException {
    return java(0, jar, args);
  }

  private static String java(int exitCode, Path jar, String... args) throws IOException, InterruptedException {
    return java(exitCode, Path.of("java"), jar, args);
  }

  private static String java(int exitCode, Path java, Path jar, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(tmp, "java", ".log");
    Process process = new ProcessBuilder(command).directory(user.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
    String output = Files.readString(log);
    assertEquals(exitCode, process.exitValue(), command + "\n" + output);
    return output;
  }
}
