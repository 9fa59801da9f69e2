package dev.tracecurator.model;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text kept compressed while it waits: a trajectory's SFT example is JSON that shrinks four to ten
 * times, is written once at the end, and on a runner that holds whole collections in memory (the
 * DirectRunner) would otherwise cost two bytes a character there for every row of the input.
 *
 * <p>Compressed with zstd at level 1, not deflate: on generated SFT examples it took a third of
 * {@code Deflater.BEST_SPEED}'s time and gave about half its size (the name stayed).
 */
public record DeflatedText(byte[] bytes) {
  private static final int LEVEL = 1;

  public static DeflatedText of(String text) {
    return ofUtf8(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A text given as its UTF-8 bytes (a JSON generator's output), without decoding it first. */
  public static DeflatedText ofUtf8(byte[] utf8) {
    return new DeflatedText(Zstd.compress(utf8, LEVEL));
  }

  /** The text as it was given. */
  public String text() {
    return new String(utf8(), StandardCharsets.UTF_8);
  }

  /** The text's UTF-8 bytes, as it was given. */
  public byte[] utf8() {
    try {
      return Zstd.decompress(bytes, (int) utf8Length());
    } catch (ZstdException e) {
      throw new IllegalStateException("a compressed text of " + bytes.length + " bytes is corrupt", e);
    }
  }

  /** How many bytes the text takes in UTF-8, read from the compressed frame's header. */
  public long utf8Length() {
    long size = Zstd.getFrameContentSize(bytes);
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new IllegalStateException("a compressed text of " + bytes.length + " bytes is cut short or corrupt");
    }
    return size;
  }

  /** The text's first {@code chars} characters (all of it when shorter), decoding no more than they need. */
  public String opening(int chars) {
    byte[] utf8 = utf8();
    // A character takes at most 3 bytes of UTF-8, or 4 for two (a surrogate pair): these bytes
    // hold more than `chars` whole characters; a sequence cut at their end decodes after them.
    int enough = (int) Math.min(utf8.length, 4L * chars + 4);
    String text = new String(utf8, 0, enough, StandardCharsets.UTF_8);
    return text.length() <= chars ? text : text.substring(0, chars);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeflatedText d && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DeflatedText[" + bytes.length + " bytes]";
  }
}
