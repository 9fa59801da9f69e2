package dev.tracecurator.stats;

import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.coders.JsonRecordCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/** One tag byte (row, rejected, nothing), then the row when there is one. */
public final class StatisticsInputCoder extends CustomCoder<StatisticsInput> {
  private static final StatisticsInputCoder INSTANCE = new StatisticsInputCoder();
  private static final JsonRecordCoder<AnalysisRow> ROWS = JsonRecordCoder.of(AnalysisRow.class);
  private static final int ROW = 0;
  private static final int REJECTED = 1;
  private static final int NOTHING = 2;

  public static StatisticsInputCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StatisticsInput input, OutputStream out) throws IOException {
    if (input.row() != null) {
      out.write(ROW);
      ROWS.encode(input.row(), out);
    } else {
      out.write(input.rejected() ? REJECTED : NOTHING);
    }
  }

  @Override
  public StatisticsInput decode(InputStream in) throws IOException {
    int tag = in.read();
    return switch (tag) {
      case ROW -> StatisticsInput.of(ROWS.decode(in));
      case REJECTED -> StatisticsInput.oneRejected();
      case NOTHING -> StatisticsInput.nothing();
      default -> throw new CoderException("unknown statistics input tag " + tag);
    };
  }
}
