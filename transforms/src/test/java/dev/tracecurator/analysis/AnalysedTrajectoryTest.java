package dev.tracecurator.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.coders.AnalysedTrajectoryCoder;
import dev.tracecurator.testing.Rows;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class AnalysedTrajectoryTest {
  private static final AnalysisRow ROW = new AnalysisRow("i", "r", "python", "MIT", 1, "openhands", "m", 4, 1, 1, 1, 1, 1, 2, 0, 2,
      100, null, null, null, true, true, "t", 1, Map.of("bash", 1), Map.of("py", 1), "kept", 90, Rows.NO_SCORE, null, "f.jsonl", 7, 60, null, null, null, null);

  @Test
  void keepsItsExampleDeflatedAndGivesItBackThroughItsCoder() throws Exception {
    String sft = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "fix the bug – naïve 😀 \\n".repeat(5_000) + "\"}]}";
    AnalysedTrajectory kept = AnalysedTrajectory.of(ROW, sft, "hash");
    assertTrue(kept.sftExample().bytes().length * 10 < sft.length(), kept.sftExample().bytes().length + " bytes");
    AnalysedTrajectory decoded = CoderUtils.clone(AnalysedTrajectoryCoder.of(), kept);
    assertEquals(kept, decoded);
    assertEquals(sft, decoded.sftJson());
    CoderProperties.coderSerializable(AnalysedTrajectoryCoder.of());
    CoderProperties.coderDecodeEncodeEqual(AnalysedTrajectoryCoder.of(), kept);
  }

  @Test
  void aFilteredRowDropsItsExample() {
    AnalysedTrajectory filtered = AnalysedTrajectory.of(ROW, "{}", "hash").filteredAs("duplicate");
    assertEquals("duplicate", filtered.row().sftStatus());
    assertFalse(filtered.kept());
    assertNull(filtered.sftJson());
    assertNull(filtered.contentHash());
  }

  @Test
  void anEmptyExampleIsKeptToo() {
    assertEquals("", AnalysedTrajectory.of(ROW, "", null).sftJson());
  }
}
