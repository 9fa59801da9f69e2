package dev.tracecurator.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/** An explicit, deterministic encoding of {@link SummaryAccumulator}: sorted tallies, sorted value counts. */
public final class SummaryAccumulatorCoder extends CustomCoder<SummaryAccumulator> {
  private static final SummaryAccumulatorCoder INSTANCE = new SummaryAccumulatorCoder();
  private static final StringUtf8Coder STRINGS = StringUtf8Coder.of();

  public static SummaryAccumulatorCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SummaryAccumulator acc, OutputStream out) throws IOException {
    VarInt.encode(acc.total, out);
    VarInt.encode(acc.trajectoryErrors, out);
    VarInt.encode(acc.rejected, out);
    for (Tally tally : acc.tallies()) {
      VarInt.encode(tally.asMap().size(), out);
      for (Map.Entry<String, Long> e : tally.asMap().entrySet()) {
        STRINGS.encode(e.getKey(), out);
        VarInt.encode(e.getValue(), out);
      }
    }
    DataOutputStream data = new DataOutputStream(out);
    for (String column : SummaryAccumulator.ALL_COLUMNS) {
      Map<Long, Long> counts = acc.distribution(column).asMap();
      VarInt.encode(counts.size(), out);
      for (Map.Entry<Long, Long> e : counts.entrySet()) {
        data.writeLong(e.getKey());
        data.flush();
        VarInt.encode(e.getValue(), out);
      }
    }
    VarInt.encode(acc.scatter.points().size(), out);
    for (Map.Entry<Long, long[]> e : acc.scatter.points().entrySet()) {
      data.writeLong(e.getKey());
      data.flush();
      for (long v : e.getValue()) {
        VarInt.encode(v, out);
      }
    }
  }

  @Override
  public SummaryAccumulator decode(InputStream in) throws IOException {
    SummaryAccumulator acc = new SummaryAccumulator();
    acc.total = VarInt.decodeLong(in);
    acc.trajectoryErrors = VarInt.decodeLong(in);
    acc.rejected = VarInt.decodeLong(in);
    List<Tally> tallies = acc.tallies();
    for (Tally tally : tallies) {
      int size = VarInt.decodeInt(in);
      for (int i = 0; i < size; i++) {
        tally.add(STRINGS.decode(in), VarInt.decodeLong(in));
      }
    }
    DataInputStream data = new DataInputStream(in);
    for (String column : SummaryAccumulator.ALL_COLUMNS) {
      int size = VarInt.decodeInt(in);
      ValueCounts counts = acc.distribution(column);
      for (int i = 0; i < size; i++) {
        long value = data.readLong();
        counts.add(value, VarInt.decodeLong(in));
      }
    }
    int points = VarInt.decodeInt(in);
    for (int i = 0; i < points; i++) {
      long hash = data.readLong();
      acc.scatter.put(hash, new long[] {VarInt.decodeLong(in), VarInt.decodeLong(in), VarInt.decodeLong(in)});
    }
    return acc;
  }

  @Override
  public void verifyDeterministic() {
    // Tallies and value counts are sorted maps, written in key order.
  }
}
