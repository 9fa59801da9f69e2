package dev.tracecurator.normalize;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} into one char array sized up front to the text expected. Jackson's own
 * string writer collects a long output in segments it keeps allocating, then copies them
 * through a {@link StringBuilder} into the string: for a row's SFT example (the whole
 * conversation, twice) that bookkeeping cost more than writing the JSON itself.
 */
public final class SizedStringWriter extends Writer {
  /** The largest array the JVM reliably allocates. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  private char[] chars;
  private int length;

  /** A writer with room for {@code expectedChars}; it grows by half as often as it must. */
  public SizedStringWriter(int expectedChars) {
    chars = new char[Math.max(16, Math.min(expectedChars, MAX_LENGTH))];
  }

  @Override
  public void write(char[] source, int offset, int count) {
    room(count);
    System.arraycopy(source, offset, chars, length, count);
    length += count;
  }

  @Override
  public void write(String source, int offset, int count) {
    room(count);
    source.getChars(offset, offset + count, chars, length);
    length += count;
  }

  @Override
  public void write(int c) {
    room(1);
    chars[length++] = (char) c;
  }

  private void room(int count) {
    long needed = (long) length + count;
    if (needed > chars.length) {
      if (needed > MAX_LENGTH) {
        throw new OutOfMemoryError("a text of " + needed + " chars is longer than an array can hold");
      }
      chars = Arrays.copyOf(chars, (int) Math.min(MAX_LENGTH, Math.max(needed, chars.length + (long) (chars.length >> 1))));
    }
  }

  /** Chars written so far. */
  public int length() {
    return length;
  }

  @Override
  public void flush() {
    // Nothing is held back.
  }

  @Override
  public void close() {
    // Nothing to release; the text stays readable.
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
