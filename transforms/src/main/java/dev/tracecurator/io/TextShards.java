package dev.tracecurator.io;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where {@link WriteTextFiles} stages and places its files, and how: temporary files in
 * {@code DIR/.temp-beam/} (the name Beam's own writers use, which the output folder's clean-up knows),
 * final ones named {@code part-SSSSS-of-NNNNN.EXT} or one given name.
 */
record TextShards(String directory, String extension, String header, String singleFile) implements Serializable {
  static final String TEMP_FOLDER = ".temp-beam";

  /** A temporary file being written: its path, and the writer the caller writes lines to and closes. */
  record Temporary(String path, Writer writer) {}

  /** A new temporary file, its header written. */
  Temporary openTemporary() throws IOException {
    ResourceId temp = FileSystems.matchNewResource(
        OutputPaths.join(OutputPaths.join(directory, TEMP_FOLDER), UUID.randomUUID() + extension), false);
    Writer writer = Channels.newWriter(FileSystems.create(temp, "text/plain"), StandardCharsets.UTF_8);
    if (header != null) {
      writer.write(header);
      writer.write('\n');
    }
    return new Temporary(temp.toString(), writer);
  }

  /** The final name of shard {@code index} of {@code count}. */
  String finalName(int index, int count) {
    if (singleFile != null) {
      return OutputPaths.join(directory, singleFile);
    }
    return OutputPaths.join(directory, String.format(Locale.ROOT, "part-%05d-of-%05d%s", index, count, extension));
  }

  /**
   * Puts the written temporary files in place (sorted, so a rerun of this step names them alike):
   * renamed, or joined into the single file; none written gives one file holding the header only.
   * Then removes the temporary folder with whatever a failed, retried bundle left there.
   */
  void place(List<String> temporaries) throws IOException {
    List<String> sorted = new ArrayList<>(temporaries);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      try (Writer writer = Channels.newWriter(create(finalName(0, 1)), StandardCharsets.UTF_8)) {
        if (header != null) {
          writer.write(header);
          writer.write('\n');
        }
      }
    } else if (singleFile != null && sorted.size() > 1) {
      join(sorted, finalName(0, 1));
    } else {
      List<ResourceId> from = new ArrayList<>();
      List<ResourceId> to = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        from.add(FileSystems.matchNewResource(sorted.get(i), false));
        to.add(FileSystems.matchNewResource(finalName(i, sorted.size()), false));
      }
      // A rerun of this step after some renames finds those sources gone and their targets in place.
      FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    removeTemporaryFolder();
  }

  private void join(List<String> temporaries, String target) throws IOException {
    ResourceId targetId = FileSystems.matchNewResource(target, false);
    try (WritableByteChannel out = FileSystems.create(targetId, "text/plain")) {
      for (String temporary : temporaries) {
        try (ReadableByteChannel in = FileSystems.open(FileSystems.matchNewResource(temporary, false))) {
          ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
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

  private WritableByteChannel create(String path) throws IOException {
    return FileSystems.create(FileSystems.matchNewResource(path, false), "text/plain");
  }

  private void removeTemporaryFolder() throws IOException {
    String folder = OutputPaths.join(directory, TEMP_FOLDER);
    MatchResult left = FileSystems.match(OutputPaths.join(folder, "*"), EmptyMatchTreatment.ALLOW);
    List<ResourceId> files = new ArrayList<>();
    if (left.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata file : left.metadata()) {
        files.add(file.resourceId());
      }
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    try {
      FileSystems.delete(List.of(FileSystems.matchNewResource(folder, true)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException | RuntimeException e) {
      // An object store has no folder to remove; a local one still holding a file stays, holding no output.
    }
  }
}
