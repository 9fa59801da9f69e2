package dev.tracecurator.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts {@code cl100k_base} tokens as tiktoken's {@code enc.encode(s, disallowed_special=())}
 * does: text that looks like a special token ({@code <|endoftext|>}) is encoded as ordinary text,
 * and a lone UTF-16 surrogate (a JSON escape may carry one) counts as U+FFFD, as tiktoken
 * replaces it; jtokkit itself fails on one.
 */
public final class TokenCounter {
  private TokenCounter() {}

  /** Loading the BPE ranks takes ~100 ms; one immutable, thread-safe encoding per JVM. */
  private static final class Cl100k {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }

  public static int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return Cl100k.ENCODING.countTokensOrdinary(withLoneSurrogatesReplaced(text));
  }

  /** The text itself unless it holds a surrogate without its partner; then a copy with U+FFFD for each. */
  public static String withLoneSurrogatesReplaced(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return replaceFrom(text, i);
        }
      }
    }
    return text;
  }

  private static String replaceFrom(String text, int first) {
    StringBuilder fixed = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        fixed.append(c).append(text.charAt(++i));
      } else {
        fixed.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return fixed.toString();
  }
}
