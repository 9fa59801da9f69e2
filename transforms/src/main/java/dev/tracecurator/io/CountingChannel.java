package dev.tracecurator.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Counts the bytes read from a file as stored (compressed ones before decompression), for progress. */
final class CountingChannel implements ReadableByteChannel {
  private final ReadableByteChannel channel;
  private final LiveCount count;

  CountingChannel(ReadableByteChannel channel, LiveCount count) {
    this.channel = channel;
    this.count = count;
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    int n = channel.read(target);
    if (n > 0) {
      count.add(n);
    }
    return n;
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
