package dev.tracecurator.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes each strictly as UTF-8, so that one line with bad
 * bytes is rejected by its number instead of being silently "repaired" with U+FFFD. A UTF-8 byte
 * order mark at the start and a CR before each LF are dropped; blank lines are skipped (they hold
 * no record) but still counted, so reported line numbers match an editor's. A line longer than
 * the sink's limit is not held: its first 64 KiB are kept for the report, the rest is skipped.
 */
public final class LineReader {
  /** Receives each line. */
  public interface Sink {
    void line(long number, String text);

    void undecodable(long number, String error, String preview);

    /** The longest line kept whole; a longer one is streamed past and reported, never held. */
    default long maxLineBytes() {
      return Long.MAX_VALUE;
    }
  }

  private static final int BUFFER = 1 << 16;

  private LineReader() {}

  /** Reads to the end of {@code in}; returns the number of the last line read. */
  public static long read(InputStream in, Sink sink) throws IOException {
    return read(in, sink, 1);
  }

  /**
   * Reads a stretch of a file that starts where line {@code firstLine} starts (see {@link LineRanges});
   * a byte-order mark is looked for only at the file's start, line 1.
   */
  public static long read(InputStream in, Sink sink, long firstLine) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] buffer = new byte[BUFFER];
    byte[] line = new byte[BUFFER];
    int lineLength = 0;
    long fullLength = 0;
    long max = sink.maxLineBytes();
    long number = firstLine - 1;
    boolean first = firstLine == 1;
    int n;
    while ((n = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          int count = (int) Math.max(0, Math.min(i - start, keep(max) - lineLength));
          line = append(line, lineLength, buffer, start, count);
          lineLength += count;
          fullLength += i - start;
          number++;
          finish(line, lineLength, fullLength, max, number, first, decoder, sink);
          first = false;
          lineLength = 0;
          fullLength = 0;
          start = i + 1;
        }
      }
      int count = (int) Math.max(0, Math.min(n - start, keep(max) - lineLength));
      line = append(line, lineLength, buffer, start, count);
      lineLength += count;
      fullLength += n - start;
    }
    if (fullLength > 0) {
      number++;
      finish(line, lineLength, fullLength, max, number, first, decoder, sink);
    }
    return number;
  }

  /** How many bytes of a line to hold: enough to tell it is over the limit, never more. */
  private static long keep(long max) {
    return max == Long.MAX_VALUE ? Integer.MAX_VALUE - 16 : Math.min(max + 1, Integer.MAX_VALUE - 16);
  }

  private static void finish(byte[] line, int lineLength, long fullLength, long max, long number, boolean first,
      CharsetDecoder decoder, LineReader.Sink sink) {
    if (fullLength > max) {
      sink.undecodable(number, String.format(java.util.Locale.ROOT, "line %d is %,d bytes, more than the %,d a record may have "
          + "(--maxRecordBytes)", number, fullLength, max), lossyPreview(line, 0, lineLength));
      return;
    }
    emit(line, lineLength, number, first, decoder, sink);
  }

  private static byte[] append(byte[] line, int length, byte[] source, int from, int count) {
    if (count == 0) {
      return line;
    }
    byte[] target = line;
    if (length + count > line.length) {
      target = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(source, from, target, length, count);
    return target;
  }

  private static void emit(byte[] bytes, int length, long number, boolean first, CharsetDecoder decoder, Sink sink) {
    int start = 0;
    if (first && length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    int end = length;
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    if (isBlank(bytes, start, end)) {
      return;
    }
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, start, end - start));
      sink.line(number, chars.toString());
    } catch (CharacterCodingException e) {
      sink.undecodable(number, "line " + number + " is not valid UTF-8", lossyPreview(bytes, start, end));
    }
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String lossyPreview(byte[] bytes, int start, int end) {
    return new String(bytes, start, Math.min(end - start, 64 * 1024), StandardCharsets.UTF_8);
  }
}
