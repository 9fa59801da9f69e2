package dev.tracecurator.io;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/** Writes a one-element collection as one file, e.g. {@code stats/summary.json}. */
public final class WriteSingleFile extends PTransform<PCollection<String>, PDone> {
  private final String path;

  private WriteSingleFile(String path) {
    this.path = path;
  }

  public static WriteSingleFile to(String path) {
    return new WriteSingleFile(path);
  }

  @Override
  public PDone expand(PCollection<String> content) {
    return content.apply("WriteFile", WriteTextFiles.toSingleFile(path));
  }
}
