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
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
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

  /**
   * The counter of the input files' bytes as stored (compressed ones before decompression), counted
   * as they are read: with the files' sizes, known before the run, it tells how far a run is.
   */
  public static final String INPUT_BYTES_READ = "input_bytes_read";

  /** Tens of MB is the longest real trajectory seen; a line far past that is an error, not a row. */
  public static final long DEFAULT_MAX_RECORD_BYTES = 256L << 20;

  /** Stretches of a JSON Lines file read as one unit of work: small enough to keep every worker busy. */
  public static final long DEFAULT_RANGE_BYTES = 8L << 20;

  private final List<InputSpec> inputs;
  private final long limitPerSource;
  private final long maxRecordBytes;
  private final long rangeBytes;

  private ReadTrajectoryLines(List<InputSpec> inputs, long limitPerSource, long maxRecordBytes, long rangeBytes) {
    this.inputs = List.copyOf(inputs);
    this.limitPerSource = limitPerSource;
    this.maxRecordBytes = maxRecordBytes;
    this.rangeBytes = rangeBytes;
  }

  public static ReadTrajectoryLines from(List<InputSpec> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input given");
    }
    return new ReadTrajectoryLines(inputs, 0, DEFAULT_MAX_RECORD_BYTES, DEFAULT_RANGE_BYTES);
  }

  /** Only the first {@code limit} records of each input (0 = all). */
  public ReadTrajectoryLines withLimitPerSource(long limit) {
    return new ReadTrajectoryLines(inputs, limit, maxRecordBytes, rangeBytes);
  }

  /** A record (a line, or a one-trajectory file) longer than this is rejected by position, never held whole. */
  public ReadTrajectoryLines withMaxRecordBytes(long bytes) {
    return new ReadTrajectoryLines(inputs, limitPerSource, bytes, rangeBytes);
  }

  /**
   * Uncompressed JSON Lines files larger than this are read in stretches of about this many bytes,
   * each spread over the workers by a random key (0: every file whole, by one worker).
   */
  public ReadTrajectoryLines withRangeBytes(long bytes) {
    return new ReadTrajectoryLines(inputs, limitPerSource, maxRecordBytes, bytes);
  }

  @Override
  public PCollection<SourceLine> expand(PBegin begin) {
    if (limitPerSource > 0) {
      return begin
          .apply("ListInputs", Create.of(inputs).withCoder(JsonRecordCoder.of(InputSpec.class)))
          .apply("ReadFirstRecords", ParDo.of(new ReadFirstRecordsFn(limitPerSource, maxRecordBytes)))
          .setCoder(JsonRecordCoder.of(SourceLine.class));
    }
    return plannedFiles(begin)
        .apply("ReadRecords", ParDo.of(new ReadRecordsFn(reader())))
        .setCoder(JsonRecordCoder.of(SourceLine.class));
  }

  /**
   * The files (or stretches of files) this read would read, spread over workers, for a step that
   * reads and processes each record in place ({@link #reader()}). Not for a sampled read.
   */
  public PTransform<PBegin, PCollection<FileToRead>> plan() {
    if (limitPerSource > 0) {
      throw new IllegalStateException("a sampled read (--limitPerSource) reads its files in order; it has no plan");
    }
    return new PTransform<>() {
      @Override
      public PCollection<FileToRead> expand(PBegin begin) {
        return plannedFiles(begin);
      }
    };
  }

  /** Reads one planned file's records, counting them as this transform does. */
  public RecordReader reader() {
    return new RecordReader(maxRecordBytes);
  }

  private PCollection<FileToRead> plannedFiles(PBegin begin) {
    PCollection<FileToRead> files = begin
        .apply("ListInputs", Create.of(inputs).withCoder(JsonRecordCoder.of(InputSpec.class)))
        .apply("MatchFiles", ParDo.of(new MatchFilesFn()))
        .setCoder(JsonRecordCoder.of(FileToRead.class))
        .apply("SpreadFiles", Reshuffle.viaRandomKey());
    if (rangeBytes > 0) {
      // A few big files would otherwise leave all but a few workers idle.
      files = files
          .apply("CutIntoStretches", ParDo.of(new PlanRangesFn(rangeBytes)))
          .setCoder(JsonRecordCoder.of(FileToRead.class))
          .apply("SpreadStretches", Reshuffle.viaRandomKey());
    }
    return files;
  }

  /**
   * A matched file (or a stretch of one: {@code length} bytes from {@code offset}, starting at line
   * {@code firstLine}; a length of -1 is the whole file) and the labels its rows default to.
   */
  public record FileToRead(String resourceId, String file, String agentHint, String modelHint, RowFormat format,
      Integer resolvedHint, long size, long offset, long length, long firstLine) {
    FileToRead stretch(LineRanges.Range range) {
      return new FileToRead(resourceId, file, agentHint, modelHint, format, resolvedHint, size, range.offset(), range.length(),
          range.firstLine());
    }

    boolean whole() {
      return length < 0;
    }
  }

  /** Cuts each big uncompressed JSON Lines file into stretches of whole lines; other files pass as they are. */
  static final class PlanRangesFn extends DoFn<FileToRead, FileToRead> {
    private final long rangeBytes;

    PlanRangesFn(long rangeBytes) {
      this.rangeBytes = rangeBytes;
    }

    @ProcessElement
    public void process(@Element FileToRead file, OutputReceiver<FileToRead> out) {
      String name = file.file().toLowerCase(Locale.ROOT);
      if (file.size() <= rangeBytes || FileFormat.of(name) != FileFormat.JSON_LINES
          || Compression.detect(name) != Compression.UNCOMPRESSED) {
        out.output(file);
        return;
      }
      List<LineRanges.Range> ranges;
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file.resourceId(), false)))) {
        ranges = LineRanges.plan(in, rangeBytes);
      } catch (IOException | RuntimeException e) {
        stopIfUnavailable(e);
        // Read whole: the reader meets the same trouble and reports it by file and line.
        out.output(file);
        return;
      }
      for (LineRanges.Range range : ranges) {
        out.output(file.stretch(range));
      }
    }
  }

  /** Expands each glob; a glob that matches nothing stops the run with its name. */
  static final class MatchFilesFn extends DoFn<InputSpec, FileToRead> {
    @ProcessElement
    public void process(@Element InputSpec input, OutputReceiver<FileToRead> out) throws IOException {
      for (MatchResult.Metadata file : match(input.glob())) {
        out.output(fileToRead(input, file));
      }
    }
  }

  /** The files a glob matches, sorted by name; an error naming the glob when there are none. */
  public static List<MatchResult.Metadata> match(String glob) throws IOException {
    // The list form keeps the file system's own reason for an empty match.
    MatchResult result = FileSystems.match(List.of(glob)).get(0);
    if (result.status() != MatchResult.Status.OK) {
      String why = null;
      try {
        result.metadata();
      } catch (IOException e) {
        why = e.getMessage();
      }
      throw new IOException("input '" + glob + "' matches no file"
          + (why == null || why.isBlank() || why.startsWith("No files matched") ? "" : " (" + why.lines().findFirst().orElse("") + ")"));
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
    private final RecordReader reader;

    ReadRecordsFn(RecordReader reader) {
      this.reader = reader;
    }

    @ProcessElement
    public void process(@Element FileToRead file, OutputReceiver<SourceLine> out) {
      reader.read(file, out);
    }
  }

  /**
   * Reads a planned file's records into a receiver, with the read counters; one per step that
   * reads, created at construction so that its counters belong to that step.
   */
  public static final class RecordReader implements java.io.Serializable {
    private final Counter read = RunCounters.counter("read");
    private final Counter bytes = RunCounters.counter("bytes_read");
    private final Counter inputBytes = RunCounters.counter(INPUT_BYTES_READ);
    private final long maxRecordBytes;

    RecordReader(long maxRecordBytes) {
      this.maxRecordBytes = maxRecordBytes;
    }

    public void read(FileToRead file, DoFn.OutputReceiver<SourceLine> out) {
      readFile(file, new Emitter(file, out, read, Long.MAX_VALUE, maxRecordBytes), bytes, inputBytes);
    }
  }

  /**
   * The tutorial's sampling ({@code PER_COMBO}): the first N records of an input, its files taken
   * in name order and read one after another, so files past the N-th record are never opened.
   */
  static final class ReadFirstRecordsFn extends DoFn<InputSpec, SourceLine> {
    private final long limit;
    private final long maxRecordBytes;
    private final Counter read = RunCounters.counter("read");
    private final Counter bytes = RunCounters.counter("bytes_read");
    private final Counter inputBytes = RunCounters.counter(INPUT_BYTES_READ);

    ReadFirstRecordsFn(long limit, long maxRecordBytes) {
      this.limit = limit;
      this.maxRecordBytes = maxRecordBytes;
    }

    @ProcessElement
    public void process(@Element InputSpec input, OutputReceiver<SourceLine> out) throws IOException {
      long remaining = limit;
      for (MatchResult.Metadata match : match(input.glob())) {
        FileToRead file = fileToRead(input, match);
        Emitter emitter = new Emitter(file, out, read, remaining, maxRecordBytes);
        try {
          readFile(file, emitter, bytes, inputBytes);
        } catch (Emitter.LimitReached done) {
          return;
        }
        remaining = emitter.remaining;
      }
    }
  }

  static FileToRead fileToRead(InputSpec input, MatchResult.Metadata file) {
    String path = file.resourceId().toString();
    AgentModel labels = input.labelsFor(path);
    return new FileToRead(path, path, labels.agent(), labels.model(), input.format(), input.resolved(), file.sizeBytes(), 0, -1, 1);
  }

  /**
   * Reads one matched file outside a pipeline (the {@code inspect} command), handing each record to
   * {@code each} until it returns false; the same readers, positions and read errors as a run.
   */
  public static void readEach(InputSpec input, MatchResult.Metadata file, long maxRecordBytes,
      java.util.function.Predicate<SourceLine> each) {
    class Collect implements DoFn.OutputReceiver<SourceLine> {
      @Override
      public void output(SourceLine line) {
        if (!each.test(line)) {
          throw new Emitter.LimitReached();
        }
      }

      @Override
      public void outputWithTimestamp(SourceLine line, org.joda.time.Instant timestamp) {
        output(line);
      }
    }
    Counter none = new UncountedCounter();
    try {
      readFile(fileToRead(input, file), new Emitter(fileToRead(input, file), new Collect(), none, Long.MAX_VALUE, maxRecordBytes),
          none, none);
    } catch (Emitter.LimitReached done) {
      // the caller has seen enough
    }
  }

  /** Outside a pipeline there is no metrics container to count in (Beam would warn at every increment). */
  private static final class UncountedCounter extends AddingCounter {
    @Override
    public void inc(long n) {}

    @Override
    public org.apache.beam.sdk.metrics.MetricName getName() {
      return org.apache.beam.sdk.metrics.MetricName.named(ReadTrajectoryLines.class, "inspect");
    }
  }

  private static void stopIfUnavailable(Exception e) {
    InputUnavailableException unavailable = InputUnavailableException.find(e);
    if (unavailable != null) {
      throw new InputStoppedRunException(unavailable);
    }
  }

  /**
   * Reads one file's records into the emitter; what cannot be read becomes a record with a read
   * error. Counts the bytes decompressed into {@code bytes}, the bytes as stored into {@code inputBytes}.
   */
  static void readFile(FileToRead file, Emitter emitter, Counter bytes, Counter inputBytes) {
    String name = file.file().toLowerCase(Locale.ROOT);
    FileFormat format = FileFormat.of(name);
    if (format == null) {
      emitter.failed(0, "unsupported file type: expected .parquet, .jsonl, .json, .traj or .traj.json (text formats "
          + "optionally compressed: .gz, .bz2, .zst, .deflate)");
      return;
    }
    ResourceId resource = FileSystems.matchNewResource(file.resourceId(), false);
    if (format == FileFormat.PARQUET) {
      try {
        long size = FileSystems.matchSingleFileSpec(file.resourceId()).sizeBytes();
        ParquetRows.read(new ChannelInputFile(resource, size), emitter::row);
        bytes.inc(size);
        inputBytes.inc(size);
      } catch (Emitter.LimitReached done) {
        throw done;
      } catch (IOException | RuntimeException e) {
        stopIfUnavailable(e);
        emitter.failed(emitter.lastLine + 1, "cannot read Parquet file " + file.file() + " after row " + emitter.lastLine
            + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      return;
    }
    Compression compression = Compression.detect(name);
    boolean compressed = compression != Compression.UNCOMPRESSED;
    emitter.lastLine = file.firstLine() - 1;
    LiveCount stored = new LiveCount(inputBytes);
    // Uncompressed files keep their own (seekable) channel, and are counted as they are decompressed: unchanged.
    try (ReadableByteChannel channel = compression.readDecompressed(compressed ? new CountingChannel(FileSystems.open(resource), stored)
            : FileSystems.open(resource));
        InputStream in = file.whole() ? Channels.newInputStream(channel) : stretch(channel, file)) {
      CountingStream counted = new CountingStream(in, compressed ? null : stored);
      try {
        if (file.whole()) {
          format.read(counted, emitter);
        } else {
          LineReader.read(counted, emitter, file.firstLine());
        }
      } finally {
        bytes.inc(counted.count());
        stored.flush();
      }
    } catch (Emitter.LimitReached done) {
      throw done;
    } catch (IOException | RuntimeException e) {
      stopIfUnavailable(e);
      emitter.failed(emitter.lastLine + 1, "cannot read " + file.file() + " after line " + emitter.lastLine
          + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The stretch's bytes of an uncompressed file, from a channel that seeks when it can. */
  private static InputStream stretch(ReadableByteChannel channel, FileToRead file) throws IOException {
    InputStream in;
    if (channel instanceof SeekableByteChannel seekable) {
      seekable.position(file.offset());
      in = Channels.newInputStream(seekable);
    } else {
      in = Channels.newInputStream(channel);
      in.skipNBytes(file.offset());
    }
    return new BoundedInputStream(in, file.length());
  }

  /** Turns reader callbacks into source lines, remembering how far the file was read. */
  static final class Emitter implements LineReader.Sink, JsonDocumentReader.Sink {
    private final FileToRead file;
    private final DoFn.OutputReceiver<SourceLine> out;
    private final Counter read;
    private final long maxRecordBytes;
    long lastLine;
    long remaining;

    /** Stops a sampled read once its records are out; carries no stack, it is no error. */
    static final class LimitReached extends RuntimeException {
      LimitReached() {
        super("limit reached", null, false, false);
      }
    }

    Emitter(FileToRead file, DoFn.OutputReceiver<SourceLine> out, Counter read, long remaining, long maxRecordBytes) {
      this.file = file;
      this.out = out;
      this.read = read;
      this.remaining = remaining;
      this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public long maxLineBytes() {
      return maxRecordBytes;
    }

    private void emit(SourceLine line) {
      read.inc();
      out.output(line);
      if (--remaining <= 0) {
        throw new LimitReached();
      }
    }

    @Override
    public void line(long number, String text) {
      lastLine = number;
      emit(new SourceLine(new SourcePosition(file.file(), number), text, file.agentHint(), file.modelHint(), null, file.format(),
          file.resolvedHint()));
    }

    @Override
    public void row(long line, String json) {
      line(line, json);
    }

    @Override
    public void undecodable(long number, String error, String preview) {
      lastLine = number;
      emit(SourceLine.unreadable(new SourcePosition(file.file(), number), preview, error));
    }

    @Override
    public void malformed(long line, String error) {
      failed(line, error);
    }

    void failed(long line, String error) {
      emit(SourceLine.unreadable(new SourcePosition(file.file(), line), null, error));
    }
  }
}
