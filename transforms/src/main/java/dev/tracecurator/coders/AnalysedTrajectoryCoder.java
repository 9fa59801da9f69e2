package dev.tracecurator.coders;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * An analysed trajectory as its table row (JSON, small) and its SFT example as plain UTF-8: the
 * example is already JSON, and writing it as a string inside JSON would escape and unescape every
 * quote and newline of a trajectory at each shuffle.
 */
public final class AnalysedTrajectoryCoder extends CustomCoder<AnalysedTrajectory> {
  private static final JsonRecordCoder<AnalysisRow> ROW = JsonRecordCoder.of(AnalysisRow.class);
  private static final NullableCoder<String> TEXT = NullableCoder.of(StringUtf8Coder.of());
  private static final NullableCoder<int[]> SIGNATURE = NullableCoder.of(SignatureCoder.of());

  public static AnalysedTrajectoryCoder of() {
    return new AnalysedTrajectoryCoder();
  }

  @Override
  public void encode(AnalysedTrajectory value, OutputStream out) throws IOException {
    ROW.encode(value.row(), out);
    TEXT.encode(value.sftJson(), out);
    TEXT.encode(value.contentHash(), out);
    SIGNATURE.encode(value.nearDupSignature(), out);
  }

  @Override
  public AnalysedTrajectory decode(InputStream in) throws IOException {
    return new AnalysedTrajectory(ROW.decode(in), TEXT.decode(in), TEXT.decode(in), SIGNATURE.decode(in));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnalysedTrajectoryCoder;
  }

  @Override
  public int hashCode() {
    return AnalysedTrajectoryCoder.class.hashCode();
  }
}
