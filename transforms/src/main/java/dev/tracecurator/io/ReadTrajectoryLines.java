package dev.tracecurator.io;

import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.normalize.AgentModel;
import dev.tracecurator.normalize.RowFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every record of every file the inputs match, through Beam FileSystems (local, gs://, …):
 * JSON Lines ({@code .jsonl}, compressed by extension) and {@code .json} documents. Files are
 * spread over workers; each record keeps its file and line. What cannot be read (bad bytes, a
 * truncated archive, an unsupported file) comes out as a line with a read error, so that it is
 * rejected by name and counted, never dropped.
 */
public final class ReadTrajectoryLines extends PTransform<PBegin, PCollection<SourceLine>> {
  public static final String METRICS_NAMESPACE = "trace-curator";

  private final List<InputSpec> inputs;

  private ReadTrajectoryLines(List<InputSpec> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  public static ReadTrajectoryLines from(List<InputSpec> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input given");
    }
    return new ReadTrajectoryLines(inputs);
  }

  @Override
  public PCollection<SourceLine> expand(PBegin begin) {
    return begin
        .apply("ListInputs", Create.of(inputs).withCoder(JsonRecordCoder.of(InputSpec.class)))
        .apply("MatchFiles", ParDo.of(new MatchFilesFn()))
        .setCoder(JsonRecordCoder.of(FileToRead.class))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("ReadRecords", ParDo.of(new ReadRecordsFn()))
        .setCoder(JsonRecordCoder.of(SourceLine.class));
  }

  /** A matched file and the labels its rows default to. */
  public record FileToRead(String resourceId, String file, String agentHint, String modelHint, RowFormat format) {}

  /** Expands each glob; a glob that matches nothing stops the run with its name. */
  static final class MatchFilesFn extends DoFn<InputSpec, FileToRead> {
    @ProcessElement
    public void process(@Element InputSpec input, OutputReceiver<FileToRead> out) throws IOException {
      for (MatchResult.Metadata file : match(input.glob())) {
        String path = file.resourceId().toString();
        Optional<AgentModel> fromPath = AgentModel.fromPath(path);
        String agent = input.hasLabel() ? input.agent() : fromPath.map(AgentModel::agent).orElse(null);
        String model = input.hasLabel() ? input.model() : fromPath.map(AgentModel::model).orElse(null);
        out.output(new FileToRead(path, path, agent, model, input.format()));
      }
    }
  }

  /** The files a glob matches, sorted by name; an error naming the glob when there are none. */
  public static List<MatchResult.Metadata> match(String glob) throws IOException {
    MatchResult result = FileSystems.match(glob, EmptyMatchTreatment.DISALLOW);
    if (result.status() != MatchResult.Status.OK) {
      throw new IOException("input '" + glob + "' matches no file");
    }
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (MatchResult.Metadata m : result.metadata()) {
      if (!m.resourceId().isDirectory()) {
        files.add(m);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("input '" + glob + "' matches no file");
    }
    files.sort(Comparator.comparing(m -> m.resourceId().toString()));
    return files;
  }

  static final class ReadRecordsFn extends DoFn<FileToRead, SourceLine> {
    private final Counter read = Metrics.counter(METRICS_NAMESPACE, "read");
    private final Counter bytes = Metrics.counter(METRICS_NAMESPACE, "bytes_read");

    @ProcessElement
    public void process(@Element FileToRead file, OutputReceiver<SourceLine> out) {
      Emitter emitter = new Emitter(file, out, read);
      String name = file.file().toLowerCase(Locale.ROOT);
      FileFormat format = FileFormat.of(name);
      if (format == null) {
        emitter.failed(0, "unsupported file type: expected .jsonl, .json, .traj or .traj.json, optionally compressed "
            + "(.gz, .bz2, .zst, .deflate)");
        return;
      }
      ResourceId resource = FileSystems.matchNewResource(file.resourceId(), false);
      Compression compression = Compression.detect(name);
      try (ReadableByteChannel channel = compression.readDecompressed(FileSystems.open(resource));
          InputStream in = Channels.newInputStream(channel)) {
        CountingStream counted = new CountingStream(in);
        try {
          format.read(counted, emitter);
        } finally {
          bytes.inc(counted.count());
        }
      } catch (IOException | RuntimeException e) {
        emitter.failed(emitter.lastLine + 1, "cannot read " + file.file() + " after line " + emitter.lastLine
            + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /** Turns reader callbacks into source lines, remembering how far the file was read. */
  static final class Emitter implements LineReader.Sink, JsonDocumentReader.Sink {
    private final FileToRead file;
    private final DoFn.OutputReceiver<SourceLine> out;
    private final Counter read;
    long lastLine;

    Emitter(FileToRead file, DoFn.OutputReceiver<SourceLine> out, Counter read) {
      this.file = file;
      this.out = out;
      this.read = read;
    }

    @Override
    public void line(long number, String text) {
      lastLine = number;
      read.inc();
      out.output(new SourceLine(new SourcePosition(file.file(), number), text, file.agentHint(), file.modelHint(), null,
          file.format()));
    }

    @Override
    public void row(long line, String json) {
      line(line, json);
    }

    @Override
    public void undecodable(long number, String error, String preview) {
      lastLine = number;
      read.inc();
      out.output(SourceLine.unreadable(new SourcePosition(file.file(), number), preview, error));
    }

    @Override
    public void malformed(long line, String error) {
      failed(line, error);
    }

    void failed(long line, String error) {
      read.inc();
      out.output(SourceLine.unreadable(new SourcePosition(file.file(), line), null, error));
    }
  }
}
