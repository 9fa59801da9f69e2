package dev.tracecurator.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The trajectory formats read, each declared in {@link FormatMappings}. {@link #AUTO} tells them
 * apart by shape ({@link FormatDetector}); an input may also name its format with {@code format=}.
 */
public enum RowFormat {
  AUTO,
  OPEN_SWE_TRACES,
  SWE_GYM,
  OPENHANDS,
  NEBIUS,
  SWE_SMITH,
  SWE_AGENT,
  MINI_SWE_AGENT,
  SHAREGPT,
  CONVERSATIONS;

  /** The fields some format reads a trajectory from; a table with none of them holds no trajectories. */
  public static final List<String> TRAJECTORY_FIELDS = List.of("messages", "trajectory", "history", "conversations");

  public static RowFormat parse(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (RowFormat format : values()) {
      if (format.name().equals(key)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "'; expected one of "
        + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
