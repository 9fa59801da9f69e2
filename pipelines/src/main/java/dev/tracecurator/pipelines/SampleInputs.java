package dev.tracecurator.pipelines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled sample under {@code src/sample/}, read when no {@code --input} is given. */
final class SampleInputs {
  static final List<String> INPUTS = List.of(
      "src/sample/data/**/*.jsonl.gz",
      "src/sample/tutorial-schema/openhands__qwen35_122b.jsonl#openhands/qwen35_122b",
      "src/sample/tutorial-schema/sweagent__minimax_m25.jsonl#sweagent/minimax_m25");

  private SampleInputs() {}

  static List<String> resolve() {
    if (!Files.isDirectory(Path.of("src/sample"))) {
      throw new UsageException(ExitCodes.BAD_INPUT,
          "no --input given and the bundled sample (src/sample/) is not in the current folder: "
              + "run from the repository root, or pass --input=GLOB");
    }
    return INPUTS;
  }
}
