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
}
