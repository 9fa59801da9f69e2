package dev.tracecurator.coders;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.model.DeflatedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * An analysed trajectory as its table row (JSON, small) and its SFT example's deflated bytes as
 * they are: writing the example as a string inside JSON would escape and unescape every quote and
 * newline of a trajectory at each shuffle, and inflating it for the shuffle would ship four to ten
 * times the bytes.
 */
public final class AnalysedTrajectoryCoder extends CustomCoder<AnalysedTrajectory> {
  private static final JsonRecordCoder<AnalysisRow> ROW = JsonRecordCoder.of(AnalysisRow.class);
  private static final NullableCoder<String> TEXT = NullableCoder.of(StringUtf8Coder.of());
  private static final NullableCoder<byte[]> BYTES = NullableCoder.of(ByteArrayCoder.of());
  private static final NullableCoder<int[]> SIGNATURE = NullableCoder.of(SignatureCoder.of());

  public static AnalysedTrajectoryCoder of() {
    return new AnalysedTrajectoryCoder();
  }

  @Override
  public void encode(AnalysedTrajectory value, OutputStream out) throws IOException {
    ROW.encode(value.row(), out);
    BYTES.encode(value.sftExample() == null ? null : value.sftExample().bytes(), out);
    TEXT.encode(value.contentHash(), out);
    SIGNATURE.encode(value.nearDupSignature(), out);
  }

  @Override
  public AnalysedTrajectory decode(InputStream in) throws IOException {
    AnalysisRow row = ROW.decode(in);
    byte[] example = BYTES.decode(in);
    return new AnalysedTrajectory(row, example == null ? null : new DeflatedText(example), TEXT.decode(in), SIGNATURE.decode(in));
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
