package dev.tracecurator.tokens;

/**
 * A tokenizer that counts: tiktoken's encodings through jtokkit, or a Hugging Face
 * {@code tokenizer.json} through the Rust tokenizers library. Thread-safe; obtained from
 * {@link Tokenizers#get}, which loads each one once per JVM.
 */
public abstract class TextTokenizer {
  private final String name;

  TextTokenizer(String name) {
    this.name = name;
  }

  /** What reports and summaries call it: {@code cl100k_base}, or the spec of a tokenizer.json. */
  public final String name() {
    return name;
  }

  /**
   * Tokens of {@code text} as a trainer feeds it: no BOS or EOS added, special tokens written in
   * the text (a chat template's {@code <|im_start|>}) counted as the model counts them, one each. A
   * tiktoken encoding has none of a chat template's tokens and counts such text as ordinary text,
   * as the tutorial does. A lone UTF-16 surrogate counts as U+FFFD.
   */
  public final int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return countAny(text);
  }

  /** Tokens of a non-empty text in which a lone surrogate counts as U+FFFD. */
  int countAny(String text) {
    return countWellFormed(TokenCounter.withLoneSurrogatesReplaced(text));
  }

  /** Tokens of a non-empty text without lone surrogates. */
  abstract int countWellFormed(String text);

  /**
   * Whether the tokens of every text holding {@code text}'s two characters around {@code at} are
   * the tokens of its part before {@code at} plus those of its part from {@code at}. The ends of a
   * text always qualify. False where that cannot be proven, as for a tokenizer.json, whose
   * pre-tokenizer and normaliser are data: {@link TokenTally} then counts whole texts.
   */
  boolean isCertainCut(CharSequence text, int at) {
    return at == 0 || at == text.length();
  }

  /** Whether {@code token} is one token of this tokenizer's own (a chat template needs its markers to be). */
  public abstract boolean isSingleToken(String token);
}
