package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.Tokenizers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The chat template of the {@code --tokenizer}'s model: the {@code chat_template} of the
 * {@code tokenizer_config.json} beside its {@code tokenizer.json} (same folder, same hf:// repo).
 * It is a string, or a list of {@code {"name", "template"}} from which {@code default} and
 * {@code tool_use} are taken, as transformers takes them.
 */
public final class ModelTemplates {
  /** The special tokens transformers hands a chat template by name (its special_tokens_map). */
  private static final String[] TOKEN_FIELDS = {"bos_token", "eos_token", "unk_token", "pad_token"};

  private ModelTemplates() {}

  /**
   * @throws IllegalArgumentException for a tokenizer without a config file (a tiktoken encoding)
   * @throws Tokenizers.TokenizerFileException for a config that is missing, unreadable, malformed or has no chat_template
   */
  public static ModelTemplate load(String tokenizerSpec) {
    String tokenizerJson = Tokenizers.tokenizerJson(tokenizerSpec).orElseThrow(() -> new IllegalArgumentException(
        "--chatTemplate=model needs --tokenizer to name a model's tokenizer.json (its folder or hf://OWNER/NAME), not "
            + tokenizerSpec));
    String file = tokenizerJson.substring(0, tokenizerJson.lastIndexOf('/') + 1) + "tokenizer_config.json";
    JsonNode config;
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false)))) {
      config = Json.STRICT.readTree(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      throw new Tokenizers.TokenizerFileException("--chatTemplate=model cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")), e);
    }
    return parse(file, config);
  }

  static ModelTemplate parse(String file, JsonNode config) {
    JsonNode template = config == null ? null : config.get("chat_template");
    String source = null;
    String toolUse = null;
    if (template != null && template.isTextual()) {
      source = template.textValue();
    } else if (template != null && template.isArray()) {
      for (JsonNode named : template) {
        String name = named.path("name").asText("");
        if (name.equals("default")) {
          source = named.path("template").textValue();
        } else if (name.equals("tool_use")) {
          toolUse = named.path("template").textValue();
        }
      }
      if (source == null) {
        // transformers asks for a name then; a run has no one to ask.
        throw new Tokenizers.TokenizerFileException("--chatTemplate=model: " + file + " has named chat templates but none named "
            + "default", null);
      }
    }
    if (source == null) {
      throw new Tokenizers.TokenizerFileException("--chatTemplate=model: " + file + " has no chat_template", null);
    }
    Map<String, String> variables = new HashMap<>();
    for (String field : TOKEN_FIELDS) {
      JsonNode token = config.get(field);
      String text = token == null ? null : token.isTextual() ? token.textValue() : token.path("content").textValue();
      if (text != null) {
        variables.put(field, text);
      }
    }
    return new ModelTemplate(file, source, toolUse, variables);
  }
}
