package dev.tracecurator.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;

/**
 * One step that runs once, after every writer has finished (it reads what they wrote as a side
 * input), and puts their staged files in place: three primitive steps, where Beam's
 * {@code WriteFiles} takes some twenty for its finalisation.
 */
public final class PlaceFiles<T> extends PTransform<PCollection<T>, PDone> {
  private final FilePlacement<T> placement;

  private PlaceFiles(FilePlacement<T> placement) {
    this.placement = placement;
  }

  public static <T> PlaceFiles<T> by(FilePlacement<T> placement) {
    return new PlaceFiles<>(placement);
  }

  @Override
  public PDone expand(PCollection<T> written) {
    PCollectionView<Iterable<T>> all = written.apply("Written", View.asIterable());
    written.getPipeline()
        .apply("Once", Impulse.create())
        .apply("Place", ParDo.of(new PlaceFn<>(placement, all)).withSideInputs(all));
    return PDone.in(written.getPipeline());
  }

  private static final class PlaceFn<T> extends DoFn<byte[], Void> {
    private final FilePlacement<T> placement;
    private final PCollectionView<Iterable<T>> written;

    PlaceFn(FilePlacement<T> placement, PCollectionView<Iterable<T>> written) {
      this.placement = placement;
      this.written = written;
    }

    @ProcessElement
    public void processElement(ProcessContext context) throws IOException {
      List<T> files = new ArrayList<>();
      context.sideInput(written).forEach(files::add);
      placement.place(files);
    }
  }
}
