package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A kept trajectory on its way to the decision of the cross-trajectory rules, its SFT example
 * deflated (JSON of a trajectory shrinks four to ten times). Every kept row crosses that shuffle
 * and waits there for the decision, and most are filtered without their example ever being read
 * again; a runner that holds a shuffle in memory (the DirectRunner) holds a fraction of the bytes.
 */
public record PackedTrajectory(AnalysisRow row, byte[] deflatedSftJson, String contentHash) {

  public static PackedTrajectory pack(AnalysedTrajectory a) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(a.sftJson().getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 << 10];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return new PackedTrajectory(a.row(), out.toByteArray(), a.contentHash());
    } finally {
      deflater.end();
    }
  }

  /** The trajectory as it was packed. */
  public AnalysedTrajectory unpack() {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflatedSftJson);
      ByteArrayOutputStream out = new ByteArrayOutputStream(deflatedSftJson.length * 4);
      byte[] buffer = new byte[64 << 10];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("a packed SFT example of " + row.sourceFile() + ":" + row.sourceLine() + " is cut short");
        }
        out.write(buffer, 0, n);
      }
      return new AnalysedTrajectory(row, out.toString(StandardCharsets.UTF_8), contentHash);
    } catch (DataFormatException e) {
      throw new IllegalStateException("a packed SFT example of " + row.sourceFile() + ":" + row.sourceLine() + " is corrupt", e);
    } finally {
      inflater.end();
    }
  }

  /** Filtered by a rule that compares trajectories: the example is dropped unread, the row says why. */
  public AnalysedTrajectory filteredAs(String status) {
    return new AnalysedTrajectory(row.withSftStatus(status), null, null);
  }
}
