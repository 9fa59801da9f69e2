package dev.tracecurator.io.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code configs:} of a dataset card's YAML front matter (its README.md): for each config, the
 * data-file patterns of each split, read as {@code datasets} reads them. {@code data_files} may be
 * a pattern, a list of patterns (both the {@code train} split), a list of {@code {split, path}}
 * entries whose path is a pattern or a list, or a map from split to patterns; {@code data_dir}
 * prefixes them.
 */
public record DatasetCard(Map<String, Map<String, List<String>>> configs) {
  private static final YAMLMapper YAML = new YAMLMapper();

  public static DatasetCard parse(String readme) throws IOException {
    Map<String, Map<String, List<String>>> configs = new LinkedHashMap<>();
    String frontMatter = frontMatter(readme);
    if (frontMatter == null) {
      return new DatasetCard(configs);
    }
    JsonNode yaml = YAML.readTree(frontMatter);
    if (yaml == null) {
      return new DatasetCard(configs);
    }
    for (JsonNode config : yaml.path("configs")) {
      String name = config.path("config_name").asText("default");
      String dataDir = config.path("data_dir").asText("");
      Map<String, List<String>> splits = splits(config.path("data_files"));
      Map<String, List<String>> prefixed = new LinkedHashMap<>();
      splits.forEach((split, patterns) -> prefixed.put(split, patterns.stream().map(p -> join(dataDir, p)).toList()));
      configs.put(name, prefixed);
    }
    return new DatasetCard(configs);
  }

  private static Map<String, List<String>> splits(JsonNode dataFiles) {
    Map<String, List<String>> splits = new LinkedHashMap<>();
    if (dataFiles.isTextual()) {
      splits.put("train", List.of(dataFiles.asText()));
    } else if (dataFiles.isArray()) {
      for (JsonNode entry : dataFiles) {
        if (entry.isTextual()) {
          splits.computeIfAbsent("train", k -> new ArrayList<>()).add(entry.asText());
        } else if (entry.has("split")) {
          splits.computeIfAbsent(entry.path("split").asText(), k -> new ArrayList<>()).addAll(patterns(entry.path("path")));
        }
      }
    } else if (dataFiles.isObject()) {
      dataFiles.fields().forEachRemaining(e -> splits.put(e.getKey(), patterns(e.getValue())));
    }
    return splits;
  }

  private static List<String> patterns(JsonNode path) {
    List<String> out = new ArrayList<>();
    if (path.isTextual()) {
      out.add(path.asText());
    } else {
      path.forEach(p -> out.add(p.asText()));
    }
    return out;
  }

  private static String join(String dataDir, String pattern) {
    String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
    if (dataDir.isEmpty()) {
      return p;
    }
    return (dataDir.endsWith("/") ? dataDir : dataDir + "/") + p;
  }

  /** The YAML between a leading {@code ---} line and the next one, or null when the card has none. */
  static String frontMatter(String readme) {
    String text = readme.startsWith("\uFEFF") ? readme.substring(1) : readme;
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      return null;
    }
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        return yaml.toString();
      }
      yaml.append(lines.get(i)).append('\n');
    }
    return null;
  }

  public boolean hasConfigs() {
    return !configs.isEmpty();
  }
}
