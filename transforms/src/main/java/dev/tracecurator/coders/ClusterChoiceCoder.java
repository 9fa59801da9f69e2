package dev.tracecurator.coders;

import dev.tracecurator.sft.ClusterChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A cluster's best candidate so far (null before the first) and its size. */
public final class ClusterChoiceCoder extends AtomicCoder<ClusterChoice> {
  private static final NullableCoder<dev.tracecurator.sft.SftCandidate> BEST = NullableCoder.of(SftCandidateCoder.of());
  private static final VarLongCoder SIZE = VarLongCoder.of();

  public static ClusterChoiceCoder of() {
    return new ClusterChoiceCoder();
  }

  @Override
  public void encode(ClusterChoice choice, OutputStream out) throws IOException {
    BEST.encode(choice.best(), out);
    SIZE.encode(choice.size(), out);
  }

  @Override
  public ClusterChoice decode(InputStream in) throws IOException {
    return new ClusterChoice(BEST.decode(in), SIZE.decode(in));
  }
}
