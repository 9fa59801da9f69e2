package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.coders.PackedTrajectoryCoder;
import dev.tracecurator.testing.Rows;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class PackedTrajectoryTest {
  private static final AnalysisRow ROW = new AnalysisRow("i", "r", "python", "MIT", 1, "openhands", "m", 4, 1, 1, 1, 1, 1, 2, 0, 2,
      100, null, null, null, true, true, "t", 1, Map.of("bash", 1), Map.of("py", 1), "kept", 90, Rows.NO_SCORE, null, "f.jsonl", 7, 60, null, null);

  @Test
  void unpacksToTheSameExampleThroughItsCoder() throws Exception {
    String sft = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "fix the bug – naïve 😀 ".repeat(5_000) + "\"}]}";
    AnalysedTrajectory kept = new AnalysedTrajectory(ROW, sft, "hash");
    PackedTrajectory packed = PackedTrajectory.pack(kept);
    assertTrue(packed.deflatedSftJson().length * 10 < sft.length(), packed.deflatedSftJson().length + " bytes");
    PackedTrajectory decoded = CoderUtils.clone(PackedTrajectoryCoder.of(), packed);
    assertEquals(kept, decoded.unpack());
    CoderProperties.coderSerializable(PackedTrajectoryCoder.of());
  }

  @Test
  void aFilteredRowDropsItsExample() {
    AnalysedTrajectory filtered = PackedTrajectory.pack(new AnalysedTrajectory(ROW, "{}", "hash")).filteredAs("duplicate");
    assertEquals("duplicate", filtered.row().sftStatus());
    assertNull(filtered.sftJson());
    assertNull(filtered.contentHash());
  }
}
