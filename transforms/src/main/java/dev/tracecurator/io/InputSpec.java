package dev.tracecurator.io;

import dev.tracecurator.normalize.AgentModel;
import dev.tracecurator.normalize.RowFormat;
import dev.tracecurator.io.hf.HfDatasetSplit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code --input}: a FileSystems glob, optionally followed by {@code #} and comma-separated
 * labels for the rows that state none themselves: {@code AGENT/MODEL} (or {@code agent=},
 * {@code model=}), {@code resolved=1|0} (for sets whose label is known from how they were made),
 * and {@code format=NAME} (a format instead of telling it by shape), e.g.
 * {@code runs/*.traj#sweagent/gpt4,format=swe_agent} or {@code smith/*.jsonl#resolved=1}.
 *
 * <p>On a Hub dataset root with no path, {@code hf://datasets/OWNER/NAME[@REV]#CONFIG/SPLIT}, the
 * pair names a config and split instead: it stays part of the glob (the hf:// file system resolves
 * it to files), and rows take their agent and model from a {@code data/<harness>/<model>/} path,
 * else from the config and split.
 */
public record InputSpec(String glob, String agent, String model, RowFormat format, Integer resolved) implements Serializable {

  public InputSpec {
    format = format == null ? RowFormat.AUTO : format;
  }

  public InputSpec(String glob, String agent, String model, RowFormat format) {
    this(glob, agent, model, format, null);
  }

  public InputSpec(String glob, String agent, String model) {
    this(glob, agent, model, RowFormat.AUTO, null);
  }

  public static InputSpec parse(String input) {
    String text = input.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an --input is empty");
    }
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      return new InputSpec(text, null, null, RowFormat.AUTO, null);
    }
    String pairAgent = null;
    String pairModel = null;
    String agent = null;
    String model = null;
    Integer resolved = null;
    RowFormat format = RowFormat.AUTO;
    try {
      for (String label : text.substring(hash + 1).split(",")) {
        String key = label.contains("=") ? label.substring(0, label.indexOf('=')).trim().toLowerCase(Locale.ROOT) : "";
        String value = label.substring(label.indexOf('=') + 1).trim();
        switch (key) {
          case "format" -> format = RowFormat.parse(value);
          case "agent" -> agent = nonEmpty(value, key);
          case "model" -> model = nonEmpty(value, key);
          case "resolved" -> resolved = resolvedLabel(value);
          case "" -> {
            AgentModel agentModel = AgentModel.parse(label);
            pairAgent = agentModel.agent();
            pairModel = agentModel.model();
          }
          default -> throw new IllegalArgumentException("unknown label '" + key + "='; expected AGENT/MODEL, agent=, model=, "
              + "resolved=1|0 or format=");
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input=" + input + ": " + e.getMessage(), e);
    }
    String glob = text.substring(0, hash);
    if (pairAgent != null && HfDatasetSplit.isDatasetRoot(glob)) {
      return new InputSpec(glob + "#" + pairAgent + "/" + pairModel, agent, model, format, resolved);
    }
    return new InputSpec(glob, agent != null ? agent : pairAgent, model != null ? model : pairModel, format, resolved);
  }

  private static String nonEmpty(String value, String key) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(key + "= needs a value");
    }
    return value;
  }

  private static Integer resolvedLabel(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "1", "true" -> 1;
      case "0", "false" -> 0;
      case "-1" -> -1;
      default -> throw new IllegalArgumentException("resolved= takes 1, 0 or -1 (true/false), got '" + value + "'");
    };
  }

  /** The same input and labels on another glob (a local path made absolute for remote workers). */
  public InputSpec withGlob(String newGlob) {
    return new InputSpec(newGlob, agent, model, format, resolved);
  }

  /** The labels rows of a file take when the row names none: the input's, else the path's, else the config and split. */
  public AgentModel labelsFor(String path) {
    AgentModel fallback = AgentModel.fromPath(path)
        .or(() -> HfDatasetSplit.parse(glob).map(s -> new AgentModel(s.config(), s.split())))
        .orElse(new AgentModel(null, null));
    return new AgentModel(agent != null ? agent : fallback.agent(), model != null ? model : fallback.model());
  }

  public boolean hasLabel() {
    return agent != null;
  }

  /** The labels this input gives, as written after its {@code #}; empty when it gives none. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    if (agent != null) {
      labels.add("agent=" + agent);
    }
    if (model != null) {
      labels.add("model=" + model);
    }
    if (resolved != null) {
      labels.add("resolved=" + resolved);
    }
    if (format != RowFormat.AUTO) {
      labels.add("format=" + format.label());
    }
    return labels;
  }

  @Override
  public String toString() {
    List<String> labels = labels();
    return labels.isEmpty() ? glob : glob + (glob.contains("#") ? "," : "#") + String.join(",", labels);
  }
}
