package dev.tracecurator.normalize;

import static dev.tracecurator.normalize.FormatMapping.refs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The declared mapping of every format read; README's format table lists the same. */
public final class FormatMappings {
  private static final String STRUCTURED_OR_TEXT = "structured tool_calls; in a run with none, the commands written in its turns";
  private static final Map<RowFormat, FormatMapping> ALL = build();

  private FormatMappings() {}

  public static FormatMapping of(RowFormat format) {
    FormatMapping mapping = ALL.get(format);
    if (mapping == null) {
      throw new IllegalArgumentException("no mapping for format " + format.label() + "; it is told by shape");
    }
    return mapping;
  }

  public static List<FormatMapping> all() {
    return new ArrayList<>(ALL.values());
  }

  private static Map<RowFormat, FormatMapping> build() {
    Map<RowFormat, FormatMapping> m = new EnumMap<>(RowFormat.class);
    m.put(RowFormat.OPEN_SWE_TRACES, new FormatMapping(RowFormat.OPEN_SWE_TRACES,
        "NVIDIA Open-SWE-Traces (the tutorial's and the Hub's current schema), SWE-Zero, SWE-Hero, "
            + "nebius SWE-rebench OpenHands trajectories",
        MessageShape.OPENAI, refs("trajectory", "messages"), List.of(),
        refs("model_patch.patch", "model_patch", "metadata.model_patch.patch"),
        refs("resolved"), refs("model"), refs("agent"), null,
        refs("instance_id"), refs("trajectory_id"), refs("tools"), STRUCTURED_OR_TEXT, true));
    m.put(RowFormat.SWE_GYM, new FormatMapping(RowFormat.SWE_GYM,
        "SWE-Gym OpenHands sampled trajectories (OpenHands function calling)",
        MessageShape.OPENAI, refs("messages"), List.of(),
        refs("test_result.git_patch", "model_patch", "git_patch"),
        refs("resolved", "test_result.report.resolved"),
        List.of(FieldRef.of("model"), FieldRef.matching("run_id", "^(.+?)_maxiter")), refs("agent"), "openhands",
        refs("instance_id"), refs("trajectory_id"), refs("tools"), STRUCTURED_OR_TEXT, true));
    m.put(RowFormat.OPENHANDS, new FormatMapping(RowFormat.OPENHANDS,
        "OpenHands evaluation output.jsonl (V0 events, V1 SDK events), resolver output (old CodeAct events), and "
            + "a trajectory as OpenHands downloads it (a .json list of events, one run)",
        MessageShape.OPENHANDS_EVENTS, List.of(FieldRef.of("history"), FieldRef.of(FieldRef.WHOLE_ROW)), List.of(),
        refs("test_result.git_patch", "git_patch"), refs("resolved", "test_result.report.resolved", "success"),
        refs("metadata.llm_config.model", "metadata.llm.model", "model"), refs("metadata.agent_class", "agent"), "openhands",
        refs("instance_id"), refs("trajectory_id"), refs("tools"),
        "each agent action carrying tool-call metadata (V0) or a tool_call (V1); old CodeAct: each action's command or code", true));
    m.put(RowFormat.NEBIUS, new FormatMapping(RowFormat.NEBIUS,
        "nebius SWE-agent-trajectories (classic SWE-agent: a command in a plain fence)",
        MessageShape.ROLE_AI_TEXT, refs("trajectory"), refs("system_prompt"),
        refs("generated_patch"), refs("target", "resolved"), refs("model_name", "model"), refs("agent"), "sweagent",
        refs("instance_id"), refs("trajectory_id"), refs("tools"),
        "the command of each ai turn: its last plain fence, named by its command word (open, edit, search_dir, submit…)", true));
    m.put(RowFormat.SWE_SMITH, new FormatMapping(RowFormat.SWE_SMITH,
        "SWE-bench SWE-smith trajectories (SWE-agent with XML calls)",
        MessageShape.OPENAI, refs("messages"), List.of(),
        refs("patch", "model_patch"), refs("resolved"), refs("model"), refs("agent"), "sweagent",
        refs("instance_id"), refs("traj_id", "trajectory_id"), refs("tools"),
        "structured tool_calls; in a run with none, each <function=NAME> tag of an assistant turn", true));
    m.put(RowFormat.SWE_AGENT, new FormatMapping(RowFormat.SWE_AGENT,
        "SWE-agent .traj files, one run a file (function calling, XML and classic)",
        MessageShape.SWE_AGENT_HISTORY, refs("history"), List.of(),
        refs("info.submission"), List.of(), refs("replay_config.agent.model.name"), List.of(), "sweagent",
        List.of(FieldRef.of(FieldRef.FILE_NAME)), List.of(), List.of(),
        "structured tool_calls; in a run with none, each assistant turn's action field, named by its command word", true));
    m.put(RowFormat.MINI_SWE_AGENT, new FormatMapping(RowFormat.MINI_SWE_AGENT,
        "mini-swe-agent .traj.json files (a bare message list, or {messages, info})",
        MessageShape.OPENAI, List.of(FieldRef.of(FieldRef.WHOLE_ROW), FieldRef.of("messages")), List.of(),
        refs("info.submission"), refs("resolved"), refs("info.config.model.model_name", "model"), List.of(),
        "mini-swe-agent", List.of(FieldRef.of("instance_id"), FieldRef.of(FieldRef.FILE_NAME)), refs("trajectory_id"),
        List.of(), "the one bash fence of each assistant turn (bash_block)", true));
    m.put(RowFormat.SHAREGPT, new FormatMapping(RowFormat.SHAREGPT,
        "ShareGPT / LLaMA-Factory ({from, value} turns, function_call and observation turns)",
        MessageShape.SHAREGPT, refs("conversations"), refs("system"),
        refs("model_patch", "patch"), refs("resolved"), refs("model"), refs("agent"), null,
        refs("instance_id"), refs("trajectory_id"), refs("tools"), "function_call turns (text is talk, never a call)", false));
    m.put(RowFormat.CONVERSATIONS, new FormatMapping(RowFormat.CONVERSATIONS,
        "role/content conversations (terminal-agent corpora)",
        MessageShape.OPENAI, refs("conversations"), refs("system"),
        refs("model_patch", "patch"), refs("resolved"), refs("model"), refs("agent"), null,
        refs("instance_id", "task_id"), refs("trajectory_id"), refs("tools"), STRUCTURED_OR_TEXT, true));
    return m;
  }
}
