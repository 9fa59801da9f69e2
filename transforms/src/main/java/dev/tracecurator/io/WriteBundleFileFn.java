package dev.tracecurator.io;

import java.io.IOException;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;

/** Writes each bundle's lines to a temporary file of its own and emits that file's path when the bundle ends. */
final class WriteBundleFileFn extends DoFn<String, WrittenFile> {
  private final TextShards shards;
  private transient TextShards.Temporary file;

  WriteBundleFileFn(TextShards shards) {
    this.shards = shards;
  }

  @StartBundle
  public void startBundle() {
    file = null;
  }

  @ProcessElement
  public void processElement(@Element String line) throws IOException {
    if (file == null) {
      file = shards.openTemporary();
    }
    file.writer().write(line);
    file.writer().write('\n');
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws IOException {
    if (file != null) {
      file.writer().close();
      context.output(WrittenFile.unnamed(file.path()), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      file = null;
    }
  }

  @Teardown
  public void teardown() throws IOException {
    if (file != null) {
      file.writer().close();  // a failed bundle's file: never placed, removed with the temporary folder
    }
  }
}
