package dev.tracecurator.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** How a file holds its rows, told by its name once a compression extension is set aside. */
public enum FileFormat {
  JSON_LINES {
    @Override
    void read(InputStream in, ReadTrajectoryLines.Emitter emitter) throws IOException {
      LineReader.read(in, emitter);
    }
  },
  JSON_DOCUMENT {
    @Override
    void read(InputStream in, ReadTrajectoryLines.Emitter emitter) throws IOException {
      JsonDocumentReader.read(in, emitter);
    }
  },
  /** Parquet: read by seeking through the channel, see {@link ParquetRows}; never as a stream. */
  PARQUET {
    @Override
    void read(InputStream in, ReadTrajectoryLines.Emitter emitter) {
      throw new UnsupportedOperationException("Parquet is read through a seekable channel");
    }
  },
  /** One trajectory a file (SWE-agent .traj, mini-swe-agent .traj.json): the whole file is one record. */
  WHOLE_FILE {
    @Override
    void read(InputStream in, ReadTrajectoryLines.Emitter emitter) throws IOException {
      long max = emitter.maxLineBytes();
      byte[] bytes = in.readNBytes((int) (max >= Integer.MAX_VALUE - 17 ? Integer.MAX_VALUE - 16 : max + 1));
      if (bytes.length > max) {
        emitter.undecodable(1, "the file is more than the " + emitter.maxLineBytes() + " bytes a record may have (--maxRecordBytes)",
            new String(bytes, 0, Math.min(bytes.length, 64 * 1024), java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        emitter.line(1, text);
      }
    }
  };

  private static final List<String> COMPRESSION_EXTENSIONS = List.of(".gz", ".bz2", ".zst", ".zstd", ".deflate");

  abstract void read(InputStream in, ReadTrajectoryLines.Emitter emitter) throws IOException;

  /** The format of a lower-cased file name, or null when it is not one we read. */
  public static FileFormat of(String lowerCaseName) {
    String name = lowerCaseName;
    for (String extension : COMPRESSION_EXTENSIONS) {
      if (name.endsWith(extension)) {
        name = name.substring(0, name.length() - extension.length());
        break;
      }
    }
    if (lowerCaseName.endsWith(".parquet")) {
      return PARQUET;
    }
    if (name.endsWith(".traj") || name.endsWith(".traj.json")) {
      return WHOLE_FILE;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    if (name.endsWith(".json")) {
      return JSON_DOCUMENT;
    }
    return null;
  }
}
