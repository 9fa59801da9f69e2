package dev.tracecurator.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A tiktoken encoding's byte-pair ranks in flat arrays: every token's bytes in one pool and an
 * open-addressing table of int slots, so that a rank lookup of {@code bytes[from, to)} hashes the
 * range in place and compares it with one pooled token, allocating nothing. jtokkit's own map
 * (a {@code HashMap} per token length, keyed by a fresh byte-array wrapper per lookup) spent half
 * of a row's time in those lookups and their cache misses (JFR, the bench's domain loop).
 */
final class BpeRanks {
  static final int ABSENT = Integer.MAX_VALUE;

  /** Tokens of up to 8 bytes (nearly all of them) by their bytes packed in a long: one compare per probe. */
  private static final int SHORT = 8;

  private final long[] shortKeys;
  private final byte[] shortLengths;  // 0 for an empty slot
  private final int[] shortRanks;
  private final int shortMask;

  private final byte[] pool;  // the longer tokens' bytes, one after another
  private final int[] offsets;
  private final int[] ranks;
  private final int[] slots;  // entry + 1, or 0 for an empty slot
  private final int[] slotHashes;
  private final int mask;

  private BpeRanks(byte[] allBytes, int[] allOffsets, int[] allRanks) {
    int entries = allRanks.length;
    int shortCount = 0;
    for (int e = 0; e < entries; e++) {
      shortCount += allOffsets[e + 1] - allOffsets[e] <= SHORT ? 1 : 0;
    }
    int shortCapacity = Integer.highestOneBit(Math.max(16, shortCount * 2)) << 1;
    shortKeys = new long[shortCapacity];
    shortLengths = new byte[shortCapacity];
    shortRanks = new int[shortCapacity];
    shortMask = shortCapacity - 1;

    int longCount = entries - shortCount;
    byte[] longBytes = new byte[allBytes.length];
    int[] longOffsets = new int[longCount + 1];
    int[] longRanks = new int[longCount];
    int used = 0;
    int next = 0;
    for (int e = 0; e < entries; e++) {
      int from = allOffsets[e];
      int length = allOffsets[e + 1] - from;
      if (length <= SHORT) {
        long key = packed(allBytes, from, from + length);
        int slot = shortSlot(key, length);
        while (shortLengths[slot] != 0) {
          slot = (slot + 1) & shortMask;
        }
        shortKeys[slot] = key;
        shortLengths[slot] = (byte) length;
        shortRanks[slot] = allRanks[e];
      } else {
        System.arraycopy(allBytes, from, longBytes, used, length);
        longOffsets[next] = used;
        longRanks[next++] = allRanks[e];
        used += length;
      }
    }
    longOffsets[next] = used;
    pool = Arrays.copyOf(longBytes, used);
    offsets = longOffsets;
    ranks = longRanks;
    int capacity = Integer.highestOneBit(Math.max(16, longCount * 3)) << 1;
    slots = new int[capacity];
    slotHashes = new int[capacity];
    mask = capacity - 1;
    for (int e = 0; e < longCount; e++) {
      int hash = hash(pool, offsets[e], offsets[e + 1]);
      int slot = hash & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = e + 1;
      slotHashes[slot] = hash;
    }
  }

  /** Reads a {@code .tiktoken} file (a token's bytes in base64, a space, its rank; one per line) from the class path. */
  static BpeRanks fromResource(String resource) {
    try (InputStream in = BpeRanks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
      byte[] pool = new byte[1 << 20];
      int[] offsets = new int[1 << 17];
      int[] ranks = new int[1 << 17];
      int count = 0;
      int used = 0;
      Base64.Decoder base64 = Base64.getDecoder();
      String line;
      while ((line = reader.readLine()) != null) {
        int space = line.indexOf(' ');
        if (space <= 0) {
          continue;
        }
        byte[] token = base64.decode(line.substring(0, space));
        if (used + token.length > pool.length) {
          pool = Arrays.copyOf(pool, pool.length * 2);
        }
        if (count + 2 > offsets.length) {
          offsets = Arrays.copyOf(offsets, offsets.length * 2);
          ranks = Arrays.copyOf(ranks, ranks.length * 2);
        }
        offsets[count] = used;
        ranks[count] = Integer.parseInt(line, space + 1, line.length(), 10);
        System.arraycopy(token, 0, pool, used, token.length);
        used += token.length;
        count++;
      }
      offsets[count] = used;
      return new BpeRanks(Arrays.copyOf(pool, used), Arrays.copyOf(offsets, count + 1), Arrays.copyOf(ranks, count));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The rank of the token whose bytes are {@code bytes[from, to)}, or {@link #ABSENT}. */
  int rank(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length <= SHORT) {
      long key = packed(bytes, from, to);
      for (int slot = shortSlot(key, length); ; slot = (slot + 1) & shortMask) {
        int slotLength = shortLengths[slot];
        if (slotLength == 0) {
          return ABSENT;
        }
        if (slotLength == length && shortKeys[slot] == key) {
          return shortRanks[slot];
        }
      }
    }
    int hash = hash(bytes, from, to);
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return ABSENT;
      }
      if (slotHashes[slot] == hash) {
        int start = offsets[entry - 1];
        if (offsets[entry] - start == length && sameBytes(start, bytes, from, length)) {
          return ranks[entry - 1];
        }
      }
    }
  }

  private static long packed(byte[] bytes, int from, int to) {
    long key = 0;
    for (int i = from; i < to; i++) {
      key = key << 8 | (bytes[i] & 0xFF);
    }
    return key;
  }

  private int shortSlot(long key, int length) {
    long mixed = (key + length) * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ mixed >>> 29) & shortMask;
  }

  /** A plain loop: tokens are a few bytes, where {@code Arrays.equals}'s vectorised mismatch costs more than it saves. */
  private boolean sameBytes(int start, byte[] bytes, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (pool[start + i] != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether each of the 256 single bytes is a token (byte-pair encodings start from all of them). */
  boolean hasEveryByte() {
    byte[] one = new byte[1];
    for (int b = 0; b < 256; b++) {
      one[0] = (byte) b;
      if (rank(one, 0, 1) == ABSENT) {
        return false;
      }
    }
    return true;
  }

  private static int hash(byte[] bytes, int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = h * 0x01000193 ^ bytes[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
