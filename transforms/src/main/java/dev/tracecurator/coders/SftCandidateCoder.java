package dev.tracecurator.coders;

import dev.tracecurator.sft.SftCandidate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * A candidate field by field. Deterministic: the score is written as its IEEE bits, so equal
 * candidates encode to equal bytes and it can be part of a combine's accumulator.
 */
public final class SftCandidateCoder extends CustomCoder<SftCandidate> {
  private static final NullableCoder<String> TEXT = NullableCoder.of(StringUtf8Coder.of());
  private static final BigEndianLongCoder LONG = BigEndianLongCoder.of();
  private static final NullableCoder<int[]> SIGNATURE = NullableCoder.of(SignatureCoder.of());

  public static SftCandidateCoder of() {
    return new SftCandidateCoder();
  }

  @Override
  public void encode(SftCandidate c, OutputStream out) throws IOException {
    LONG.encode(Double.doubleToLongBits(c.quality()), out);
    TEXT.encode(c.trajectoryId(), out);
    TEXT.encode(c.sourceFile(), out);
    LONG.encode(c.sourceLine(), out);
    TEXT.encode(c.contentHash(), out);
    TEXT.encode(c.instanceKey(), out);
    SIGNATURE.encode(c.signature(), out);
  }

  @Override
  public SftCandidate decode(InputStream in) throws IOException {
    return new SftCandidate(Double.longBitsToDouble(LONG.decode(in)), TEXT.decode(in), TEXT.decode(in), LONG.decode(in),
        TEXT.decode(in), TEXT.decode(in), SIGNATURE.decode(in));
  }

  @Override
  public void verifyDeterministic() {
    // Every field is written by a deterministic coder, the double as its bits.
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SftCandidateCoder;
  }

  @Override
  public int hashCode() {
    return SftCandidateCoder.class.hashCode();
  }
}
