package dev.tracecurator.coders;

import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.sft.PackedTrajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A packed trajectory: its table row as JSON, its deflated SFT example as bytes, its content hash. */
public final class PackedTrajectoryCoder extends CustomCoder<PackedTrajectory> {
  private static final JsonRecordCoder<AnalysisRow> ROW = JsonRecordCoder.of(AnalysisRow.class);
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();
  private static final NullableCoder<String> TEXT = NullableCoder.of(StringUtf8Coder.of());

  public static PackedTrajectoryCoder of() {
    return new PackedTrajectoryCoder();
  }

  @Override
  public void encode(PackedTrajectory value, OutputStream out) throws IOException {
    ROW.encode(value.row(), out);
    BYTES.encode(value.deflatedSftJson(), out);
    TEXT.encode(value.contentHash(), out);
  }

  @Override
  public PackedTrajectory decode(InputStream in) throws IOException {
    return new PackedTrajectory(ROW.decode(in), BYTES.decode(in), TEXT.decode(in));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PackedTrajectoryCoder;
  }

  @Override
  public int hashCode() {
    return PackedTrajectoryCoder.class.hashCode();
  }
}
