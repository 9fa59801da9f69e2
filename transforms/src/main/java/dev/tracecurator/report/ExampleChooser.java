package dev.tracecurator.report;

import java.io.Serializable;
import dev.tracecurator.stats.StableHash;
import java.util.Comparator;

/**
 * Orders SFT rows so that the report's example is the same on every run and runner: the row whose
 * text hashes lowest (FNV-1a, 64 bit), ties broken by the text itself.
 */
public final class ExampleChooser implements Comparator<String>, Serializable {
  @Override
  public int compare(String a, String b) {
    // Top.of keeps the largest: invert so the lowest hash wins.
    int byHash = Long.compare(StableHash.of(b), StableHash.of(a));
    return byHash != 0 ? byHash : b.compareTo(a);
  }
}
