package dev.tracecurator.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** A tiktoken encoding, counted as {@code enc.encode(s, disallowed_special=())} counts. */
final class TiktokenTokenizer extends TextTokenizer {
  private final Encoding encoding;

  TiktokenTokenizer(EncodingType type) {
    super(type.getName());
    this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
  }

  @Override
  int countWellFormed(String text) {
    return encoding.countTokensOrdinary(text);
  }

  @Override
  public boolean isSingleToken(String token) {
    return false;
  }
}
