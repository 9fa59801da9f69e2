package dev.tracecurator.io.hf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A seekable channel over a Hub file: each seek starts a ranged read at the new position, and a
 * connection that breaks mid-body is reopened at the byte reached, so a Parquet reader fetches its
 * footer and row groups and never the whole file.
 */
final class HfReadChannel implements SeekableByteChannel {
  private final HfClient client;
  private final HfPath file;
  private final long size;
  private InputStream stream;
  private long position;
  private long streamPosition = -1;
  private boolean open = true;

  HfReadChannel(HfClient client, HfPath file, long size) {
    this.client = client;
    this.file = file;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (position >= size) {
      return -1;
    }
    IOException last = null;
    for (int attempt = 0; attempt < HfClient.ATTEMPTS; attempt++) {
      try {
        if (stream == null || streamPosition != position) {
          closeStream();
          stream = client.openAt(file, position);
          streamPosition = position;
        }
        byte[] chunk = new byte[Math.min(dst.remaining(), 1 << 16)];
        int n = stream.read(chunk);
        if (n < 0) {
          if (position < size) {
            throw new IOException("connection ended at byte " + position + " of " + size);
          }
          return -1;
        }
        dst.put(chunk, 0, n);
        position += n;
        streamPosition += n;
        return n;
      } catch (HfClient.HfAccessException e) {
        throw e;
      } catch (IOException e) {
        // Resume where the broken connection left off.
        last = e;
        closeStream();
      }
    }
    throw new IOException("could not read " + file + " past byte " + position, last);
  }

  private void closeStream() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // The connection is being dropped anyway.
      }
      stream = null;
    }
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
    closeStream();
  }
}
