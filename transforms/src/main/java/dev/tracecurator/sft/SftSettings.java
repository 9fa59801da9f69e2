package dev.tracecurator.sft;

import dev.tracecurator.model.Message;
import dev.tracecurator.dedup.NearDupSettings;
import dev.tracecurator.secrets.SecretsMode;
import dev.tracecurator.tokens.TextTokenizer;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-trajectory SFT filters and how kept trajectories are rendered; the first three defaults
 * are the tutorial's constants.
 *
 * @param requireResolved keep only rows with resolved == 1 (SFT_REQUIRE_RESOLVED)
 * @param maxTokens keep rows whose rendered text has at most this many tokens (MAX_SFT_TOKENS)
 * @param languages keep only these languages; empty keeps all (SFT_LANGUAGES = None)
 * @param minQualityScore keep rows scoring at least this
 * @param allowGitHistoryAccess keep rows whose commands read other history
 * @param excludeInstances instance ids of evaluation sets, never kept
 * @param excludeRepos repositories ({@code owner/name}, lower case) never kept
 * @param secrets what to do with credentials found
 * @param chatTemplate the template SFT text is rendered with (and the token budget measured on)
 * @param keepReasoning keep the model's reasoning in SFT messages and text
 * @param format the row shape of SFT examples
 * @param tokenizer the {@code --tokenizer} spec {@code sft_tokens}, {@code train_tokens} and the budget count in
 *     (see {@link dev.tracecurator.tokens.Tokenizers}); null is the tutorial's {@code cl100k_base}
 * @param modelTemplate the tokenizer's own template, for {@link ChatTemplate#MODEL} only
 * @param nearDup how kept rows are signed for near-duplicate detection; null when it is off
 */
public record SftSettings(
    boolean requireResolved,
    int maxTokens,
    Set<String> languages,
    double minQualityScore,
    boolean allowGitHistoryAccess,
    Set<String> excludeInstances,
    Set<String> excludeRepos,
    SecretsMode secrets,
    ChatTemplate chatTemplate,
    boolean keepReasoning,
    SftFormat format,
    String tokenizer,
    ModelTemplate modelTemplate,
    NearDupSettings nearDup) implements Serializable {
  public static final SftSettings TUTORIAL = new SftSettings(true, 32_000, Set.of());

  public SftSettings {
    languages = languages == null ? Set.of() : Set.copyOf(languages);
    excludeInstances = excludeInstances == null ? Set.of() : Set.copyOf(excludeInstances);
    excludeRepos = excludeRepos == null ? Set.of()
        : excludeRepos.stream().map(SftSettings::repoKey).collect(Collectors.toUnmodifiableSet());
    secrets = secrets == null ? SecretsMode.REDACT : secrets;
    chatTemplate = chatTemplate == null ? ChatTemplate.CHATML : chatTemplate;
    format = format == null ? SftFormat.MESSAGES : format;
    tokenizer = tokenizer == null || tokenizer.isBlank() ? dev.tracecurator.tokens.Tokenizers.DEFAULT : tokenizer.strip();
    if ((chatTemplate == ChatTemplate.MODEL) != (modelTemplate != null)) {
      throw new IllegalArgumentException("a model template goes with --chatTemplate=model, and only with it");
    }
  }

  public SftSettings(boolean requireResolved, int maxTokens, Set<String> languages) {
    this(requireResolved, maxTokens, languages, 0.0, false, Set.of(), Set.of(), SecretsMode.REDACT, ChatTemplate.CHATML, true,
        SftFormat.MESSAGES, null, null, null);
  }

  /**
   * The training text of a conversation in the chosen template.
   *
   * @throws UnrenderableConversationException where the template raises
   */
  public String render(List<Message> messages, List<String> toolSchemas) {
    return chatTemplate == ChatTemplate.MODEL ? modelTemplate.render(messages, toolSchemas, keepReasoning)
        : chatTemplate.render(messages, toolSchemas, keepReasoning);
  }

  /** The tokens of a rendered text's assistant turns ({@link TrainTokens}); null for a model template of no known family. */
  public Integer trainTokens(String text, TextTokenizer tokenizer) {
    if (chatTemplate != ChatTemplate.MODEL) {
      return TrainTokens.count(text, chatTemplate, tokenizer);
    }
    return modelTemplate.turnMarkers().map(markers -> TrainTokens.count(text, markers, tokenizer)).orElse(null);
  }

  /**
   * A repository as evaluation lists and rows write it, reduced to {@code owner/name} in lower
   * case: {@code https://github.com/Owner/Name.git} and {@code owner__name} match {@code owner/name}.
   */
  public static String repoKey(String repo) {
    if (repo == null) {
      return "";
    }
    String r = repo.strip().toLowerCase(Locale.ROOT);
    r = r.replaceFirst("^(?:https?://|git@)?(?:www\\.)?github\\.com[/:]", "");
    r = r.replaceFirst("\\.git$", "").replaceFirst("/+$", "");
    if (!r.contains("/") && r.contains("__")) {
      r = r.replaceFirst("__", "/");
    }
    return r;
  }

  public boolean excludesRepo(String repo) {
    return !excludeRepos.isEmpty() && excludeRepos.contains(repoKey(repo));
  }
}
