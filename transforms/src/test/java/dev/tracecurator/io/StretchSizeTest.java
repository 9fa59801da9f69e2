package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StretchSizeTest {
  private static final long MIB = 1L << 20;

  @Test
  void aSmallInputIsCutIntoAtLeast32StretchesOfAtLeastOneMebibyte() {
    assertEquals(53_000_000L / 32, StretchSize.forInput(8 * MIB, 53_000_000L));  // bench's 500 rows: 32 stretches, not 8
    assertEquals(MIB, StretchSize.forInput(8 * MIB, 10 * MIB));                  // 10 stretches of 1 MiB, not 2
    assertEquals(MIB, StretchSize.forInput(8 * MIB, 1000));
  }

  @Test
  void aBigInputKeepsTheLargestSizeAskedFor() {
    assertEquals(8 * MIB, StretchSize.forInput(8 * MIB, 430_000_000L));
    assertEquals(8 * MIB, StretchSize.forInput(8 * MIB, 43L << 30));
  }

  @Test
  void aSmallerSizeAskedForWinsAndZeroStillMeansWholeFiles() {
    assertEquals(4096, StretchSize.forInput(4096, 53_000_000L));
    assertEquals(0, StretchSize.forInput(0, 53_000_000L));
  }

  @Test
  void anUnknownInputSizeKeepsTheLargestSize() {
    assertEquals(8 * MIB, StretchSize.forInput(8 * MIB, -1));
  }
}
