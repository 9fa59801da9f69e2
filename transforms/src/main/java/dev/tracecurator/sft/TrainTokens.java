package dev.tracecurator.sft;

import dev.tracecurator.tokens.TextTokenizer;

/**
 * Tokens that carry loss in a rendered text: every assistant turn ({@link TrainFlags}) from the
 * end of its role header through its end-of-turn token ({@code <|im_end|>}, {@code <|eot_id|>}),
 * which is what TRL's assistant-only loss and LLaMA-Factory train on. A template's markers are
 * special tokens of the model, which split the text before BPE runs, so counting each turn on its
 * own gives the turn's tokens in the whole text (with a tiktoken encoding, which has no such
 * tokens, it is a close estimate).
 */
public final class TrainTokens {
  private TrainTokens() {}

  public static int count(String text, ChatTemplate template, TextTokenizer tokenizer) {
    return count(text, switch (template) {
      case CHATML, QWEN3 -> TurnMarkers.CHATML;
      case LLAMA3 -> TurnMarkers.LLAMA3;
      case MODEL -> throw new IllegalArgumentException("a model's template has its own markers: ModelTemplate.turnMarkers()");
    }, tokenizer);
  }

  public static int count(String text, TurnMarkers markers, TextTokenizer tokenizer) {
    String header = markers.header();
    String end = markers.end();
    int total = 0;
    for (int at = text.indexOf(header); at >= 0; at = text.indexOf(header, at)) {
      int start = at + header.length();
      int stop = text.indexOf(end, start);
      int turnEnd = stop < 0 ? text.length() : stop + end.length();
      total += tokenizer.count(text.substring(start, turnEnd));
      at = turnEnd;
    }
    return total;
  }
}
