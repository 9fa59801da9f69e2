package dev.tracecurator.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A text kept deflated while it waits: a trajectory's SFT example is JSON that shrinks four to ten
 * times, is written once at the end, and on a runner that holds whole collections in memory (the
 * DirectRunner) would otherwise cost two bytes a character there for every row of the input.
 */
public record DeflatedText(byte[] bytes) {

  public static DeflatedText of(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 4));
      byte[] buffer = new byte[32 << 10];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return new DeflatedText(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /** The text as it was given. */
  public String text() {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 5);
      byte[] buffer = new byte[64 << 10];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("a deflated text of " + bytes.length + " bytes is cut short");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("a deflated text of " + bytes.length + " bytes is corrupt", e);
    } finally {
      inflater.end();
    }
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
