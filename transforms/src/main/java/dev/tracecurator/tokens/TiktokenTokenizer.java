package dev.tracecurator.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** A tiktoken encoding, counted as {@code enc.encode(s, disallowed_special=())} counts. */
final class TiktokenTokenizer extends TextTokenizer {
  private final EncodingType type;
  private final Encoding encoding;

  TiktokenTokenizer(EncodingType type) {
    super(type.getName());
    this.type = type;
    this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
  }

  @Override
  int countWellFormed(String text) {
    return encoding.countTokensOrdinary(text);
  }

  @Override
  boolean isCertainCut(CharSequence text, int at) {
    return TiktokenCuts.isCertainCut(type, text, at);
  }

  @Override
  public boolean isSingleToken(String token) {
    return false;
  }
}
