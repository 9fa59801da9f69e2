package dev.tracecurator.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over any Beam FileSystems path: the footer and row groups are read
 * by seeking, so a remote file is never copied whole first.
 */
public final class ChannelInputFile implements InputFile {
  private final ResourceId resource;
  private final long length;

  public ChannelInputFile(ResourceId resource, long length) {
    this.resource = resource;
    this.length = length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    if (!(FileSystems.open(resource) instanceof SeekableByteChannel channel)) {
      throw new IOException(resource + " cannot be read at random positions, which Parquet needs");
    }
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long position) throws IOException {
        channel.position(position);
      }

      @Override
      public int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }
}
