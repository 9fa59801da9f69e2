package dev.tracecurator.pipelines.generate;

import java.util.List;

/**
 * Draws one row: language by the dataset's mix, a repository and task, whether the run is resolved
 * (about half, varying by model and language; 8% unknown), its conversation and its patch (empty
 * for about one unresolved run in six).
 */
final class RowFactory {
  private static final List<String> CATEGORIES = List.of("bug_fix", "bug_fix", "bug_fix", "feature", "refactor", "test");

  private final GeneratorSettings settings;

  RowFactory(GeneratorSettings settings) {
    this.settings = settings;
  }

  GeneratedRow row(long index) {
    Draw draw = new Draw(settings.seed(), index);
    int languageIndex = draw.weighted(LanguageProfiles.WEIGHTS);
    LanguageProfile language = LanguageProfiles.ALL.get(languageIndex);
    String[] repoAndLicense = draw.pick(language.repos()).split("\\|");
    String repo = repoAndLicense[0];
    // A small pool of tasks per repository: as in Open-SWE-Traces, several harnesses and models
    // (and now and then one of them twice) solve the same instance.
    String instanceId = repo.replace("/", "__") + "-" + draw.between(100, 139);
    double resolvedRate = ("qwen35_122b".equals(settings.model()) ? 0.45 : 0.55) - 0.03 * languageIndex;
    int resolved = draw.chance(0.08) ? -1 : draw.chance(resolvedRate) ? 1 : 0;
    boolean finishes = resolved == 1 ? draw.chance(0.95) : draw.chance(0.7);
    ConversationGenerator conversation = new ConversationGenerator(draw, language, settings.harness());
    String title = TextPools.fill(draw.pick(TextPools.ISSUE_OPENINGS), draw.pick(TextPools.IDENTIFIERS), draw.pick(TextPools.IDENTIFIERS));
    List<GeneratedTurn> turns = conversation.generate(repo, title, finishes);
    boolean emptyPatch = resolved == 1 ? draw.chance(0.02) : draw.chance(0.16);
    GeneratedPatch patch = emptyPatch ? GeneratedPatch.EMPTY : new PatchGenerator(draw, language).generate();
    GeneratedPatch reference = new PatchGenerator(draw, language).generate();
    return new GeneratedRow(index, instanceId, repo, repoAndLicense[1], language.name(), resolved, draw.pick(CATEGORIES),
        draw.hex(8) + "-" + draw.hex(4) + "-" + draw.hex(4) + "-" + draw.hex(4) + "-" + draw.hex(12),
        "minimax_m25".equals(settings.model()) ? "MiniMax-M2.5" : "Qwen3.5-122B-A10B",
        conversation.toolNames(), turns, patch, reference);
  }
}
