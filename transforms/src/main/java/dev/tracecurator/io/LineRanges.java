package dev.tracecurator.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a JSON Lines file into stretches of whole lines, so that one big file is read by many
 * workers instead of one. Each stretch starts where a line starts and knows that line's number,
 * so records keep the file and line they would have had if the file were read whole. Finding the
 * cuts reads the file once, looking only for newlines.
 */
public final class LineRanges {
  /** Whole lines from {@code offset}, {@code length} bytes, the first of them line {@code firstLine}. */
  public record Range(long offset, long length, long firstLine) {}

  private LineRanges() {}

  /**
   * Stretches of about {@code targetBytes} each: a cut goes at the first line start at or after
   * each multiple of it. A line longer than that makes its stretch longer; none is empty.
   */
  public static List<Range> plan(InputStream in, long targetBytes) throws IOException {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("a stretch must be at least one byte, got " + targetBytes);
    }
    List<Range> ranges = new ArrayList<>();
    byte[] buffer = new byte[1 << 16];
    long position = 0;
    long newlines = 0;
    long start = 0;
    long firstLine = 1;
    long nextCut = targetBytes;
    int n;
    while ((n = in.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        newlines++;
        long lineStart = position + i + 1;
        if (lineStart >= nextCut) {
          ranges.add(new Range(start, lineStart - start, firstLine));
          start = lineStart;
          firstLine = newlines + 1;
          nextCut = (lineStart / targetBytes + 1) * targetBytes;
        }
      }
      position += n;
    }
    if (position > start || ranges.isEmpty()) {
      ranges.add(new Range(start, position - start, firstLine));
    }
    return ranges;
  }
}
