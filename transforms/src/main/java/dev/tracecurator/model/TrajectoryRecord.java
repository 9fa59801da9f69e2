package dev.tracecurator.model;

import java.util.List;

/**
 * One trajectory row mapped from either schema (the tutorial's or the Hub's current one) onto a
 * single model. Values the source lacks are null, never guessed.
 *
 * @param position where the row came from
 * @param instanceId the task id; not unique: several scaffolds and models solve one task
 * @param repo the repository
 * @param language lower-cased, {@code "unknown"} when absent
 * @param license the repository's licence
 * @param resolved 1, 0, -1, or null
 * @param agent the scaffold (harness), {@code "unknown"} when nothing names it
 * @param model the model, {@code "unknown"} when nothing names it
 * @param trajectoryId the row's id, else a content hash of the normalised messages
 * @param category metadata's category as text
 * @param metaFiles metadata's num_modified_files
 * @param metaLines metadata's num_modified_lines
 * @param messages the normalised messages
 * @param tools the source's tool schemas as JSON object text
 * @param modelPatch the agent's patch (never the reference patch), null when none
 * @param trajectoryError why the trajectory could not be read, null when it could
 * @param textCommands whether its format acts through commands written in text when a run has no structured calls
 * @param baseCommit the commit the run started from, where the source states one (see {@link GitCommit}); null otherwise
 */
public record TrajectoryRecord(
    SourcePosition position,
    String instanceId,
    String repo,
    String language,
    String license,
    Integer resolved,
    String agent,
    String model,
    String trajectoryId,
    String category,
    Long metaFiles,
    Long metaLines,
    List<Message> messages,
    List<String> tools,
    String modelPatch,
    String trajectoryError,
    boolean textCommands,
    String baseCommit) {

  public TrajectoryRecord {
    messages = messages == null ? List.of() : List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    baseCommit = GitCommit.orNull(baseCommit);
  }

  /** A row whose source states no base commit. */
  public TrajectoryRecord(SourcePosition position, String instanceId, String repo, String language, String license,
      Integer resolved, String agent, String model, String trajectoryId, String category, Long metaFiles, Long metaLines,
      List<Message> messages, List<String> tools, String modelPatch, String trajectoryError, boolean textCommands) {
    this(position, instanceId, repo, language, license, resolved, agent, model, trajectoryId, category, metaFiles, metaLines,
        messages, tools, modelPatch, trajectoryError, textCommands, null);
  }

  public TrajectoryRecord(SourcePosition position, String instanceId, String repo, String language, String license,
      Integer resolved, String agent, String model, String trajectoryId, String category, Long metaFiles, Long metaLines,
      List<Message> messages, List<String> tools, String modelPatch, String trajectoryError) {
    this(position, instanceId, repo, language, license, resolved, agent, model, trajectoryId, category, metaFiles, metaLines,
        messages, tools, modelPatch, trajectoryError, true, null);
  }

  public boolean isResolved() {
    return resolved != null && resolved == 1;
  }

  public boolean hasKnownLabel() {
    return resolved != null && (resolved == 0 || resolved == 1);
  }
}
