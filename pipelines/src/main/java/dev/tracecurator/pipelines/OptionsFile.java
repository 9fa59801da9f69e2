package dev.tracecurator.pipelines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --optionsFile=FILE}: a runner's options kept under version control (one {@code --name=value}
 * a line, {@code #} comments), merged under the command line: a flag given on the command line
 * wins over the same flag in the file. {@code --input} lines add to the command line's inputs only
 * when it gives none.
 */
final class OptionsFile {
  private static final String FLAG = "--optionsFile=";

  private OptionsFile() {}

  static String[] merge(String[] args) {
    List<String> cli = new ArrayList<>();
    Path file = null;
    for (String arg : args) {
      if (arg.startsWith(FLAG)) {
        file = Path.of(arg.substring(FLAG.length()));
      } else {
        cli.add(arg);
      }
    }
    if (file == null) {
      return args;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "cannot read --optionsFile " + file + ": " + e.getMessage());
    }
    Set<String> given = new HashSet<>();
    for (String arg : cli) {
      given.add(name(arg));
    }
    List<String> merged = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.startsWith("--")) {
        throw new UsageException(ExitCodes.BAD_OPTIONS, file + ":" + (i + 1) + ": expected --name=value, got '" + line + "'");
      }
      if (!given.contains(name(line))) {
        merged.add(expand(line));
      }
    }
    merged.addAll(cli);
    return merged.toArray(String[]::new);
  }

  private static String name(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.substring(0, eq);
  }

  /** ${VAR} and ${VAR:-default} from the environment, so one file serves many projects and buckets. */
  static String expand(String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      int start = line.indexOf("${", i);
      if (start < 0) {
        out.append(line, i, line.length());
        break;
      }
      int end = line.indexOf('}', start);
      if (end < 0) {
        out.append(line, i, line.length());
        break;
      }
      out.append(line, i, start);
      String expression = line.substring(start + 2, end);
      int dash = expression.indexOf(":-");
      String variable = dash < 0 ? expression : expression.substring(0, dash);
      String value = System.getenv(variable);
      if (value == null || value.isEmpty()) {
        if (dash < 0) {
          throw new UsageException(ExitCodes.BAD_OPTIONS, "the options file needs the environment variable " + variable);
        }
        value = expression.substring(dash + 2);
      }
      out.append(value);
      i = end + 1;
    }
    return out.toString();
  }
}
