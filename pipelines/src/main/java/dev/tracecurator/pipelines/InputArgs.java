package dev.tracecurator.pipelines;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the {@code --input=} arguments out of the command line before Beam parses it: Beam splits
 * list options at commas, which would break globs such as {@code data/{a,b}/*.jsonl}.
 */
record InputArgs(List<String> inputs, String[] rest) {
  private static final String PREFIX = "--input=";

  static InputArgs split(String[] args) {
    List<String> inputs = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith(PREFIX)) {
        inputs.add(arg.substring(PREFIX.length()));
      } else {
        rest.add(arg);
      }
    }
    return new InputArgs(inputs, rest.toArray(String[]::new));
  }
}
