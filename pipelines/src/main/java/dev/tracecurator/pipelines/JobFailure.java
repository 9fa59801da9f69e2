package dev.tracecurator.pipelines;

import dev.tracecurator.io.InputStoppedRunException;
import java.io.PrintStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.beam.sdk.Pipeline;

/**
 * A job that failed, told in one line with its exit code. Runners wrap the failure that says what
 * went wrong in envelopes of their own (Beam's DirectRunner in a {@code PipelineExecutionException};
 * its FlinkRunner in a plain {@code RuntimeException} around Flink's job and task exceptions); the
 * line names the first exception inside them.
 */
final class JobFailure {
  private JobFailure() {}

  /** Prints the line for {@code failure} to {@code err}; returns the exit code. */
  static int report(RuntimeException failure, PrintStream err) {
    if (OutOfMemoryExit.report(failure, err)) {
      return ExitCodes.JOB_FAILED;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InputStoppedRunException stopped) {
        err.println("trace-curator: " + stopped.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause && isEnvelope(cause)) {
      cause = cause.getCause();
    }
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    err.println("trace-curator: the job failed: " + cause.getClass().getSimpleName() + ": " + message
        + " (--verbose prints where)");
    return ExitCodes.JOB_FAILED;
  }

  private static boolean isEnvelope(Throwable t) {
    return t instanceof Pipeline.PipelineExecutionException
        || t.getClass() == RuntimeException.class
        || t.getClass().getName().startsWith("org.apache.flink.")
        || t instanceof CompletionException
        || t instanceof ExecutionException;
  }
}
