package dev.tracecurator.normalize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent (scaffold, harness) and model label, as an input suffix {@code #AGENT/MODEL} or a Hub
 * path {@code data/<harness>/<model>/…} names them.
 */
public record AgentModel(String agent, String model) {
  private static final Pattern HUB_PATH = Pattern.compile("(?:^|/)data/([^/]+)/([^/]+)/");

  /** From a path in the Hub's layout {@code data/<harness>/<model>/<task-source>/file}. */
  public static Optional<AgentModel> fromPath(String path) {
    Matcher m = HUB_PATH.matcher(path.replace('\\', '/'));
    return m.find() ? Optional.of(new AgentModel(m.group(1), m.group(2))) : Optional.empty();
  }

  /** From {@code AGENT/MODEL}. */
  public static AgentModel parse(String label) {
    int slash = label.indexOf('/');
    if (slash <= 0 || slash == label.length() - 1 || label.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("expected AGENT/MODEL after '#', got '" + label + "'");
    }
    return new AgentModel(label.substring(0, slash), label.substring(slash + 1));
  }

  @Override
  public String toString() {
    return agent + "/" + model;
  }
}
