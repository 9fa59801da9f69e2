package dev.tracecurator.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.io.InputSpec;
import dev.tracecurator.io.ReadTotal;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.io.StretchSize;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.pipelines.cli.Cli;
import dev.tracecurator.pipelines.cli.Commands;
import dev.tracecurator.pipelines.flink.EarlyStart;
import dev.tracecurator.stats.RunCounts;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code java -jar trace-curator.jar [--input=GLOB[#AGENT/MODEL] …] [--output=DIR] [--runner=…]}:
 * checks the options and inputs, runs the {@code curate} pipeline on the chosen runner with
 * progress, checks that the counts reconcile, writes the manifest last and prints the tutorial's
 * summaries. Exits non-zero with one line saying what to do when something is wrong.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (curates(args) && !asksForHelp(args)) {
      Optional<Integer> childExit = SharedArchiveRelaunch.runInChild(args);
      if (childExit.isPresent()) {
        System.exit(childExit.get());
      }
      SharedArchiveRelaunch.followParent();
    }
    if (curates(args)) {
      ShortRunJit.beginForProcess(Commands.curateArgs(args));
    }
    OutOfMemoryExit.install(System.err);
    Cli.answer(args, System.out, System.err).ifPresent(System::exit);
    if (args.length > 0 && args[0].equals("bench")) {
      System.exit(dev.tracecurator.pipelines.bench.Bench.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    if (args.length > 0 && args[0].equals("inspect")) {
      System.exit(dev.tracecurator.pipelines.inspect.InspectCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
          System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("generate")) {
      dev.tracecurator.pipelines.generate.TraceGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int exitCode;
    try {
      exitCode = run(args, System.out, System.err);
    } catch (Error e) {
      // Out of main, an error would leave the JVM waiting on the runner's threads: end it here.
      System.err.println("trace-curator: the run failed: " + e);
      exitCode = ExitCodes.JOB_FAILED;
    }
    System.exit(exitCode);
  }

  private static boolean asksForHelp(String[] args) {
    return java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.startsWith("--help=")
        || a.equals("--version"));
  }

  /** Whether the process runs the curate job: no command word, {@code curate}, or options only. */
  private static boolean curates(String[] args) {
    return args.length == 0 || Commands.named(args[0]).map(Commands.CURATE::equals).orElse(!args[0].equals("help"));
  }

  /** Runs the job; returns the process exit code (see {@link ExitCodes}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Optional<Integer> answered = Cli.answer(args, out, err);  // --help, COMMAND --help, --version
    if (answered.isPresent()) {
      return answered.get();
    }
    args = Commands.curateArgs(args);
    boolean verbose = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--verbose") || a.equals("--verbose=true"));
    try {
      return curate(args, out);
    } catch (UsageException e) {
      err.println("trace-curator: " + e.getMessage());
      trace(verbose, e, err);
      return e.exitCode();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("bad option");
      if (message.startsWith("Unknown 'runner' specified 'DataflowRunner'")) {
        // The default jar leaves the Dataflow runner out (about 70 MB); say how to get the jar that has it.
        message = "this jar has no Dataflow runner: build the one that has, mvn -B -q package -DskipTests -Pdataflow "
            + "(see runner-configs/dataflow/README.md)";
      }
      err.println("trace-curator: " + message + " (--help lists the options)");
      trace(verbose, e, err);
      return ExitCodes.BAD_OPTIONS;
    } catch (RuntimeException e) {
      // Beam's DirectRunner throws PipelineExecutionException; its FlinkRunner a RuntimeException
      // "Pipeline execution failed" whatever went wrong. Either must end here with an exit code:
      // an exception out of main leaves the JVM waiting on Flink's threads for ever.
      trace(verbose, e, err);
      return JobFailure.report(e, err);
    }
  }

  /** How much the run will read, where knowable before it reads: for a percentage and an ETA. */
  private static Optional<ReadTotal> progressTotal(CuratePipeline.Settings settings, CurateOptions options) {
    return options.getProgressIntervalSeconds() > 0 ? ReadTotal.of(settings.inputs(), settings.limitPerSource()) : Optional.empty();
  }

  /**
   * Embedded Flink's launcher blocks until the job ends (and its detached mode is for remote
   * clusters only): it runs on another thread while progress is read from this JVM's workers.
   */
  private static PipelineResult launch(Pipeline pipeline, CurateOptions options, ProgressReporter progress) {
    boolean embeddedFlink = options.getRunner().getSimpleName().startsWith("Flink") && JobWebUi.beforeRun(options).isEmpty();
    if (embeddedFlink && options.getProgressIntervalSeconds() > 0) {
      return progress.runInThisJvm(pipeline, options.getProgressIntervalSeconds());
    }
    return pipeline.run();
  }

  private static void announceWebUi(Optional<String> address, PrintStream out) {
    address.ifPresent(url -> out.println("trace-curator: the job's web UI: " + url));
  }

  /** A mistyped option stops the run before Beam parses it, naming the closest known option. */
  private static String[] knownOptionsOnly(String[] args) {
    Cli.unknown(args).ifPresent(message -> {
      throw new UsageException(ExitCodes.BAD_OPTIONS, message);
    });
    return args;
  }

  /** The stack trace, only when asked for: the one-line message is what a user acts on. */
  private static void trace(boolean verbose, Throwable e, PrintStream err) {
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  private static int curate(String[] args, PrintStream out) {
    StartupWarmUp.begin(args);
    String[] checked = knownOptionsOnly(OptionsFile.merge(args));
    try (EarlyStart ignored = EarlyStart.beginIfEmbedded(checked).orElse(null)) {
      return curate(checked, InputArgs.split(checked), out);
    }
  }

  private static int curate(String[] args, InputArgs inputArgs, PrintStream out) {
    String[] beamArgs = flinkDefaults(inputArgs.rest());
    OptionInterfaces.registerFor(List.of(beamArgs));
    CurateOptions options = PipelineOptionsFactory.fromArgs(beamArgs).withValidation().as(CurateOptions.class);
    if (!inputArgs.inputs().isEmpty()) {
      options.setInput(inputArgs.inputs());
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      // Only there: every new options view costs Beam a validation of all of them (~0.1 s at start).
      directRunnerDefaults(options.as(DirectOptions.class), inputArgs.rest());
    }
    FileSystems.setDefaultPipelineOptions(options);

    CuratePipeline.Settings settings = RunSettings.from(options);
    long inputBytes = checkInputs(settings);
    settings = settings.withReadRangeBytes(StretchSize.forInput(settings.readRangeBytes(), inputBytes));
    OutputFolder output = new OutputFolder(settings.output());
    boolean template = given(inputArgs.rest(), "templateLocation");
    if (!template) {
      // A template only writes the job: the output is written when it is launched, so writing one
      // neither refuses nor clears the folder, and needs no access to it.
      output.prepare(options.getOverwrite());
    }

    Pipeline pipeline = Pipeline.create(options);
    CuratePipeline.build(pipeline, settings);

    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    out.printf("trace-curator: curating %d input(s) on %s into %s%n", settings.inputs().size(),
        options.getRunner().getSimpleName(), settings.output());
    announceWebUi(JobWebUi.beforeRun(options), out);
    ProgressReporter progress = new ProgressReporter(out, System.console() != null, startNanos, progressTotal(settings, options));
    PipelineResult result = launch(pipeline, options, progress);
    announceWebUi(JobWebUi.afterRun(result), out);
    if (template) {
      // Dataflow's classic templates: the job was written, not run; there are no outputs yet.
      out.println("trace-curator: the job was written as a template; nothing ran");
      return ExitCodes.OK;
    }
    PipelineResult.State state = progress.follow(result, options.getProgressIntervalSeconds());
    if (state != PipelineResult.State.DONE) {
      throw new UsageException(ExitCodes.JOB_FAILED, "the job ended in state " + state);
    }
    Instant end = Instant.now();
    double seconds = (System.nanoTime() - startNanos) / 1e9;

    JsonNode summary = readJson(output.path(CuratePipeline.SUMMARY_FILE));
    JsonNode countsNode = summary.path("counts");
    long rejected = countsNode.path("rejected").asLong();
    // The reader counts every record it emits; the outputs must account for each of them.
    Long readByReader = ProgressReporter.finalCount(result, "read");
    long read = readByReader != null ? readByReader : countsNode.path("read").asLong();
    if (readByReader == null) {
      out.println("note: the runner reports no metrics; the records read are taken from the outputs");
    }
    RunCounts counts = RunCounts.of(summary, read, rejected);
    String mismatch = counts.discrepancy();
    if (mismatch != null) {
      throw new UsageException(ExitCodes.COUNTS_DO_NOT_RECONCILE, "counts do not reconcile: " + mismatch);
    }
    double maxRejected = options.getMaxRejectedFraction();
    if (counts.read() > 0 && (double) counts.rejected() / counts.read() > maxRejected) {
      throw new UsageException(ExitCodes.TOO_MANY_REJECTED, String.format(java.util.Locale.ROOT,
          "%,d of %,d records (%.1f %%) were rejected, more than --maxRejectedFraction=%s allows: see %s for each "
              + "one's file, line and reason, fix the input or raise the limit%s", counts.rejected(), counts.read(),
          100.0 * counts.rejected() / counts.read(), maxRejected, output.path(CuratePipeline.REJECTED_DIR),
          firstRejection(output)));
    }
    output.removeEmptyTempFolders();
    write(output.path(CuratePipeline.SFT_DIR + "/README.md"), SftDatasetCard.render(settings, summary, output.sftSplits(settings.layout())));
    new ConsoleReport(out).print(summary, chatMlExample(output), settings.output(), seconds);
    ObjectNode manifest = RunManifest.build(options, settings, start, end, counts, summary);
    write(output.path(OutputFolder.MANIFEST), manifest);
    return ExitCodes.OK;
  }

  /**
   * The DirectRunner blocks in run() by default, which would leave no way to show progress; and
   * it re-encodes and compares every element after every step to catch DoFns that mutate their
   * input, which triples the run time on trajectories of tens of KB. Our DoFns never mutate (the
   * tests run with those checks on), so a run turns them off unless asked for.
   */
  private static void directRunnerDefaults(DirectOptions direct, String[] args) {
    direct.setBlockOnRun(false);
    if (!given(args, "enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * On Flink, chained operators hand elements over without a coder round trip (our DoFns never
   * mutate their input): without it every trajectory is JSON-encoded and decoded between each
   * pair of steps, a quarter of the run's CPU.
   */
  private static String[] flinkDefaults(String[] args) {
    List<String> out = new ArrayList<>(List.of(args));
    if (!given(args, "runner")) {
      // Embedded Flink by default: it streams through bounded memory and uses every core, where
      // the DirectRunner (Beam's checking runner, --runner=DirectRunner) holds whole collections
      // in memory and spends a core on its own bookkeeping.
      out.add("--runner=FlinkRunner");
    }
    boolean flink = out.stream().anyMatch(a -> a.startsWith("--runner=") && a.contains("Flink"));
    if (flink && !given(args, "fasterCopy")) {
      out.add("--fasterCopy=true");
    }
    return out.toArray(String[]::new);
  }

  private static boolean given(String[] args, String option) {
    for (String arg : args) {
      if (arg.equals("--" + option) || arg.startsWith("--" + option + "=")) {
        return true;
      }
    }
    return false;
  }

  /** Stops the run if an input matches no file; returns the bytes the inputs' files hold (-1 when a size is unknown). */
  private static long checkInputs(CuratePipeline.Settings settings) {
    long bytes = 0;
    for (InputSpec input : settings.inputs()) {
      try {
        for (org.apache.beam.sdk.io.fs.MatchResult.Metadata file : ReadTrajectoryLines.match(input.glob())) {
          bytes = bytes < 0 || file.sizeBytes() < 0 ? -1 : bytes + file.sizeBytes();
        }
      } catch (IOException e) {
        throw new UsageException(ExitCodes.BAD_INPUT, e.getMessage() + ": check the path or glob");
      } catch (IllegalArgumentException e) {
        String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("not a valid path or glob");
        throw new UsageException(ExitCodes.BAD_INPUT, "input '" + input.glob() + "': " + reason);
      }
    }
    return bytes;
  }

  /** The first rejection's file, line and reason, so that a wrong input is named in the one line a user reads. */
  private static String firstRejection(OutputFolder output) {
    try {
      return OutputFiles.firstLine(output.path(CuratePipeline.REJECTED_DIR + "/*.jsonl"))
          .flatMap(Json::pythonLoads)
          .map(r -> "; one of them: " + r.path("file").asText() + ":" + r.path("line").asLong() + ": " + r.path("error").asText())
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static Optional<String> chatMlExample(OutputFolder output) {
    try {
      return OutputFiles.firstLine(output.path(CuratePipeline.SFT_DIR + "/*-of-*.jsonl"))
          .map(line -> Json.pythonLoads(line).map(n -> n.path("text").asText()).orElse(""));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static JsonNode readJson(String path) {
    try {
      return Json.STRICT.readTree(OutputFiles.read(path));
    } catch (IOException e) {
      throw new UsageException(ExitCodes.JOB_FAILED, "cannot read " + path + ": " + e.getMessage());
    }
  }

  private static void write(String path, ObjectNode node) {
    try {
      write(path, Json.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UsageException(ExitCodes.JOB_FAILED, "cannot write " + path + ": " + e.getMessage());
    }
  }

  private static void write(String path, String text) {
    try {
      OutputFiles.write(path, text);
    } catch (IOException e) {
      throw new UsageException(ExitCodes.JOB_FAILED, "cannot write " + path + ": " + e.getMessage());
    }
  }
}
