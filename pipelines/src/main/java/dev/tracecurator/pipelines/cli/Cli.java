package dev.tracecurator.pipelines.cli;

import dev.tracecurator.pipelines.CurateOptions;
import dev.tracecurator.pipelines.OptionInterfaces;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * What the command line asks before any run: {@code --help}, {@code -h}, {@code help [COMMAND]},
 * {@code COMMAND --help}, Beam's {@code --help=OptionsClass} and {@code --version}; and, for a
 * run, the unknown option or command with the closest known one.
 */
public final class Cli {
  private Cli() {}

  /** The exit code when the arguments ask for help or the version (printed), else empty: a command runs. */
  public static Optional<Integer> answer(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return Optional.empty();
    }
    List<String> all = List.of(args);
    Optional<Commands.Command> command = Commands.named(args[0]);
    if (args[0].equals("help")) {
      command = args.length > 1 ? Commands.named(args[1]) : Optional.empty();
      if (args.length > 1 && command.isEmpty()) {
        err.println("trace-curator: no command " + args[1] + unknownCommandHint(args[1]));
        return Optional.of(2);
      }
      return Optional.of(help(command, out));
    }
    for (String arg : all) {
      if (arg.startsWith("--help=")) {
        return Optional.of(optionsClassHelp(arg.substring("--help=".length()), out, err));
      }
    }
    if (all.contains("--help") || all.contains("-h")) {
      return Optional.of(help(command, out));
    }
    if (command.isEmpty() && all.contains("--version")) {
      Version.print(out);
      return Optional.of(0);
    }
    return Optional.empty();
  }

  /** For a curate run: the first argument that names no option Beam or we know, with the closest one. */
  public static Optional<String> unknown(String[] args) {
    Set<String> ours = OptionDocs.properties(CurateOptions.class);
    Set<String> known = new LinkedHashSet<>(ours);
    for (Class<? extends PipelineOptions> options : OptionInterfaces.all()) {
      known.addAll(OptionDocs.properties(options));
    }
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        return Optional.of("unexpected argument '" + arg + "'" + unknownCommandHint(arg));
      }
      String name = arg.substring(2).split("=", 2)[0];
      if (!known.contains(name)) {
        Optional<String> close = Suggest.closest(name, ours).or(() -> Suggest.closest(name, known));
        return Optional.of("unknown option --" + name + close.map(c -> "; did you mean --" + c + "?")
            .orElse("; --help lists the options"));
      }
    }
    return Optional.empty();
  }

  private static String unknownCommandHint(String word) {
    return Suggest.closest(word, Commands.names()).map(c -> "; did you mean " + c + "?")
        .orElse("; the commands are " + String.join(", ", Commands.names()) + " (--help says more)");
  }

  private static int help(Optional<Commands.Command> command, PrintStream out) {
    if (command.isEmpty()) {
      Help.print(out);
    } else if (command.get().usage() == null) {
      out.println("usage: java -jar trace-curator.jar [curate] [--OPTION=VALUE ...]");
      out.println("  " + command.get().summary());
      out.println();
      Help.options(out);
    } else {
      out.print(command.get().usage());
    }
    out.flush();
    return 0;
  }

  /** Beam's own help for one options interface, by simple or full name, as Beam's --help=Class prints it. */
  private static int optionsClassHelp(String name, PrintStream out, PrintStream err) {
    for (Class<? extends PipelineOptions> options : OptionInterfaces.all()) {
      if (options.getName().equals(name) || options.getSimpleName().equals(name)) {
        PipelineOptionsFactory.register(options);
        PipelineOptionsFactory.printHelp(out, options);
        out.flush();
        return 0;
      }
    }
    err.println("trace-curator: no options class " + name + "; the classes are: " + Help.beamOptionsClasses());
    return 2;
  }
}
