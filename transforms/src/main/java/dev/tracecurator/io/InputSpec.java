package dev.tracecurator.io;

import dev.tracecurator.normalize.AgentModel;
import dev.tracecurator.normalize.RowFormat;
import java.io.Serializable;

/**
 * One {@code --input}: a FileSystems glob, optionally followed by {@code #} and comma-separated
 * labels: {@code AGENT/MODEL} (the scaffold and model of every row that names none) and
 * {@code format=NAME} (a format instead of telling it by shape), e.g.
 * {@code runs/*.traj#sweagent/gpt4,format=swe_agent}.
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
    return new InputSpec(text.substring(0, hash), agent, model, format);
  }

  public boolean hasLabel() {
    return agent != null;
  }

  @Override
  public String toString() {
    String labels = (hasLabel() ? agent + "/" + model : "") + (format == RowFormat.AUTO ? "" : (hasLabel() ? "," : "") + "format=" + format.label());
    return labels.isEmpty() ? glob : glob + "#" + labels;
  }
}
