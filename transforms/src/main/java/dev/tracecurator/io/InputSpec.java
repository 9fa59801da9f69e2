package dev.tracecurator.io;

import dev.tracecurator.normalize.AgentModel;
import dev.tracecurator.normalize.RowFormat;
import dev.tracecurator.io.hf.HfDatasetSplit;
import java.io.Serializable;
import java.util.Optional;

/**
 * One {@code --input}: a FileSystems glob, optionally followed by {@code #} and comma-separated
 * labels: {@code AGENT/MODEL} (the scaffold and model of every row that names none) and
 * {@code format=NAME} (a format instead of telling it by shape), e.g.
 * {@code runs/*.traj#sweagent/gpt4,format=swe_agent}.
 *
 * <p>On a Hub dataset root with no path, {@code hf://datasets/OWNER/NAME[@REV]#CONFIG/SPLIT}, the
 * pair names a config and split instead: it stays part of the glob (the hf:// file system resolves
 * it to files), and rows take their agent and model from a {@code data/<harness>/<model>/} path,
 * else from the config and split.
 */
public record InputSpec(String glob, String agent, String model, RowFormat format) implements Serializable {

  public InputSpec {
    format = format == null ? RowFormat.AUTO : format;
  }

  public InputSpec(String glob, String agent, String model) {
    this(glob, agent, model, RowFormat.AUTO);
  }

  public static InputSpec parse(String input) {
    String text = input.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an --input is empty");
    }
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      return new InputSpec(text, null, null, RowFormat.AUTO);
    }
    String agent = null;
    String model = null;
    RowFormat format = RowFormat.AUTO;
    try {
      for (String label : text.substring(hash + 1).split(",")) {
        if (label.startsWith("format=")) {
          format = RowFormat.parse(label.substring("format=".length()));
        } else {
          AgentModel agentModel = AgentModel.parse(label);
          agent = agentModel.agent();
          model = agentModel.model();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input=" + input + ": " + e.getMessage(), e);
    }
    String glob = text.substring(0, hash);
    if (agent != null && HfDatasetSplit.isDatasetRoot(glob)) {
      return new InputSpec(glob + "#" + agent + "/" + model, null, null, format);
    }
    return new InputSpec(glob, agent, model, format);
  }

  /** The labels rows of a file take when neither the row nor the input names them. */
  public AgentModel labelsFor(String path) {
    if (hasLabel()) {
      return new AgentModel(agent, model);
    }
    Optional<AgentModel> fromPath = AgentModel.fromPath(path);
    if (fromPath.isPresent()) {
      return fromPath.get();
    }
    return HfDatasetSplit.parse(glob).map(s -> new AgentModel(s.config(), s.split())).orElse(new AgentModel(null, null));
  }

  public boolean hasLabel() {
    return agent != null;
  }

  @Override
  public String toString() {
    String labels = (hasLabel() ? agent + "/" + model : "") + (format == RowFormat.AUTO ? "" : (hasLabel() ? "," : "") + "format=" + format.label());
    return labels.isEmpty() ? glob : glob + (glob.contains("#") ? "," : "#") + labels;
  }
}
