package dev.tracecurator.pipelines.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class EarlyStartTest {

  @Test
  void startsEarlyOnlyForTheDefaultEmbeddedBatchRun() {
    assertTrue(EarlyStart.embeddedBatch(new String[] {"--input=x"}));
    assertTrue(EarlyStart.embeddedBatch(new String[] {"--runner=FlinkRunner", "--flinkMaster=[auto]", "--parallelism=3"}));
    assertTrue(EarlyStart.embeddedBatch(new String[] {"--runner=DirectRunner", "--runner=FlinkRunner"}));  // the last one counts, as in Beam
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--runner=DirectRunner"}));
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--runner=DataflowRunner"}));
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--flinkMaster=[local]"}));
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--flinkMaster=localhost:8081"}));
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--streaming"}));
    assertFalse(EarlyStart.embeddedBatch(new String[] {"--streaming=true"}));
    assertTrue(EarlyStart.embeddedBatch(new String[] {"--streaming=false"}));
  }

  @Test
  void theJobRunsOnTheEarlyCluster() {
    String[] args = {"--runner=FlinkRunner", "--parallelism=2"};
    Optional<EarlyStart> early = EarlyStart.beginIfEmbedded(args);
    assertTrue(early.isPresent());
    Path temporary = early.get().temporaryFiles().orElseThrow();
    try (EarlyStart start = early.get()) {
      assertEquals(PipelineResult.State.DONE, sumOfOneToHundred(args));
      assertTrue(start.claimed(), "the job went to a cluster of its own instead of the early one");
      assertTrue(Files.isDirectory(temporary), "Flink's files go to the run's own folder");
    }
    // Flink's RPC jar and the rest of its files went with the folder, however fast the JVM exits next.
    assertFalse(Files.exists(temporary), () -> temporary + " is left");
  }

  @Test
  void aJobOfAnotherShapeGetsItsOwnClusterAndItsFilesGoToo() {
    EarlyStart start = EarlyStart.beginIfEmbedded(new String[] {"--parallelism=2"}).orElseThrow();
    Path temporary = start.temporaryFiles().orElseThrow();
    try (start) {
      assertEquals(PipelineResult.State.DONE, sumOfOneToHundred(new String[] {"--runner=FlinkRunner", "--parallelism=1"}));
      assertFalse(start.claimed(), "a job of one slot ran on the early cluster of two");
    }
    assertFalse(Files.exists(temporary), () -> temporary + " is left");
  }

  @Test
  void aRunThatNeverLaunchesClosesTheCluster() {
    EarlyStart start = EarlyStart.beginIfEmbedded(new String[] {"--parallelism=1"}).orElseThrow();
    start.close();
    assertFalse(start.claimed());
    // Closed right after it began, the cluster is closed, and its folder removed, once its start ends.
    Path temporary = start.temporaryFiles().orElseThrow();
    for (int i = 0; i < 600 && Files.exists(temporary); i++) {
      sleep(100);
    }
    assertFalse(Files.exists(temporary), () -> temporary + " is left");
    // With the context environment removed, the next run gets Flink's own local cluster.
    assertEquals(PipelineResult.State.DONE, sumOfOneToHundred(new String[] {"--runner=FlinkRunner", "--parallelism=1"}));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** 1..100 summed and counted on embedded Flink with {@code args}; the result is checked by PAssert. */
  private static PipelineResult.State sumOfOneToHundred(String[] args) {
    FlinkPipelineOptions options = PipelineOptionsFactory.fromArgs(args).as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    Pipeline pipeline = Pipeline.create(options);
    List<Long> numbers = new java.util.ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      numbers.add(i);
    }
    PCollection<Long> values = pipeline.apply(Create.of(numbers));
    PAssert.thatSingleton(values.apply(Sum.longsGlobally())).isEqualTo(5050L);
    PAssert.thatSingleton(values.apply(Count.globally())).isEqualTo(100L);
    return pipeline.run().waitUntilFinish();
  }
}
