package dev.tracecurator.coders;

import dev.tracecurator.dedup.RepresentativeOffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A representative's row id and signature. */
public final class RepresentativeOfferCoder extends AtomicCoder<RepresentativeOffer> {
  private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
  private static final SignatureCoder SIGNATURE = SignatureCoder.of();

  public static RepresentativeOfferCoder of() {
    return new RepresentativeOfferCoder();
  }

  @Override
  public void encode(RepresentativeOffer offer, OutputStream out) throws IOException {
    TEXT.encode(offer.representative(), out);
    SIGNATURE.encode(offer.signature(), out);
  }

  @Override
  public RepresentativeOffer decode(InputStream in) throws IOException {
    return new RepresentativeOffer(TEXT.decode(in), SIGNATURE.decode(in));
  }
}
