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

  private final byte[] pool;
  private final int[] offsets;
  private final int[] ranks;
  private final int[] slots;  // entry + 1, or 0 for an empty slot
  private final int[] slotHashes;
  private final int mask;

  private BpeRanks(byte[] pool, int[] offsets, int[] ranks) {
    this.pool = pool;
    this.offsets = offsets;
    this.ranks = ranks;
    int entries = ranks.length;
    int capacity = Integer.highestOneBit(Math.max(16, entries * 3)) << 1;
    this.slots = new int[capacity];
    this.slotHashes = new int[capacity];
    this.mask = capacity - 1;
    for (int e = 0; e < entries; e++) {
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
    int hash = hash(bytes, from, to);
    int length = to - from;
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
