package dev.tracecurator.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.errors.InvalidRecordException;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class RowParserTest {
  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void rowsUpToTheLimitParseAndDeeperOnesAreRejectedSayingHowDeep() {
    RowParser parser = new RowParser(5);
    assertEquals(5, depthOf(parser.parse(nested(5))));
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(nested(6)));
    assertTrue(e.getMessage().contains("Depth (6) exceeds the maximum allowed nesting depth (5)"), e.getMessage());
  }

  @Test
  void theDefaultLimitStopsTenThousandLevelsWithoutExhaustingTheStack() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> RowParser.withDefaults().parse(nested(10_000)));
    assertTrue(e.getMessage().contains("(2000)"), e.getMessage());
  }

  @Test
  void theLimitSurvivesSerialisationToAWorker() {
    RowParser copy = SerializableUtils.clone(new RowParser(3));
    assertEquals(3, copy.maxNestingDepth());
    assertThrows(InvalidRecordException.class, () -> copy.parse(nested(4)));
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RowParser(0));
  }

  private static int depthOf(com.fasterxml.jackson.databind.JsonNode node) {
    int depth = 0;
    while (node != null && node.isContainerNode()) {
      depth++;
      node = node.size() == 0 ? null : node.get(0);
    }
    return depth;
  }
}
