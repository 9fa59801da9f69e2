package dev.tracecurator.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * How {@link WriteTextFiles} names and places its files: staged ones ({@link StagedFiles}), final
 * ones named {@code part-SSSSS-of-NNNNN.EXT} or one given name.
 */
record TextShards(StagedFiles staged, String extension, String header, String singleFile) implements FilePlacement {
  /** A temporary file being written: its path, and the writer the caller writes lines to and closes. */
  record Temporary(String path, Writer writer) {}

  /** A new temporary file, its header written. */
  Temporary openTemporary() throws IOException {
    ResourceId temp = staged.newTemporary(extension);
    Writer writer = Channels.newWriter(FileSystems.create(temp, "text/plain"), StandardCharsets.UTF_8);
    writeHeader(writer);
    return new Temporary(temp.toString(), writer);
  }

  /** The final name of shard {@code index} of {@code count}. */
  String finalName(int index, int count) {
    return staged.finalPath(singleFile != null ? singleFile
        : String.format(Locale.ROOT, "part-%05d-of-%05d%s", index, count, extension));
  }

  /**
   * Puts the written temporary files in place, sorted so that a rerun of this step names them alike:
   * renamed, or joined into the single file; none written gives one file holding the header only.
   */
  @Override
  public void place(List<WrittenFile> written) throws IOException {
    List<String> sorted = new ArrayList<>();
    for (WrittenFile file : written) {
      sorted.add(file.temporary());
    }
    sorted.sort(null);
    if (sorted.isEmpty()) {
      try (Writer writer = Channels.newWriter(create(finalName(0, 1)), StandardCharsets.UTF_8)) {
        writeHeader(writer);
      }
      staged.removeTemporaryFolder();
    } else if (singleFile != null && sorted.size() > 1) {
      join(sorted, finalName(0, 1));
      staged.removeTemporaryFolder();
    } else {
      List<String> finals = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        finals.add(finalName(i, sorted.size()));
      }
      staged.place(sorted, finals);
    }
  }

  private void writeHeader(Writer writer) throws IOException {
    if (header != null) {
      writer.write(header);
      writer.write('\n');
    }
  }

  private static void join(List<String> temporaries, String target) throws IOException {
    try (WritableByteChannel out = create(target)) {
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
      for (String temporary : temporaries) {
        try (ReadableByteChannel in = FileSystems.open(FileSystems.matchNewResource(temporary, false))) {
          while (in.read(buffer) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
              out.write(buffer);
            }
            buffer.clear();
          }
        }
      }
    }
  }

  private static WritableByteChannel create(String path) throws IOException {
    return FileSystems.create(FileSystems.matchNewResource(path, false), "text/plain");
  }
}
