package dev.tracecurator.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts {@code cl100k_base} tokens as tiktoken's {@code enc.encode(s, disallowed_special=())}
 * does: text that looks like a special token ({@code <|endoftext|>}) is encoded as ordinary text.
 */
public final class TokenCounter {
  private TokenCounter() {}

  /** Loading the BPE ranks takes ~100 ms; one immutable, thread-safe encoding per JVM. */
  private static final class Cl100k {
    static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }

  public static int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return Cl100k.ENCODING.countTokensOrdinary(text);
  }
}
