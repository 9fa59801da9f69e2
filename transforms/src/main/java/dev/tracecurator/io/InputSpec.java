package dev.tracecurator.io;

import dev.tracecurator.normalize.AgentModel;
import java.io.Serializable;

/**
 * One {@code --input}: a FileSystems glob, optionally followed by {@code #AGENT/MODEL} naming the
 * scaffold and model of every row it matches that does not name its own.
 */
public record InputSpec(String glob, String agent, String model) implements Serializable {

  public static InputSpec parse(String input) {
    String text = input.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an --input is empty");
    }
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      return new InputSpec(text, null, null);
    }
    AgentModel label;
    try {
      label = AgentModel.parse(text.substring(hash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input=" + input + ": " + e.getMessage(), e);
    }
    return new InputSpec(text.substring(0, hash), label.agent(), label.model());
  }

  public boolean hasLabel() {
    return agent != null;
  }

  @Override
  public String toString() {
    return hasLabel() ? glob + "#" + agent + "/" + model : glob;
  }
}
