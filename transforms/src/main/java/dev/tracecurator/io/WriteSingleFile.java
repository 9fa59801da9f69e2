package dev.tracecurator.io;

import org.apache.beam.sdk.io.TextIO;
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
    int dot = path.lastIndexOf('.');
    return content.apply("WriteFile", TextIO.write()
        .to(path.substring(0, dot))
        .withSuffix(path.substring(dot))
        .withoutSharding());
  }
}
