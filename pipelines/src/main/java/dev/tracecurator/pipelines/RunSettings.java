package dev.tracecurator.pipelines;

import dev.tracecurator.io.InputSpec;
import dev.tracecurator.sft.SftSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and checks the options of a run, so the graph is only built from valid settings. */
final class RunSettings {
  private RunSettings() {}

  static CuratePipeline.Settings from(CurateOptions options) {
    List<String> rawInputs = options.getInput() == null || options.getInput().isEmpty()
        ? SampleInputs.resolve() : options.getInput();
    List<InputSpec> inputs = new ArrayList<>();
    for (String input : rawInputs) {
      try {
        InputSpec spec = InputSpec.parse(input);
        inputs.add(new InputSpec(absolute(spec.glob()), spec.agent(), spec.model(), spec.format()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(ExitCodes.BAD_OPTIONS, e.getMessage());
      }
    }
    if (options.getMaxSftTokens() == null || options.getMaxSftTokens() < 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--maxSftTokens must be a positive number of tokens");
    }
    if (options.getMinGroupSize() == null || options.getMinGroupSize() < 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--minGroupSize must be at least 1");
    }
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--output must name a folder");
    }
    SftSettings sft = new SftSettings(options.getRequireResolved(), options.getMaxSftTokens(), languages(options.getLanguages()));
    if (options.getLimitPerSource() == null || options.getLimitPerSource() < 0) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--limitPerSource must be 0 (all) or a positive number of records");
    }
    return new CuratePipeline.Settings(inputs, absolute(options.getOutput()), sft, options.getMinGroupSize(),
        options.getReport(), options.getLimitPerSource());
  }

  /**
   * A local path made absolute: workers (a Flink TaskManager, say) do not share the launcher's
   * working directory. Paths with a scheme (gs://, hf://, file://) are left as they are.
   */
  static String absolute(String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return path;
    }
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  private static Set<String> languages(String list) {
    Set<String> out = new LinkedHashSet<>();
    if (list != null) {
      for (String language : list.split(",")) {
        if (!language.isBlank()) {
          out.add(language.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }
}
