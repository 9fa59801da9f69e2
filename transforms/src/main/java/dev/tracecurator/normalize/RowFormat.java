package dev.tracecurator.normalize;

import java.util.List;
import java.util.Locale;

/**
 * The trajectory formats read, each mapped onto the one row model. {@link #AUTO} tells them apart
 * by shape, which is unambiguous for all of them; an input may also name its format.
 */
public enum RowFormat {
  AUTO,
  /** Open-SWE-Traces rows, the tutorial's schema or the Hub's current one (also SWE-smith / SWE-Gym / TRL {@code messages} rows). */
  OPEN_SWE_TRACES,
  /** SWE-agent {@code .traj}: {@code history}, {@code trajectory} steps, {@code info.submission}; one trajectory a file. */
  SWE_AGENT,
  /** mini-swe-agent {@code .traj.json}: a bare message list, or {@code {messages, info}}; one trajectory a file. */
  MINI_SWE_AGENT,
  /** ShareGPT / LLaMA-Factory: {@code conversations} of {@code {from, value}}. */
  SHAREGPT,
  /** nebius/SWE-agent-trajectories: {@code trajectory} messages with role {@code ai} and text under {@code text}. */
  NEBIUS;

  /** The fields some format reads a trajectory from; a table with none of them holds no trajectories. */
  public static final List<String> TRAJECTORY_FIELDS = List.of("messages", "trajectory", "history", "conversations");

  public static RowFormat parse(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (RowFormat format : values()) {
      if (format.name().equals(key)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "'; expected one of auto, open_swe_traces, swe_agent, "
        + "mini_swe_agent, sharegpt, nebius");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
