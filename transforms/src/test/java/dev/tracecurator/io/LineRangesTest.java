package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Read stretch by stretch, a file gives exactly the lines, numbers and errors it gives read whole. */
class LineRangesTest {
  private static List<String> whole(byte[] file) throws IOException {
    LineReaderTest.Collecting r = new LineReaderTest.Collecting(40);
    LineReader.read(new ByteArrayInputStream(file), r);
    return r.out;
  }

  private static List<String> byStretches(byte[] file, long target) throws IOException {
    List<LineRanges.Range> ranges = LineRanges.plan(new ByteArrayInputStream(file), target);
    LineReaderTest.Collecting r = new LineReaderTest.Collecting(40);
    long next = 0;
    for (LineRanges.Range range : ranges) {
      assertEquals(next, range.offset(), "stretches follow one another");
      assertTrue(range.length() > 0 || ranges.size() == 1, "no empty stretch: " + ranges);
      LineReader.read(new ByteArrayInputStream(file, (int) range.offset(), (int) range.length()), r, range.firstLine());
      next = range.offset() + range.length();
    }
    assertEquals(file.length, next, "the stretches cover the file");
    return r.out;
  }

  @Test
  void randomFilesReadTheSameInStretchesOfAnySize() throws IOException {
    String[] parts = {"{\"a\": 1}", "\n", "\n", "\r\n", "   ", "\t", "é", "x".repeat(50), "{\"long\": \"" + "y".repeat(30) + "\"}"};
    Random random = new Random(7);
    for (int n = 0; n < 3_000; n++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      if (random.nextInt(5) == 0) {
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      int count = random.nextInt(30);
      for (int i = 0; i < count; i++) {
        if (random.nextInt(25) == 0) {
          bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        } else {
          bytes.writeBytes(parts[random.nextInt(parts.length)].getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[] file = bytes.toByteArray();
      long target = 1 + random.nextInt(60);
      assertEquals(whole(file), byStretches(file, target), () -> "target " + target + ": " + new String(file, StandardCharsets.UTF_8));
    }
  }

  @Test
  void stretchesStartWhereLinesStartNearEachMultipleOfTheTarget() throws IOException {
    byte[] file = "aaaa\nbbbb\ncccccccccccccc\nd\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(new LineRanges.Range(0, 5, 1), new LineRanges.Range(5, 5, 2), new LineRanges.Range(10, 15, 3),
        new LineRanges.Range(25, 2, 4)), LineRanges.plan(new ByteArrayInputStream(file), 4));
    assertEquals(List.of(new LineRanges.Range(0, 0, 1)), LineRanges.plan(new ByteArrayInputStream(new byte[0]), 4));
    assertEquals(List.of(new LineRanges.Range(0, file.length, 1)), LineRanges.plan(new ByteArrayInputStream(file), 1000));
  }
}
