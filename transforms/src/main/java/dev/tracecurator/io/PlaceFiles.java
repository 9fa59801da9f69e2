package dev.tracecurator.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * One step that runs once, after every writer has finished (it reads what they wrote as a side
 * input), and puts their staged files in place: three primitive steps, where Beam's
 * {@code WriteFiles} takes some twenty for its finalisation.
 *
 * <p>{@link #together} places a whole job's outputs in that one step. Each placement step cost the
 * job five more tasks per worker on Flink (a source, a view, the step, two discarding sinks),
 * started one after another; and no output is put in place unless every one was written.
 */
public final class PlaceFiles extends PTransform<PCollection<WrittenFile>, PDone> {
  private final FilePlacement placement;

  private PlaceFiles(FilePlacement placement) {
    this.placement = placement;
  }

  /** Places one writer's files. */
  public static PlaceFiles by(FilePlacement placement) {
    return new PlaceFiles(placement);
  }

  @Override
  public PDone expand(PCollection<WrittenFile> written) {
    together(written.getPipeline(), "Place", List.of(new StagedOutput(written, placement)));
    return PDone.in(written.getPipeline());
  }

  /** Places every one of {@code outputs} in one step named {@code name}, once all are written. */
  public static PDone together(Pipeline pipeline, String name, List<StagedOutput> outputs) {
    return pipeline.begin().apply(name, new Together(outputs));
  }

  private static final class Together extends PTransform<PBegin, PDone> {
    private final transient List<StagedOutput> outputs;

    Together(List<StagedOutput> outputs) {
      this.outputs = List.copyOf(outputs);
    }

    @Override
    public PDone expand(PBegin begin) {
      PCollectionList<KV<Integer, WrittenFile>> numbered = PCollectionList.empty(begin.getPipeline());
      List<FilePlacement> placements = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        int index = i;
        numbered = numbered.and(outputs.get(i).written()
            .apply("Output" + i, MapElements
                .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(WrittenFile.class)))
                .via((WrittenFile file) -> KV.of(index, file)))
            .setCoder(KvCoder.of(VarIntCoder.of(), WrittenFileCoder.of())));
        placements.add(outputs.get(i).placement());
      }
      PCollection<KV<Integer, WrittenFile>> all = outputs.size() == 1 ? numbered.get(0)
          : numbered.apply("AllWritten", Flatten.pCollections());
      PCollectionView<Iterable<KV<Integer, WrittenFile>>> view = all.apply("Written", View.asIterable());
      begin.apply("Once", Impulse.create())
          .apply("Place", ParDo.of(new PlaceFn(placements, view)).withSideInputs(view));
      return PDone.in(begin.getPipeline());
    }
  }

  private static final class PlaceFn extends DoFn<byte[], Void> {
    private final List<FilePlacement> placements;
    private final PCollectionView<Iterable<KV<Integer, WrittenFile>>> written;

    PlaceFn(List<FilePlacement> placements, PCollectionView<Iterable<KV<Integer, WrittenFile>>> written) {
      this.placements = new ArrayList<>(placements);
      this.written = written;
    }

    @ProcessElement
    public void processElement(ProcessContext context) throws IOException {
      List<List<WrittenFile>> files = new ArrayList<>();
      for (int i = 0; i < placements.size(); i++) {
        files.add(new ArrayList<>());
      }
      for (KV<Integer, WrittenFile> file : context.sideInput(written)) {
        files.get(file.getKey()).add(file.getValue());
      }
      for (int i = 0; i < placements.size(); i++) {
        placements.get(i).place(files.get(i));
      }
    }
  }
}
