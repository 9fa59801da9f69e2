package dev.tracecurator.tokens;

import com.knuddels.jtokkit.PieceEncoder;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts {@code cl100k_base} tokens as tiktoken's {@code encode(s, disallowed_special=())} does, and
 * jtokkit's {@code countTokensOrdinary}: {@link Cl100kSplitter} cuts the text into the pattern's
 * pieces, and each piece's UTF-8 bytes are merged by tiktoken's own rule ({@code _byte_pair_merge}: merge the
 * adjacent pair of lowest rank, the leftmost on a tie, until no pair is a token) over
 * {@link BpeRanks}. Pieces longer than {@link #LONG_PIECE} bytes (minified code, base64) go to
 * jtokkit's encoder, whose long-piece path does not take quadratic time. Thread-safe.
 */
final class Cl100kCounter {
  /** jtokkit's own threshold for its long-piece path. */
  static final int LONG_PIECE = 500;

  private final BpeRanks ranks;
  /** Each thread's buffers: a count is often of a few words (a cut's neighbourhood), where new arrays cost more than the count. */
  private final ThreadLocal<Pieces> scratch = ThreadLocal.withInitial(Pieces::new);

  Cl100kCounter() {
    this.ranks = BpeRanks.fromResource("/com/knuddels/jtokkit/cl100k_base.tiktoken");
    if (!ranks.hasEveryByte()) {
      throw new IllegalStateException("cl100k_base.tiktoken lacks a single-byte token");
    }
  }

  /** Tokens of a text; a lone surrogate (a JSON escape may carry one) counts as U+FFFD, as tiktoken replaces it. */
  int count(String text) {
    Pieces pieces = scratch.get();
    return pieces.count(text);
  }

  private final class Pieces implements Cl100kSplitter.Sink {
    private int tokens;
    private char[] chars = new char[1024];
    private byte[] bytes = new byte[256];
    private final int[] starts = new int[LONG_PIECE + 2];
    private final int[] pairRanks = new int[LONG_PIECE + 2];

    int count(String text) {
      int length = text.length();
      if (chars.length < length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      text.getChars(0, length, chars, 0);
      replaceLoneSurrogates(length);
      tokens = 0;
      Cl100kSplitter.split(chars, length, this);
      if (chars.length > 1 << 20 || bytes.length > 1 << 20) {
        chars = new char[1024];  // not keeping a huge text's buffers per thread
        bytes = new byte[256];
      }
      return tokens;
    }

    @Override
    public void piece(char[] text, int start, int end) {
      int length = utf8(text, start, end);
      tokens += tokensOf(bytes, length);
    }

    private void replaceLoneSurrogates(int length) {
      char[] text = chars;
      for (int i = 0; i < length; i++) {
        char c = text[i];
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
          if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])) {
            i++;
          } else {
            text[i] = '\uFFFD';
          }
        }
      }
    }

    /** Writes {@code text[start, end)} as UTF-8 into {@link #bytes}; returns the byte length. */
    private int utf8(char[] text, int start, int end) {
      if (bytes.length < (end - start) * 3) {
        bytes = new byte[(end - start) * 3];
      }
      byte[] out = bytes;
      int length = 0;
      for (int i = start; i < end; i++) {
        char c = text[i];
        if (c < 0x80) {
          out[length++] = (byte) c;
        } else if (c < 0x800) {
          out[length++] = (byte) (0xC0 | (c >> 6));
          out[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
          int cp = Character.toCodePoint(c, text[++i]);
          out[length++] = (byte) (0xF0 | (cp >> 18));
          out[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[length++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[length++] = (byte) (0xE0 | (c >> 12));
          out[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          out[length++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      return length;
    }

    private int tokensOf(byte[] bytes, int length) {
      if (length == 1 || ranks.rank(bytes, 0, length) != BpeRanks.ABSENT) {
        return 1;
      }
      if (length > LONG_PIECE) {
        return PieceEncoder.count(Jtokkit.ENCODING, bytes, length);
      }
      return merged(bytes, length);
    }

    /** tiktoken's {@code _byte_pair_merge}: the parts left when no adjacent pair of them is a token. */
    private int merged(byte[] bytes, int length) {
      int[] start = starts;
      int[] rank = pairRanks;
      // part i spans bytes[start[i], start[i + 1]); rank[i] is the rank of part i joined with part i + 1
      int parts = length + 1;  // counting the end marker as a part, as tiktoken does
      for (int i = 0; i < length - 1; i++) {
        start[i] = i;
        rank[i] = ranks.rank(bytes, i, i + 2);
      }
      start[length - 1] = length - 1;
      rank[length - 1] = BpeRanks.ABSENT;
      start[length] = length;
      rank[length] = BpeRanks.ABSENT;
      while (true) {
        int best = -1;
        int bestRank = BpeRanks.ABSENT;
        for (int i = 0; i < parts - 1; i++) {
          if (rank[i] < bestRank) {
            bestRank = rank[i];
            best = i;
          }
        }
        if (best < 0) {
          return parts - 1;
        }
        System.arraycopy(start, best + 2, start, best + 1, parts - best - 2);
        System.arraycopy(rank, best + 2, rank, best + 1, parts - best - 2);
        parts--;
        if (best > 0) {
          rank[best - 1] = pairRank(bytes, start, best - 1, parts);
        }
        rank[best] = pairRank(bytes, start, best, parts);
      }
    }

    private int pairRank(byte[] bytes, int[] start, int part, int parts) {
      return part + 2 < parts ? ranks.rank(bytes, start[part], start[part + 2]) : BpeRanks.ABSENT;
    }
  }

  /** jtokkit's encoding, loaded only when a text has a piece longer than {@link #LONG_PIECE} bytes. */
  private static final class Jtokkit {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }
}
