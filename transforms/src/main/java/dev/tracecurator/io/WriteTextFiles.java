package dev.tracecurator.io;

import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes lines as sharded text files {@code DIR/part-SSSSS-of-NNNNN.EXT} through FileSystems.
 * Beam writes each shard to a temporary name and renames it when the run succeeds, so a failed
 * run leaves no half-written file under the final name.
 */
public final class WriteTextFiles extends PTransform<PCollection<String>, PDone> {
  private final String directory;
  private final String extension;
  private final String header;

  private WriteTextFiles(String directory, String extension, String header) {
    this.directory = directory;
    this.extension = extension;
    this.header = header;
  }

  /** Shards under {@code directory}, each starting with {@code header} when it is not null. */
  public static WriteTextFiles to(String directory, String extension, String header) {
    return new WriteTextFiles(directory, extension, header);
  }

  @Override
  public PDone expand(PCollection<String> lines) {
    TextIO.Write write = TextIO.write()
        .to(OutputPaths.join(directory, "part"))
        .withSuffix(extension);
    if (header != null) {
      write = write.withHeader(header);
    }
    return lines.apply("WriteShards", write);
  }
}
