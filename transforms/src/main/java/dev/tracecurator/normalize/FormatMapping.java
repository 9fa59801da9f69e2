package dev.tracecurator.normalize;

import java.io.Serializable;
import java.util.List;

/**
 * One trajectory format, declared: which field holds the messages, the agent's patch, the
 * resolution label, the model, the agent, the instance and the tool schemas, each as the paths
 * tried in order (the first present wins). Values a format lacks stay absent: no label is guessed.
 * The README's format table is this data.
 *
 * @param format the format's name
 * @param sets the published sets that write it
 * @param shape how one message is written
 * @param messages the trajectory: the first present list (or JSON string of one)
 * @param systemPrompt text put first as a system message (ShareGPT's {@code system}), if present
 * @param patch the agent's own patch (never the reference fix)
 * @param resolved the resolution label: 1/0/-1 or a boolean
 * @param model the model that acted
 * @param agent the harness (scaffold)
 * @param harness the agent a row of this format names when no field, input or path does (null: unknown)
 * @param instance the task id
 * @param trajectoryId the row's own id
 * @param tools the tool schemas offered to the model
 * @param calls what counts as a tool call in this format's turns
 * @param textCommands whether a run without structured calls acts through commands in its text
 *     (false where text is only talk: ShareGPT calls functions in function_call turns)
 */
public record FormatMapping(
    RowFormat format,
    String sets,
    MessageShape shape,
    List<FieldRef> messages,
    List<FieldRef> systemPrompt,
    List<FieldRef> patch,
    List<FieldRef> resolved,
    List<FieldRef> model,
    List<FieldRef> agent,
    String harness,
    List<FieldRef> instance,
    List<FieldRef> trajectoryId,
    List<FieldRef> tools,
    String calls,
    boolean textCommands) implements Serializable {

  /** Fields every format may carry under these common names. */
  static final List<FieldRef> REPO = refs("repo", "instance.repo");
  /**
   * The commit a run started from: SWE-bench-style rows' {@code base_commit}, OpenHands evaluation
   * output's {@code instance.base_commit}, SWE-agent's {@code replay_config.env.repo.base_commit}.
   */
  static final List<FieldRef> BASE_COMMIT = refs("base_commit", "instance.base_commit", "replay_config.env.repo.base_commit");
  static final List<FieldRef> LANGUAGE = refs("language");
  static final List<FieldRef> LICENSE = refs("license");
  /** Open-SWE-Traces' metadata, an object or a JSON string of one. */
  static final List<FieldRef> CATEGORY = refs("metadata.category");
  static final List<FieldRef> META_FILES = refs("metadata.num_modified_files", "metadata.model_patch.num_modified_files");
  static final List<FieldRef> META_LINES = refs("metadata.num_modified_lines", "metadata.model_patch.num_modified_lines");

  static List<FieldRef> refs(String... paths) {
    return java.util.Arrays.stream(paths).map(FieldRef::of).toList();
  }

  /** The top-level names of the trajectory fields, for telling a row of no known shape what was looked for. */
  public List<String> messageFields() {
    return messages.stream().map(FieldRef::path).toList();
  }
}
