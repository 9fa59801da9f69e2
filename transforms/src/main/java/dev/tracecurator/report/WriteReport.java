package dev.tracecurator.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.io.OutputPaths;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.jfree.chart.JFreeChart;

/**
 * Renders the charts and {@code index.html} from the combined statistics, on a worker, and writes
 * them through Beam FileSystems, so the report lands beside the other outputs on any runner and
 * any file system. Consumes the one-element summary; the SFT example comes as a side input.
 */
public final class WriteReport extends PTransform<PCollection<String>, PDone> {
  private final String directory;
  private final PCollectionView<List<String>> example;

  private WriteReport(String directory, PCollectionView<List<String>> example) {
    this.directory = directory;
    this.example = example;
  }

  public static WriteReport to(String directory, PCollectionView<List<String>> example) {
    return new WriteReport(directory, example);
  }

  @Override
  public PDone expand(PCollection<String> summary) {
    summary.apply("RenderChartsAndPage", ParDo.of(new RenderFn(directory, example)).withSideInputs(example));
    return PDone.in(summary.getPipeline());
  }

  static final class RenderFn extends DoFn<String, Void> {
    private final String directory;
    private final PCollectionView<List<String>> example;

    RenderFn(String directory, PCollectionView<List<String>> example) {
      this.directory = directory;
      this.example = example;
    }

    @ProcessElement
    public void process(@Element String summaryJson, ProcessContext context) throws IOException {
      JsonNode summary = Json.STRICT.readTree(summaryJson);
      Map<ChartSpec, JFreeChart> charts = Charts.build(summary);
      for (Map.Entry<ChartSpec, JFreeChart> chart : charts.entrySet()) {
        write(chart.getKey().file(), ReportImages.png(chart.getValue()), MimeTypes.BINARY);
      }
      List<String> examples = context.sideInput(example);
      JsonNode sft = examples.isEmpty() ? null : Json.STRICT.readTree(examples.get(0));
      String page = ReportPage.render(summary, List.copyOf(charts.keySet()), sft);
      write("index.html", page.getBytes(StandardCharsets.UTF_8), MimeTypes.TEXT);
    }

    private void write(String name, byte[] bytes, String mimeType) throws IOException {
      ResourceId target = FileSystems.matchNewResource(OutputPaths.join(directory, name), false);
      try (OutputStream out = Channels.newOutputStream(FileSystems.create(target, mimeType))) {
        out.write(bytes);
      }
    }
  }
}
