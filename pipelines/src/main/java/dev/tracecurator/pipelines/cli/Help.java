package dev.tracecurator.pipelines.cli;

import dev.tracecurator.pipelines.CurateOptions;
import dev.tracecurator.pipelines.OptionInterfaces;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --help}: usage, the commands, and curate's options grouped as README groups them, each
 * with its default and description read from {@link CurateOptions}' annotations.
 */
public final class Help {
  private static final int WIDTH = 100;
  private static final String INDENT = "      ";

  /** A group of options; each entry is a property name, optionally {@code =META} for its value's shape. */
  record Group(String title, List<String> options) {}

  /** The declared grouping (README's); the descriptions and defaults come from the annotations. */
  static final List<Group> GROUPS = List.of(
      new Group("inputs", List.of("input=GLOB[#LABELS]", "limitPerSource", "hfToken=TOKEN", "hfEndpoint=URL")),
      new Group("SFT filters", List.of("requireResolved", "maxSftTokens", "languages=a,b", "minQualityScore",
          "excludeInstances=FILE", "excludeRepos=FILE", "decontaminate=GLOB", "decontaminateNgram", "allowGitHistoryAccess", "secrets=redact|drop|keep")),
      new Group("quality and cross-row rules", List.of("dedup", "nearDedup=JACCARD", "maxPerInstance")),
      new Group("formats", List.of("sftFormat=messages|sharegpt|text", "sftFile=jsonl|parquet",
          "chatTemplate=chatml|qwen3|llama3|model", "tokenizer=NAME|PATH|hf://MODEL", "reasoning=keep|strip", "validationFraction",
          "shardSize=N|SIZE")),
      new Group("output", List.of("output=DIR", "overwrite", "report", "minGroupSize", "progressIntervalSeconds", "verbose")),
      new Group("limits", List.of("maxRecordBytes", "readRangeBytes", "maxJsonDepth", "maxRejectedFraction")),
      new Group("runner", List.of("runner=NAME")));

  /** Options read before Beam parses the command line, so they have no getter to annotate. */
  static final OptionDocs OPTIONS_FILE = new OptionDocs("optionsFile", "=FILE", "none",
      "Read options from FILE, one --name=value a line (# comments; ${VAR} and ${VAR:-default} from the environment); "
          + "flags on the command line win. See runner-configs/<runner>/pipeline.options.");

  private Help() {}

  public static void print(PrintStream out) {
    out.println("trace-curator " + Version.ours() + ": agentic software-engineering trajectories in; an analysis table,");
    out.println("grouped statistics, a report and curated SFT data out. One Apache Beam pipeline.");
    out.println();
    out.println("usage: java -jar trace-curator.jar [curate] [--OPTION=VALUE ...]");
    out.println("       java -jar trace-curator.jar COMMAND [ARGS ...]   (COMMAND --help: its own usage)");
    out.println("       java -jar trace-curator.jar --version");
    out.println();
    out.println("commands:");
    for (Commands.Command command : Commands.ALL) {
      out.printf("  %-9s %s%n", command.name(), command.summary());
    }
    out.println();
    options(out);
  }

  /** curate's options, by group, then where Beam's and the runners' own are, and the exit codes. */
  public static void options(PrintStream out) {
    out.println("curate's options (README.md, Options, says more):");
    for (Group group : GROUPS) {
      out.println();
      out.println(group.title() + ":");
      for (String entry : group.options()) {
        print(out, docs(entry));
      }
      if (group.title().equals("runner")) {
        print(out, OPTIONS_FILE);
      }
    }
    out.println();
    out.println("Beam's and the runners' own options (--flinkMaster, --parallelism, --project, --region, ...):");
    out.println(wrap("--help=<OptionsClass>, one of: " + beamOptionsClasses(), "  "));
    out.println();
    out.println("exit codes: 0 done; 1 the job failed; 2 a bad option; 3 an input that matches nothing or cannot be");
    out.println("read; 4 the output folder is refused; 5 the counts do not reconcile; 6 too many records rejected.");
  }

  /** The documentation of one group entry ({@code name} or {@code name=META}). */
  static OptionDocs docs(String entry) {
    String[] nameAndMeta = entry.split("=", 2);
    OptionDocs docs = OptionDocs.of(CurateOptions.class, nameAndMeta[0])
        .orElseThrow(() -> new IllegalStateException("Help.GROUPS names an option CurateOptions lacks: " + nameAndMeta[0]));
    if (nameAndMeta.length > 1) {
      docs = new OptionDocs(docs.name(), "=" + nameAndMeta[1], docs.defaultText(), docs.description());
    }
    return switch (docs.name()) {
      case "input" -> docs.withDefault("the bundled sample, src/sample/");
      case "hfToken" -> docs.withDefault("$HF_TOKEN");
      case "hfEndpoint" -> docs.withDefault("$HF_ENDPOINT, else https://huggingface.co");
      case "runner" -> docs.withDefault(Version.defaultRunner());
      default -> docs;
    };
  }

  /** The simple names of Beam's registered options interfaces, ours first. */
  static String beamOptionsClasses() {
    List<Class<? extends PipelineOptions>> classes = new ArrayList<>(OptionInterfaces.all());
    classes.sort(Comparator.comparing((Class<?> c) -> !c.equals(CurateOptions.class)).thenComparing(Class::getSimpleName));
    return classes.stream().map(Class::getSimpleName).distinct().collect(Collectors.joining(", "));
  }

  private static void print(PrintStream out, OptionDocs docs) {
    out.println("  --" + docs.name() + docs.value() + "   [default: " + docs.defaultText() + "]");
    if (!docs.description().isEmpty()) {
      out.println(wrap(docs.description(), INDENT));
    }
  }

  /** Words wrapped at {@link #WIDTH} columns, each line indented. */
  static String wrap(String text, String indent) {
    StringBuilder all = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        all.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return all.append(line).toString();
  }
}
