package com.knuddels.jtokkit;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Arrays;

/**
 * jtokkit's byte-pair encoder for one pre-tokenised piece, which jtokkit keeps package-private;
 * {@code dev.tracecurator.tokens.Cl100kCounter} hands it the very long pieces, for which jtokkit has
 * a path that does not take quadratic time. Our class: it lives in jtokkit's package only to reach
 * that method, and changes nothing of jtokkit.
 */
public final class PieceEncoder {
  private PieceEncoder() {}

  /** The tokens of {@code bytes[0, length)}, one piece, by {@code encoding}'s encoder. */
  public static int count(Encoding encoding, byte[] bytes, int length) {
    byte[] piece = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    return ((GptBytePairEncoding) encoding).encoder.addTokensAndGetCount(
        Integer.MAX_VALUE, false, piece, new IntArrayList(), new IntArrayList());
  }
}
