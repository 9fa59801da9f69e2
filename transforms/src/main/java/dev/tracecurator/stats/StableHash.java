package dev.tracecurator.stats;

import java.nio.charset.StandardCharsets;

/** FNV-1a, 64 bit: the same value on every JVM and run, for choosing deterministic samples. */
public final class StableHash {
  private StableHash() {}

  public static long of(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * FNV-1a with MurmurHash3's 64-bit finaliser, so every bit depends on every byte: FNV-1a alone
   * leaves the high bits of short, similar keys (inst-1, inst-2) nearly equal, which skews a split.
   */
  public static long mixed(String text) {
    long h = of(text);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
