package dev.tracecurator.pipelines;

import dev.tracecurator.sft.ChatTemplate;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.Tokenizers;
import java.util.List;

/** {@code --tokenizer}, loaded and checked before the job starts, so a bad one stops the run at once. */
final class TokenizerCheck {
  private TokenizerCheck() {}

  /** The spec workers load: a local tokenizer path made absolute. */
  static String spec(String tokenizer) {
    if (tokenizer == null || tokenizer.isBlank()) {
      return Tokenizers.DEFAULT;
    }
    String spec = tokenizer.strip();
    try {
      return Tokenizers.tokenizerJson(spec).isPresent() ? RunSettings.absolute(spec) : spec;
    } catch (IllegalArgumentException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, e.getMessage());
    }
  }

  /**
   * Loads the tokenizer (exit 3 when its file is missing or malformed) and checks that a model's
   * tokenizer has the chat template's special tokens, one token each (exit 2 when not).
   */
  static TextTokenizer load(String spec, ChatTemplate template) {
    TextTokenizer tokenizer;
    try {
      tokenizer = Tokenizers.get(spec);
    } catch (Tokenizers.TokenizerFileException e) {
      throw new UsageException(ExitCodes.BAD_INPUT, "--tokenizer: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, e.getMessage());
    }
    if (Tokenizers.tokenizerJson(spec).isPresent()) {
      List<String> lacking = template.specialTokens().stream().filter(t -> !tokenizer.isSingleToken(t)).toList();
      if (!lacking.isEmpty()) {
        throw new UsageException(ExitCodes.BAD_OPTIONS, "--chatTemplate=" + template.name().toLowerCase(java.util.Locale.ROOT)
            + " writes " + String.join(", ", lacking) + ", which the tokenizer " + spec
            + " does not have as single tokens: pick the template of the model the tokenizer belongs to");
      }
    }
    return tokenizer;
  }
}
