package dev.tracecurator.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.sft.SftLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sft/README.md}: a Hugging Face dataset card, so the folder can be pushed to the Hub as it
 * is. Its front matter names the splits' files ({@code configs} / {@code data_files}) and the
 * licences of the kept rows' repositories; its body gives the run's figures.
 */
final class SftDatasetCard {
  private SftDatasetCard() {}

  static String render(CuratePipeline.Settings settings, JsonNode summary, List<String> splits) {
    SftLayout layout = settings.layout();
    JsonNode sft = summary.path("sft");
    StringBuilder card = new StringBuilder("---\n");
    Set<String> licenses = new LinkedHashSet<>();
    sft.path("kept_by_license").fieldNames().forEachRemaining(l -> licenses.add(hubLicense(l)));
    if (!licenses.isEmpty()) {
      card.append("license:\n");
      licenses.forEach(l -> card.append("- ").append(l).append('\n'));
    }
    card.append("tags:\n- agent-trajectories\n- software-engineering\n- sft\n");
    if (!splits.isEmpty()) {
      card.append("configs:\n- config_name: default\n  data_files:\n");
      for (String split : splits) {
        card.append("  - split: ").append(split).append("\n    path: ").append(split).append("-*")
            .append(layout.file().extension()).append('\n');
      }
    }
    card.append("---\n\n# SFT trajectories curated by trace-curator\n\n");
    card.append(String.format(Locale.ROOT, "%d of %d trajectories kept (%s rows, %s files, chat template %s, reasoning %s).%n%n",
        sft.path("kept").asLong(), summary.path("counts").path("analysed").asLong(), layout.format().label(),
        layout.file().name().toLowerCase(Locale.ROOT), settings.sft().chatTemplate().name().toLowerCase(Locale.ROOT),
        settings.sft().keepReasoning() ? "kept" : "stripped"));
    card.append("| filtered as | trajectories |\n|---|---:|\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = sft.path("filtered").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      card.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asLong()).append(" |\n");
    }
    card.append("\n| licence (repository) | kept |\n|---|---:|\n");
    sft.path("kept_by_license").fields().forEachRemaining(e ->
        card.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asLong()).append(" |\n"));
    List<String> secrets = new ArrayList<>();
    sft.path("secrets_found").fields().forEachRemaining(e -> secrets.add(e.getKey() + " " + e.getValue().asLong()));
    card.append("\nCredentials found: ").append(secrets.isEmpty() ? "none" : String.join(", ", secrets))
        .append(" (--secrets=").append(settings.sft().secrets().name().toLowerCase(Locale.ROOT)).append(").\n");
    if (settings.benchmarks() != null) {
      List<String> rules = new ArrayList<>();
      sft.path("contaminated_by_rule").fields().forEachRemaining(e -> rules.add(e.getKey() + " " + e.getValue().asLong()));
      card.append(String.format(Locale.ROOT, "Decontaminated against %d benchmark instances (%s; %d-word spans): %s.%n",
          settings.benchmarks().rows(), String.join(", ", settings.benchmarks().sources()),
          settings.benchmarks().ngram(), String.join(", ", rules)));
    }
    card.append("Each row keeps the licence of the repository its trajectory worked in; check them before redistributing.\n");
    List<String> given = new ArrayList<>();
    for (dev.tracecurator.io.InputSpec input : settings.inputs()) {
      if (!input.labels().isEmpty()) {
        given.add("`" + input.glob() + "`: " + String.join(", ", input.labels()));
      }
    }
    if (!given.isEmpty()) {
      card.append("\nLabels given by the input, not read from the rows (they apply only to rows that state none): ")
          .append(String.join("; ", given)).append(".\n");
    }
    return card.toString();
  }

  /** The Hub's licence ids are lower-case SPDX ids; one it does not know is {@code other}. */
  static String hubLicense(String spdx) {
    String id = spdx.trim().toLowerCase(Locale.ROOT);
    return id.matches("[a-z0-9][a-z0-9.\\-]*") && KNOWN.contains(id) ? id : "other";
  }

  private static final Set<String> KNOWN = Set.of("apache-2.0", "mit", "bsd-2-clause", "bsd-3-clause", "bsl-1.0", "gpl-2.0",
      "gpl-3.0", "lgpl-2.1", "lgpl-3.0", "agpl-3.0", "mpl-2.0", "isc", "unlicense", "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0",
      "epl-1.0", "epl-2.0", "artistic-2.0", "postgresql", "zlib", "wtfpl", "ecl-2.0", "openrail", "bigscience-openrail-m");
}
