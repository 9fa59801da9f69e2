package dev.tracecurator.sft;

import java.io.Serializable;
import java.util.Locale;

/**
 * How kept examples are laid out in files: row shape, file type, the validation split, and shard
 * size (rows, or bytes of JSON when {@code shardBytes} is set).
 *
 * @param format the row shape
 * @param file the file type
 * @param validationFraction share of instances (not rows) in the validation split, in [0, 1)
 * @param shardRows rows per shard, when shardBytes is 0
 * @param shardBytes bytes of JSON per shard, 0 to shard by rows
 */
public record SftLayout(SftFormat format, SftFile file, double validationFraction, long shardRows, long shardBytes)
    implements Serializable {
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  public static final SftLayout DEFAULT = new SftLayout(SftFormat.MESSAGES, SftFile.JSONL, 0.0, 100_000, 0);

  public SftLayout {
    if (validationFraction < 0 || validationFraction >= 1) {
      throw new IllegalArgumentException("--validationFraction must be in [0, 1), got " + validationFraction);
    }
    if (shardRows < 1 && shardBytes < 1) {
      throw new IllegalArgumentException("--shardSize must be a positive number of rows or a size such as 500MB");
    }
  }

  /** {@code --shardSize}: a row count ({@code 50000}) or a size ({@code 500MB}, {@code 2GB}, {@code 64KB}). */
  public static long[] parseShardSize(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    long[] units = {1L << 30, 1L << 20, 1L << 10, 1};
    String[] suffixes = {"GB", "MB", "KB", "B"};
    for (int i = 0; i < suffixes.length; i++) {
      if (t.endsWith(suffixes[i])) {
        return new long[] {0, parsePositive(t.substring(0, t.length() - suffixes[i].length()).trim(), text) * units[i]};
      }
    }
    return new long[] {parsePositive(t, text), 0};
  }

  private static long parsePositive(String number, String original) {
    try {
      long value = Long.parseLong(number);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // Falls through to the message below.
    }
    throw new IllegalArgumentException("--shardSize must be a positive number of rows or a size such as 500MB, got '"
        + original + "'");
  }

  /** The split of an instance: by a stable hash of its key, so one instance never lands in both. */
  public String splitOf(String instanceKey) {
    if (validationFraction <= 0) {
      return TRAIN;
    }
    long h = dev.tracecurator.stats.StableHash.mixed(instanceKey);
    double unit = (h >>> 11) * 0x1.0p-53;
    return unit < validationFraction ? VALIDATION : TRAIN;
  }

  /** How many shards a split of this many rows and bytes takes. */
  public int shards(long rows, long bytes) {
    long n = shardBytes > 0 ? (bytes + shardBytes - 1) / shardBytes : (rows + shardRows - 1) / shardRows;
    return (int) Math.max(1, Math.min(n, 99_999));
  }

  /** A shard's file name: {@code train-00000-of-00003.jsonl}, as the Hub names split shards. */
  public String shardName(String split, int shard, int shards) {
    return String.format(Locale.ROOT, "%s-%05d-of-%05d%s", split, shard, shards, file.extension());
  }
}
