package dev.tracecurator.pipelines.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands of {@code trace-curator.jar}, one line each for {@code --help}, and each one's
 * usage for {@code COMMAND --help}. {@code curate} is the default: no word needed.
 */
public final class Commands {
  /** A command: its word, one line saying what it does, and its usage (null: {@link Help#options}). */
  public record Command(String name, String summary, String usage) {}

  public static final Command CURATE = new Command("curate",
      "(the default) read the inputs; write analysis/, stats/, sft/, rejected/, report/ and manifest.json", null);

  public static final List<Command> ALL = List.of(
      CURATE,
      new Command("inspect", "per file: the detected format, its mapping, rows, rejections and the first row as normalised",
          """
          usage: java -jar trace-curator.jar inspect GLOB[#LABELS] ...
            prints, per file, the detected format, the mapping used, rows, rows that would be rejected,
            and the first row as normalised (roles, tool calls, patch files, label, model, agent)
            GLOB[#LABELS]  as --input takes them: any Beam FileSystems glob, then labels such as
                           #resolved=1, #agent=NAME, #model=NAME, #format=NAME
          """),
      new Command("generate", "write seeded synthetic trajectory rows (JSON Lines, .gz, or Parquet for the Hub schema)",
          """
          usage: java -jar trace-curator.jar generate --out=FILE [--rows=N] [--seed=S] [--schema=hub|tutorial]
                 [--harness=openhands|sweagent] [--model=NAME]
            --out=FILE        where to write: .jsonl, .jsonl.gz, or .parquet (Hub schema only); required
            --rows=N          how many rows (default 100)
            --seed=S          row i depends only on (seed, i) (default 42)
            --schema=NAME     hub: today's Open-SWE-Traces rows; tutorial: the tutorial's (default hub)
            --harness=NAME    openhands or sweagent (default openhands)
            --model=NAME      the model named in the rows (default minimax_m25)
          """),
      new Command("bench", "time the bare loop and the whole curate pipeline on each runner, on one input",
          """
          usage: java -jar trace-curator.jar bench [--rows=N] [--seed=S] [--input=DIR] [--runners=direct,flink]
                 [--threads=N] [--tokenizer=SPEC] [--chatTemplate=NAME] [--curate=OPTION]...
            prints rows/s, MB/s, tokens/s of the bare loop, the domain loop and each runner's whole run,
            in one sitting; asserts nothing; its temporary folder is removed at the end
            --rows=N          rows to generate when no --input is given (default 2000)
            --seed=S          the generator's seed (default 20261125)
            --input=DIR       the JSON Lines files under DIR instead of generated rows
            --runners=LIST    direct, flink, or both (default direct,flink)
            --threads=N       threads of the bare and domain loops (default: the cores)
            --tokenizer=SPEC, --chatTemplate=NAME
                              passed to the runners' curate runs (the loops keep the tutorial's)
            --curate=OPTION   a curate option added to every curate run, e.g. --curate=--nearDedup=0.8
          """));

  private Commands() {}

  public static Optional<Command> named(String word) {
    return ALL.stream().filter(c -> c.name().equals(word)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Command::name).toList();
  }

  /** The curate job's arguments: the optional word {@code curate} taken off. */
  public static String[] curateArgs(String[] args) {
    return args.length > 0 && args[0].equals(CURATE.name()) ? Arrays.copyOfRange(args, 1, args.length) : args;
  }
}
