package dev.tracecurator.io;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes lines as text files {@code DIR/part-SSSSS-of-NNNNN.EXT} through FileSystems: each bundle
 * writes one file under a temporary name ({@link StagedFiles}), and once every bundle has
 * finished one step renames them into place ({@link PlaceFiles}), so a failed run leaves no half-written file under the
 * final name (as Beam's {@code TextIO} does). An empty input still gives one file (its header only).
 *
 * <p>Five primitive steps where Beam's {@code WriteFiles} takes 26 to 28 (sharding, spilling,
 * reshuffles, a view and an empty-input branch): every step costs each run its translation and,
 * on the DirectRunner, a translation per bundle, and the job wrote four such outputs.
 */
public final class WriteTextFiles extends PTransform<PCollection<String>, PDone> {
  private final String directory;
  private final String extension;
  private final String header;
  private final String singleFile;

  private WriteTextFiles(String directory, String extension, String header, String singleFile) {
    this.directory = directory;
    this.extension = extension;
    this.header = header;
    this.singleFile = singleFile;
  }

  /** Shards under {@code directory}, each starting with {@code header} when it is not null. */
  public static WriteTextFiles to(String directory, String extension, String header) {
    return new WriteTextFiles(directory, extension, header, null);
  }

  /** One file at {@code path} holding every line (a collection of one, e.g. {@code stats/summary.json}). */
  public static WriteTextFiles toSingleFile(String path) {
    int slash = path.lastIndexOf('/');
    return new WriteTextFiles(path.substring(0, slash), "", null, path.substring(slash + 1));
  }

  @Override
  public PDone expand(PCollection<String> lines) {
    TextShards shards = shards();
    return lines
        .apply("WriteBundles", ParDo.of(new WriteBundleFileFn(shards)))
        .setCoder(WrittenFileCoder.of())
        .apply("PlaceFiles", PlaceFiles.by(shards));
  }

  /**
   * The files written and not yet placed, for {@link PlaceFiles#together} with a job's other
   * outputs: applied as a step named {@code name}.
   */
  public StagedOutput stage(String name, PCollection<String> lines) {
    TextShards shards = shards();
    return new StagedOutput(lines.apply(name, new WriteBundles(shards)), shards);
  }

  /** Each bundle's lines in a temporary file of its own. */
  private static final class WriteBundles extends PTransform<PCollection<String>, PCollection<WrittenFile>> {
    private final TextShards shards;

    WriteBundles(TextShards shards) {
      this.shards = shards;
    }

    @Override
    public PCollection<WrittenFile> expand(PCollection<String> lines) {
      return lines.apply("WriteBundles", ParDo.of(new WriteBundleFileFn(shards))).setCoder(WrittenFileCoder.of());
    }
  }

  private TextShards shards() {
    return new TextShards(new StagedFiles(directory, singleFile != null ? singleFile : "part" + extension), extension, header, singleFile);
  }
}
