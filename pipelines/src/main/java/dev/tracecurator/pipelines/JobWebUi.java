package dev.tracecurator.pipelines;

import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The web UI address of a job that runs elsewhere, where it is knowable: a Flink cluster's (its
 * REST address, before the job is submitted: the launcher may block until the job ends), or the
 * Dataflow console's page of the job (once submitted). Embedded and direct runs have none.
 */
final class JobWebUi {
  private JobWebUi() {}

  /** Before the run: a remote Flink cluster's web UI, from --flinkMaster. */
  static Optional<String> beforeRun(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().startsWith("Flink")) {
      return Optional.empty();
    }
    String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
    if (master == null || master.isBlank() || master.startsWith("[")) {
      return Optional.empty();  // [auto], [local], [collection]: in this JVM
    }
    return Optional.of((master.contains("://") ? master : "http://" + master) + "/#/job/running");
  }

  /**
   * After the run: a Dataflow job's console page, from the result's job id, project and region
   * (read by name: the Dataflow runner is on the class path only in the -Pdataflow jar).
   */
  static Optional<String> afterRun(Object result) {
    try {
      String job = (String) result.getClass().getMethod("getJobId").invoke(result);
      String project = (String) result.getClass().getMethod("getProjectId").invoke(result);
      String region = (String) result.getClass().getMethod("getRegion").invoke(result);
      if (job == null || project == null || region == null) {
        return Optional.empty();
      }
      return Optional.of("https://console.cloud.google.com/dataflow/jobs/" + region + "/" + job + "?project=" + project);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
