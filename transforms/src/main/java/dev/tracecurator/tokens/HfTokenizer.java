package dev.tracecurator.tokens;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json}, run by the Rust tokenizers library through DJL. Encodes as
 * {@code tokenizer(text, add_special_tokens=False)} does, which is how transformers tokenizes a
 * rendered chat template: added tokens in the text ({@code <|im_start|>}) match whole, one token
 * each, and nothing is prepended, truncated or padded.
 */
final class HfTokenizer extends TextTokenizer {
  static {
    // Nothing may be downloaded at run time: offline mode makes DJL take the CPU library its jar
    // carries (never a CUDA build from its site) and skips its telemetry call.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  private final HuggingFaceTokenizer tokenizer;

  private HfTokenizer(String name, HuggingFaceTokenizer tokenizer) {
    super(name);
    this.tokenizer = tokenizer;
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a tokenizer.json the library accepts
   */
  static HfTokenizer fromJson(String name, byte[] tokenizerJson) {
    Map<String, String> options = Map.of(
        "addSpecialTokens", "false", "truncation", "false", "padding", "false", "modelMaxLength", String.valueOf(Integer.MAX_VALUE));
    try {
      return new HfTokenizer(name, HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options));
    } catch (IOException | RuntimeException e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
      throw new IllegalArgumentException("not a tokenizer.json the Hugging Face tokenizers library reads: " + message, e);
    }
  }

  @Override
  int countWellFormed(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public boolean isSingleToken(String token) {
    return tokenizer.encode(token, false, false).getIds().length == 1;
  }
}
