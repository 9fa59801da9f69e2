package dev.tracecurator.sft;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Where an assistant turn's trained tokens start (the end of its role header) and end (its
 * end-of-turn token), as {@link TrainTokens} counts them.
 */
public record TurnMarkers(String header, String end) implements Serializable {
  public static final TurnMarkers CHATML = new TurnMarkers("<|im_start|>assistant\n", "<|im_end|>");
  public static final TurnMarkers LLAMA3 = new TurnMarkers("<|start_header_id|>assistant<|end_header_id|>\n\n", "<|eot_id|>");
  public static final TurnMarkers PHI3 = new TurnMarkers("<|assistant|>\n", "<|end|>");

  /** The families whose markers a model's template is recognised by. */
  private static final List<TurnMarkers> KNOWN = List.of(CHATML, LLAMA3, PHI3);

  /**
   * The known markers around {@code answer} in a rendered probe conversation: a header before it
   * (Qwen3 puts an empty think block between) and the end token right after it. Empty for a template of another family, whose
   * {@code train_tokens} is then left empty rather than guessed.
   */
  static Optional<TurnMarkers> around(String rendered, String answer) {
    int at = rendered.indexOf(answer);
    if (at < 0) {
      return Optional.empty();
    }
    String before = rendered.substring(0, at);
    String after = rendered.substring(at + answer.length());
    return KNOWN.stream().filter(m -> before.contains(m.header()) && after.startsWith(m.end())).findFirst();
  }
}
