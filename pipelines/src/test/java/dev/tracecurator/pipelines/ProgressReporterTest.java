package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** The share, the ETA and the web UI address as the progress output prints them. */
class ProgressReporterTest {
  @Test
  void theShareReadWithItsEtaAndDoneOnlyWhenTheJobIs() {
    assertEquals("progress:  42% ETA 1m05s  ", ProgressReporter.extent(420, 1_000, 65.0, PipelineResult.State.RUNNING));
    assertEquals("progress:   0% ETA ?  ", ProgressReporter.extent(0, 1_000, null, null));
    assertEquals("progress:  99% all read, finishing  ", ProgressReporter.extent(1_000, 1_000, 0.0, PipelineResult.State.RUNNING),
        "all read is not done: the last records are still analysed");
    assertEquals("progress: 100% done  ", ProgressReporter.extent(900, 1_000, null, PipelineResult.State.DONE));
    assertEquals("progress:  37% failed  ", ProgressReporter.extent(370, 1_000, 3.0, PipelineResult.State.FAILED));
    assertEquals("2h05m", ProgressReporter.duration(7_512));
  }

  @Test
  void aRemoteFlinkClustersWebUiIsNamedAndAnEmbeddedOneIsNot() {
    assertEquals(Optional.of("http://10.0.0.5:8081/#/job/running"), JobWebUi.beforeRun(
        PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=10.0.0.5:8081").create()));
    assertEquals(Optional.empty(), JobWebUi.beforeRun(PipelineOptionsFactory.fromArgs("--runner=FlinkRunner").create()));
    assertEquals(Optional.empty(), JobWebUi.beforeRun(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create()));
  }

  /** What a Dataflow job's result answers (DataflowPipelineJob), read by name. */
  public static final class DataflowLikeResult {
    public String getJobId() {
      return "2026-12-03_06_00_00-123";
    }

    public String getProjectId() {
      return "my-project";
    }

    public String getRegion() {
      return "europe-west1";
    }
  }

  @Test
  void aDataflowJobsConsolePageIsNamed() {
    assertEquals(Optional.of("https://console.cloud.google.com/dataflow/jobs/europe-west1/2026-12-03_06_00_00-123?project=my-project"),
        JobWebUi.afterRun(new DataflowLikeResult()));
    for (String getter : new String[] {"getJobId", "getProjectId", "getRegion"}) {
      assertEquals(String.class, assertDoesNotThrow(() -> org.apache.beam.runners.dataflow.DataflowPipelineJob.class.getMethod(getter))
          .getReturnType(), "the real Dataflow result answers " + getter);
    }
    assertEquals(Optional.empty(), JobWebUi.afterRun(new Object()));
  }
}
