package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without network: the curate pipeline translates into a Dataflow job. With --templateLocation the
 * Dataflow runner writes the job (a classic template) to a file instead of submitting it; offline
 * credentials and a no-op path validator keep it from calling Google Cloud. Every step must be of
 * a kind the Dataflow service runs.
 */
class DataflowTranslationTest {
  /** Step kinds of Dataflow's v1b3 job format that the service executes. */
  private static final Set<String> SUPPORTED_KINDS = Set.of(
      "ParallelDo", "GroupByKey", "CombineValues", "Flatten", "CollectionToSingleton", "ParallelRead",
      "CreateCollection", "ParallelWrite", "Impulse",
      // Window.into (Reshuffle and the writes re-window): Dataflow calls window assignment "Bucket".
      "Bucket");

  @TempDir
  Path tmp;

  @Test
  void curateTranslatesToADataflowJobOfSupportedSteps() throws Exception {
    Path template = tmp.resolve("template.json");
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    Path stagedJar = tmp.resolve("trace-curator.jar");
    try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(stagedJar))) {
      // An empty stand-in: staging copies files, and this test is about the job graph.
    }
    String[] args = {
        "--runner=DataflowRunner",
        "--project=trace-curator-test",
        "--region=us-central1",
        "--jobName=trace-curator-translation-test",
        "--tempLocation=" + Files.createDirectories(tmp.resolve("temp")),
        "--stagingLocation=" + staging,
        "--templateLocation=" + template,
        "--filesToStage=" + stagedJar,
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--gcpTempLocation=" + tmp.resolve("temp"),
    };
    PipelineOptionsFactory.register(CurateOptions.class);
    CurateOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(CurateOptions.class);
    options.setInput(List.of("src/test-fixtures/rows/data/**/*.jsonl", "src/test-fixtures/rows/tutorial/*.jsonl#openhands/qwen35_122b"));
    options.setOutput("gs://trace-curator-test-bucket/out");
    assertEquals(DataflowRunner.class, options.getRunner());

    Pipeline pipeline = Pipeline.create(options);
    CuratePipeline.build(pipeline, RunSettings.from(options));
    pipeline.run();

    JsonNode job = Json.STRICT.readTree(template.toFile());
    Files.copy(template, Path.of("pipelines/target/dataflow-template.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertSupportedJob(job);
    assertEquals("trace-curator-translation-test", options.as(DataflowPipelineOptions.class).getJobName());
  }

  /**
   * A Dataflow job (a classic template) of more than 20 steps, each of a kind the service runs,
   * holding every composite of the curate pipeline. Returns the number of steps.
   */
  static int assertSupportedJob(JsonNode job) {
    JsonNode steps = job.get("steps");
    assertTrue(steps.size() > 20, "steps: " + steps.size());
    Set<String> kinds = new TreeSet<>();
    List<String> names = new ArrayList<>();
    for (JsonNode step : steps) {
      kinds.add(step.get("kind").asText());
      names.add(step.get("properties").path("user_name").path("value").asText());
    }
    assertTrue(SUPPORTED_KINDS.containsAll(kinds), "unsupported step kinds: " + kinds);
    for (String composite : List.of("ReadTrajectories", "NormalizeAndScore", "SelectSftExamples", "WriteAnalysisTable",
        "ComputeStatistics", "WriteSummary", "WriteSft", "WriteRejected", "PlaceOutputs")) {
      assertTrue(names.stream().anyMatch(n -> n.startsWith(composite + "/")), composite + " missing from " + names);
    }
    return steps.size();
  }
}
