package dev.tracecurator.pipelines;

import dev.tracecurator.sft.ChatTemplate;
import dev.tracecurator.sft.ModelTemplate;
import dev.tracecurator.sft.ModelTemplates;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.sft.jinja.UnsupportedTemplateException;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.Tokenizers;
import java.util.Collection;
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
   * The tokenizer's own chat template, tried on probe conversations: exit 3 when its
   * tokenizer_config.json is missing, malformed or has no chat_template, exit 2 for a tiktoken
   * encoding or a template the engine cannot render exactly.
   */
  static ModelTemplate modelTemplate(String spec) {
    tokenizer(spec);
    try {
      ModelTemplate template = ModelTemplates.load(spec);
      template.check();
      return template;
    } catch (Tokenizers.TokenizerFileException e) {
      throw new UsageException(ExitCodes.BAD_INPUT, e.getMessage());
    } catch (UnsupportedTemplateException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--chatTemplate=model: " + e.getMessage());
    }
  }

  /**
   * Loads the tokenizer (exit 3 when its file is missing or malformed) and checks that a model's
   * tokenizer has the chat template's special tokens, one token each (exit 2 when not).
   */
  static TextTokenizer load(String spec, SftSettings sft) {
    ChatTemplate template = sft.chatTemplate();
    TextTokenizer tokenizer = tokenizer(spec);
    if (Tokenizers.tokenizerJson(spec).isPresent()) {
      Collection<String> written = template == ChatTemplate.MODEL ? sft.modelTemplate().check() : template.specialTokens();
      List<String> lacking = written.stream().filter(t -> !tokenizer.isSingleToken(t)).toList();
      if (!lacking.isEmpty()) {
        throw new UsageException(ExitCodes.BAD_OPTIONS, "--chatTemplate=" + template.name().toLowerCase(java.util.Locale.ROOT)
            + " writes " + String.join(", ", lacking) + ", which the tokenizer " + spec
            + " does not have as single tokens: pick the template of the model the tokenizer belongs to");
      }
    }
    return tokenizer;
  }

  private static TextTokenizer tokenizer(String spec) {
    try {
      return Tokenizers.get(spec);
    } catch (Tokenizers.TokenizerFileException e) {
      throw new UsageException(ExitCodes.BAD_INPUT, "--tokenizer: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, e.getMessage());
    }
  }
}
