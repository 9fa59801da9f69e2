package dev.tracecurator.report;

import java.io.Serializable;
import dev.tracecurator.stats.StableHash;
import java.util.Comparator;

/**
 * Orders SFT rows so that the report's example is the same on every run and runner: the row whose
 * opening (which names its instance and trajectory) hashes lowest (FNV-1a, 64 bit), ties broken by
 * the text itself. Only the opening is hashed: rows are hundreds of KB and compared once each.
 */
public final class ExampleChooser implements Comparator<String>, Serializable {
  static final int KEY_CHARS = 512;

  @Override
  public int compare(String a, String b) {
    // Top.of keeps the largest: invert so the lowest hash wins.
    int byHash = Long.compare(key(b), key(a));
    return byHash != 0 ? byHash : b.compareTo(a);
  }

  private static long key(String row) {
    return StableHash.of(row.length() <= KEY_CHARS ? row : row.substring(0, KEY_CHARS));
  }
}
