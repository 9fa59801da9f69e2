package dev.tracecurator.io.hf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a config and split's files are, as {@code datasets.load_dataset} finds them: the patterns
 * of the dataset card's {@code configs:}, else the Parquet files the Hub converted the dataset to
 * (revision {@code refs/convert/parquet}, folder {@code CONFIG/SPLIT} or {@code CONFIG/partial-SPLIT}).
 */
final class HfSplitFiles {
  static final String PARQUET_REVISION = "refs/convert/parquet";

  private final HfClient client;

  HfSplitFiles(HfClient client) {
    this.client = client;
  }

  /** The path globs that make up the split; an error listing what exists when it does not. */
  List<HfPath> globs(HfDatasetSplit spec) throws IOException {
    HfPath root = spec.root().withPath("");
    Optional<String> readme = client.readText(root.withPath("README.md"));
    DatasetCard card = readme.isPresent() ? DatasetCard.parse(readme.get()) : new DatasetCard(Map.of());
    if (card.hasConfigs()) {
      List<String> patterns = pick(spec, card.configs(), "its dataset card (README.md)");
      return patterns.stream().map(root::withPath).toList();
    }
    Optional<JsonNode> listing = client.parquetListing(root);
    if (listing.isEmpty() || listing.get().isEmpty()) {
      throw new FileNotFoundException("dataset " + root.repo() + " names no configs in its card (README.md) and the Hub lists "
          + "no Parquet conversion of it: name its files instead, e.g. " + root.root() + "/data/**/*.parquet");
    }
    Map<String, Map<String, List<String>>> converted = new java.util.LinkedHashMap<>();
    listing.get().fields().forEachRemaining(config -> {
      Map<String, List<String>> splits = new java.util.LinkedHashMap<>();
      config.getValue().fieldNames().forEachRemaining(split -> splits.put(split, List.of()));
      converted.put(config.getKey(), splits);
    });
    pick(spec, converted, "the Hub's Parquet conversion");
    HfPath parquet = new HfPath(root.repo(), PARQUET_REVISION, "");
    return List.of(
        parquet.withPath(spec.config() + "/" + spec.split() + "/*.parquet"),
        parquet.withPath(spec.config() + "/partial-" + spec.split() + "/*.parquet"));
  }

  private static List<String> pick(HfDatasetSplit spec, Map<String, Map<String, List<String>>> configs, String where)
      throws FileNotFoundException {
    Map<String, List<String>> splits = configs.get(spec.config());
    if (splits == null) {
      throw new FileNotFoundException("dataset " + spec.root().repo() + " has no config '" + spec.config() + "'; "
          + "the configs " + where + " names are: " + names(configs.keySet()) + " (or name files by path: " + spec.root().root() + "/PATH-GLOB)");
    }
    List<String> patterns = splits.get(spec.split());
    if (patterns == null) {
      throw new FileNotFoundException("config '" + spec.config() + "' of dataset " + spec.root().repo() + " has no split '"
          + spec.split() + "'; its splits are: " + names(splits.keySet()));
    }
    return new ArrayList<>(patterns);
  }

  private static String names(Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
