package dev.tracecurator.io;

/**
 * How long the stretches are that big JSON Lines files are cut into. A stretch goes to a worker by
 * the hash of a random key (Flink's and Beam's reshuffle), not to whichever is free, so a run's
 * workers end unevenly by up to a few stretches: with 8 stretches over 2 workers one of them
 * often does 5 or 6 while the other idles. Small inputs are therefore cut finer, into at least
 * {@value #AT_LEAST} stretches when each can still hold {@value #SMALLEST_MIB} MiB; big inputs keep
 * the largest size asked for, so remote files are not opened more often than that asks.
 */
public final class StretchSize {
  static final int AT_LEAST = 32;
  static final int SMALLEST_MIB = 1;
  private static final long SMALLEST = (long) SMALLEST_MIB << 20;

  private StretchSize() {}

  /**
   * The stretch length for an input of {@code inputBytes} (negative: unknown) when stretches may be
   * at most {@code largest} bytes long ({@code 0}: files are read whole, and stay so).
   */
  public static long forInput(long largest, long inputBytes) {
    if (largest <= 0 || inputBytes < 0) {
      return largest;
    }
    return Math.min(largest, Math.max(SMALLEST, inputBytes / AT_LEAST));
  }
}
