package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.tracecurator.io.InputStoppedRunException;
import dev.tracecurator.io.InputUnavailableException;
import org.apache.beam.sdk.Pipeline;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;

class JobFailureTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void flinksEnvelopesAreOpenedToTheFailureInside() {
    // As Beam's FlinkRunner throws a failed job: its RuntimeException around Flink's job and task exceptions.
    RuntimeException failure = new RuntimeException("Pipeline execution failed",
        new JobExecutionException(new JobID(), "Job execution failed.",
            new JobException("Recovery is suppressed by NoRestartBackoffTimeStrategy",
                new IllegalStateException("cannot write /data/out/sft: disk full\nsecond line"))));
    assertEquals(ExitCodes.JOB_FAILED, JobFailure.report(failure, err));
    assertEquals("trace-curator: the job failed: IllegalStateException: cannot write /data/out/sft: disk full "
        + "(--verbose prints where)\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDirectRunnersEnvelopeIsOpenedToo() {
    RuntimeException failure = new Pipeline.PipelineExecutionException(new java.io.UncheckedIOException(
        new java.io.IOException("no space")));
    assertEquals(ExitCodes.JOB_FAILED, JobFailure.report(failure, err));
    assertEquals("trace-curator: the job failed: UncheckedIOException: java.io.IOException: no space (--verbose prints where)\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFailureWithoutACauseIsNamedItself() {
    assertEquals(ExitCodes.JOB_FAILED, JobFailure.report(new RuntimeException("Pipeline execution failed"), err));
    assertEquals("trace-curator: the job failed: RuntimeException: Pipeline execution failed (--verbose prints where)\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anInputThatStoppedTheRunInsideFlinksEnvelopesIsABadInput() {
    RuntimeException failure = new RuntimeException("Pipeline execution failed", new JobExecutionException(new JobID(),
        "Job execution failed.", new InputStoppedRunException(new InputUnavailableException("data/x.jsonl: HTTP 404"))));
    assertEquals(ExitCodes.BAD_INPUT, JobFailure.report(failure, err));
    String line = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(true, line.startsWith("trace-curator: ") && line.contains("data/x.jsonl: HTTP 404"), line);
  }

  @Test
  void outOfMemoryIsToldAsSuch() {
    RuntimeException failure = new RuntimeException("Pipeline execution failed", new OutOfMemoryError("Java heap space"));
    assertEquals(ExitCodes.JOB_FAILED, JobFailure.report(failure, err));
    assertEquals(1, bytes.toString(StandardCharsets.UTF_8).lines().count());
    assertEquals(true, bytes.toString(StandardCharsets.UTF_8).startsWith("trace-curator: the job ran out of memory"));
  }
}
