package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** Lines as "N:text", failures as "N!error"; previews' lengths apart. */
  static final class Collecting implements LineReader.Sink {
    final List<String> out = new ArrayList<>();
    final List<Integer> previews = new ArrayList<>();
    private final long max;

    Collecting(long max) {
      this.max = max;
    }

    @Override
    public void line(long number, String text) {
      out.add(number + ":" + text);
    }

    @Override
    public void undecodable(long number, String error, String preview) {
      out.add(number + "!" + error);
      previews.add(preview.length());
    }

    @Override
    public long maxLineBytes() {
      return max;
    }
  }

  private static List<String> read(byte[] bytes) throws IOException {
    Collecting sink = new Collecting(Long.MAX_VALUE);
    LineReader.read(new ByteArrayInputStream(bytes), sink);
    return sink.out;
  }

  /** A stream of {@code length} 'x' bytes, then "\n{}\n", made as it is read: never in memory. */
  private static java.io.InputStream hugeLineThenARow(long length) {
    return new java.io.InputStream() {
      private long position;
      private final byte[] tail = "\n{}\n".getBytes(StandardCharsets.UTF_8);

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length + tail.length) {
          return -1;
        }
        int n = 0;
        while (n < len && position < length + tail.length) {
          b[off + n++] = position < length ? (byte) 'x' : tail[(int) (position - length)];
          position++;
        }
        return n;
      }
    };
  }

  @Test
  void aLineOverTheLimitIsReportedByNumberAndSkippedWithoutBeingHeld() throws IOException {
    // 1 GiB on one line, under a 2 GiB test heap whose String of it would need 2 GiB alone.
    Collecting sink = new Collecting(1 << 20);
    LineReader.read(hugeLineThenARow(1L << 30), sink);
    assertEquals(List.of("1!line 1 is 1,073,741,824 bytes, more than the 1,048,576 a record may have (--maxRecordBytes)", "2:{}"),
        sink.out);
    assertEquals(List.of(64 * 1024), sink.previews);
  }

  @Test
  void crlfBomBlankLinesAndNoFinalNewline() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\":1}\r\n\r\n  \n{\"b\":\"é\"}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertEquals(List.of("1:{\"a\":1}", "4:{\"b\":\"é\"}"), read(all));
  }

  @Test
  void invalidUtf8IsReportedByLine() throws IOException {
    byte[] bytes = {'o', 'k', '\n', '{', (byte) 0xC3, (byte) 0x28, '}', '\n', 'x'};
    assertEquals(List.of("1:ok", "2!line 2 is not valid UTF-8", "3:x"), read(bytes));
  }

  @Test
  void longLinesCrossBufferBoundaries() throws IOException {
    String longLine = "y".repeat(200_000);
    assertEquals(List.of("1:" + longLine, "2:z"), read((longLine + "\nz\n").getBytes(StandardCharsets.UTF_8)));
  }
}
