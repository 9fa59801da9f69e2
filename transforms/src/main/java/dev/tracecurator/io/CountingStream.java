package dev.tracecurator.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the (decompressed) bytes read through it, for the MB/s progress figure; and, when given
 * one, adds them to a live count as they are read (an uncompressed file's bytes as stored).
 */
final class CountingStream extends FilterInputStream {
  private final LiveCount live;
  private long count;

  CountingStream(InputStream in, LiveCount live) {
    super(in);
    this.live = live;
  }

  private void counted(long n) {
    count += n;
    if (live != null) {
      live.add(n);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  long count() {
    return count;
  }
}
