package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static List<String> read(byte[] bytes) throws IOException {
    List<String> out = new ArrayList<>();
    LineReader.read(new ByteArrayInputStream(bytes), new LineReader.Sink() {
      @Override
      public void line(long number, String text) {
        out.add(number + ":" + text);
      }

      @Override
      public void undecodable(long number, String error, String preview) {
        out.add(number + "!" + error);
      }
    });
    return out;
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
