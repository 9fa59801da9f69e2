package dev.tracecurator.sft;

import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.TokenTally;

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
    return count(SpannedText.plain(text), markersOf(template), new TokenTally(tokenizer));
  }

  public static int count(String text, TurnMarkers markers, TextTokenizer tokenizer) {
    return count(SpannedText.plain(text), markers, new TokenTally(tokenizer));
  }

  /** As {@link #count(String, ChatTemplate, TextTokenizer)}, counting the messages' texts as the tally has. */
  public static int count(SpannedText rendered, ChatTemplate template, TokenTally tally) {
    return count(rendered, markersOf(template), tally);
  }

  private static TurnMarkers markersOf(ChatTemplate template) {
    return switch (template) {
      case CHATML, QWEN3 -> TurnMarkers.CHATML;
      case LLAMA3 -> TurnMarkers.LLAMA3;
      case MODEL -> throw new IllegalArgumentException("a model's template has its own markers: ModelTemplate.turnMarkers()");
    };
  }

  private static int count(SpannedText rendered, TurnMarkers markers, TokenTally tally) {
    String text = rendered.text();
    String header = markers.header();
    String end = markers.end();
    int total = 0;
    for (int at = text.indexOf(header); at >= 0; at = text.indexOf(header, at)) {
      int start = at + header.length();
      int stop = text.indexOf(end, start);
      int turnEnd = stop < 0 ? text.length() : stop + end.length();
      total += tally.count(rendered, start, turnEnd);
      at = turnEnd;
    }
    return total;
  }
}
