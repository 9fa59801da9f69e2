package dev.tracecurator.pipelines.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.io.InputSpec;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.FieldRef;
import dev.tracecurator.normalize.FormatDetector;
import dev.tracecurator.normalize.FormatMapping;
import dev.tracecurator.normalize.FormatMappings;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.NormalizeRecords;
import dev.tracecurator.normalize.RowFormat;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.patch.PatchStats;
import dev.tracecurator.tooluse.ToolUse;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code java -jar trace-curator.jar inspect GLOB[#LABELS] …}: what a run would read, before it
 * runs. Per file: the format of its rows, the mapping used for that format, how many rows it holds
 * and how many would be rejected (with the first reason), and its first row as normalised: roles,
 * tool calls, patch files, label, model and agent. Reads with the run's own readers and mapping.
 */
public final class InspectCommand {
  /** Rows whose format is told by parsing them; past this the rest are only counted. */
  static final int FORMAT_SAMPLE = 1_000;
  private static final long MAX_RECORD_BYTES = 256L << 20;

  private InspectCommand() {}

  /** Returns the exit code: 0, 2 for no glob given, 3 for a glob that matches nothing. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> globs = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
    if (globs.isEmpty() || List.of(args).contains("--help")) {
      (globs.isEmpty() && !List.of(args).contains("--help") ? err : out).println(
          "usage: java -jar trace-curator.jar inspect GLOB[#LABELS] ...\n"
              + "  prints, per file, the detected format, the mapping used, rows, rows that would be rejected,\n"
              + "  and the first row as normalised (roles, tool calls, patch files, label, model, agent)");
      return globs.isEmpty() && !List.of(args).contains("--help") ? 2 : 0;
    }
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    for (String glob : globs) {
      InputSpec input;
      List<MatchResult.Metadata> files;
      try {
        input = InputSpec.parse(glob);
        files = ReadTrajectoryLines.match(input.glob());
      } catch (IOException | IllegalArgumentException e) {
        err.println("trace-curator inspect: " + glob + ": " + e.getMessage());
        return 3;
      }
      for (MatchResult.Metadata file : files) {
        print(input, file, out);
      }
    }
    return 0;
  }

  private static void print(InputSpec input, MatchResult.Metadata file, PrintStream out) {
    FileReport report = new FileReport(input);
    ReadTrajectoryLines.readEach(input, file, MAX_RECORD_BYTES, report::add);
    out.printf("%s  (%,d bytes)%n", file.resourceId(), file.sizeBytes());
    out.printf("  rows: %,d; rejected: %,d%s%n", report.rows, report.rejected,
        report.firstRejection == null ? "" : " (first, line " + report.firstRejection.line() + ": " + report.firstRejection.error() + ")");
    if (!input.labels().isEmpty()) {
      out.println("  labels from the input: " + String.join(", ", input.labels()) + " (for rows that state none)");
    }
    String formats = report.formats.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    out.printf("  format: %s%s%n", formats.isEmpty() ? "none told" : formats,
        input.format() == RowFormat.AUTO ? " (told by shape, of the first " + Math.min(report.rows, FORMAT_SAMPLE) + " rows)" : " (named)");
    for (String format : report.formats.keySet()) {
      if (!format.equals("unknown shape")) {
        describe(FormatMappings.of(RowFormat.parse(format)), out);
      }
    }
    if (report.first != null) {
      firstRow(report.first, report.firstLine, out);
    }
    out.println();
  }

  static void describe(FormatMapping m, PrintStream out) {
    out.println("  mapping (" + m.format().label() + "): " + m.sets());
    out.println("    messages <- " + refs(m.messages()) + (m.systemPrompt().isEmpty() ? "" : "; system prompt <- " + refs(m.systemPrompt())));
    out.println("    patch <- " + refs(m.patch()) + "; resolved <- " + refs(m.resolved()));
    out.println("    model <- " + refs(m.model()) + "; agent <- " + refs(m.agent())
        + (m.harness() == null ? "" : " (else " + m.harness() + ")") + "; instance <- " + refs(m.instance()));
    out.println("    tools <- " + refs(m.tools()) + "; calls: " + m.calls());
  }

  private static String refs(List<FieldRef> refs) {
    return refs.isEmpty() ? "(none)" : refs.stream().map(FieldRef::toString).collect(Collectors.joining(" | "));
  }

  private static void firstRow(TrajectoryRecord r, long line, PrintStream out) {
    Map<String, Integer> roles = new TreeMap<>();
    for (Message m : r.messages()) {
      roles.merge(String.valueOf(m.role()), 1, Integer::sum);
    }
    ToolUse tools = ToolUseExtractor.extract(r.messages(), r.textCommands());
    PatchStats patch = PatchParser.parse(r.modelPatch());
    out.printf("  first row (line %d), as normalised:%n", line);
    out.printf("    instance: %s; trajectory: %s; agent: %s; model: %s; resolved: %s%n", r.instanceId(), r.trajectoryId(),
        r.agent(), r.model(), r.resolved() == null ? "no label" : r.resolved());
    out.printf("    messages: %d %s; tool schemas: %d%n", r.messages().size(), roles, r.tools().size());
    out.printf("    tool calls: %d %s%n", tools.totalCalls(), new TreeMap<>(tools.counts()));
    out.printf("    patch: %s%n", r.modelPatch() == null || r.modelPatch().isBlank() ? "none"
        : patch.fileCount() + " file(s), +" + patch.additions() + " -" + patch.deletions());
    if (r.trajectoryError() != null) {
      out.println("    trajectory error: " + r.trajectoryError());
    }
  }

  /** What one file's rows come to. */
  private static final class FileReport {
    private final InputSpec input;
    private final Map<String, Integer> formats = new TreeMap<>();
    long rows;
    long rejected;
    RejectedRecord firstRejection;
    TrajectoryRecord first;
    long firstLine;

    FileReport(InputSpec input) {
      this.input = input;
    }

    boolean add(SourceLine line) {
      rows++;
      if (rows <= FORMAT_SAMPLE) {
        formats.merge(format(line), 1, Integer::sum);
      }
      NormalizeRecords.Outcome outcome = NormalizeRecords.outcome(line);
      if (outcome.rejected() != null) {
        rejected++;
        firstRejection = firstRejection == null ? outcome.rejected() : firstRejection;
      } else if (first == null) {
        first = outcome.record();
        firstLine = line.position().line();
      }
      return true;
    }

    private String format(SourceLine line) {
      if (input.format() != RowFormat.AUTO) {
        return input.format().label();
      }
      if (line.text() == null || line.readError() != null) {
        return "unknown shape";
      }
      try {
        JsonNode row = Json.STRICT.readTree(line.text());
        return FormatDetector.detect(row, line.position().file()).label();
      } catch (IOException | RuntimeException e) {
        return "unknown shape";
      }
    }
  }
}
