package dev.tracecurator.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/** Runs once, after every bundle has written its file: puts the files in place ({@link TextShards#place}). */
final class PlaceFilesFn extends DoFn<byte[], Void> {
  private final TextShards shards;
  private final PCollectionView<Iterable<String>> written;

  PlaceFilesFn(TextShards shards, PCollectionView<Iterable<String>> written) {
    this.shards = shards;
    this.written = written;
  }

  @ProcessElement
  public void processElement(ProcessContext context) throws IOException {
    List<String> files = new ArrayList<>();
    context.sideInput(written).forEach(files::add);
    shards.place(files);
  }
}
