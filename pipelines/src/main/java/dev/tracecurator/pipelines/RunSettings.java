package dev.tracecurator.pipelines;

import dev.tracecurator.decontam.BenchmarkIndex;
import dev.tracecurator.dedup.NearDupSettings;
import dev.tracecurator.io.InputSpec;
import dev.tracecurator.secrets.SecretsMode;
import dev.tracecurator.sft.ChatTemplate;
import dev.tracecurator.sft.ModelTemplate;
import dev.tracecurator.sft.SftFile;
import dev.tracecurator.sft.SftFormat;
import dev.tracecurator.sft.SftLayout;
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
        inputs.add(spec.withGlob(absolute(spec.glob())));
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
    if (options.getLimitPerSource() == null || options.getLimitPerSource() < 0) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--limitPerSource must be 0 (all) or a positive number of records");
    }
    if (options.getMaxRejectedFraction() == null || options.getMaxRejectedFraction() < 0 || options.getMaxRejectedFraction() > 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--maxRejectedFraction must be between 0 and 1");
    }
    if (options.getMaxRecordBytes() == null || options.getMaxRecordBytes() < 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--maxRecordBytes must be a positive number of bytes");
    }
    if (options.getReadRangeBytes() == null || options.getReadRangeBytes() < 0) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--readRangeBytes must be 0 (read files whole) or a positive number of bytes");
    }
    if (options.getMaxJsonDepth() == null || options.getMaxJsonDepth() < 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--maxJsonDepth must be a positive number of levels");
    }
    if (options.getMaxPerInstance() == null || options.getMaxPerInstance() < 0) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--maxPerInstance must be 0 (all) or a positive number");
    }
    if (options.getMinQualityScore() == null || options.getMinQualityScore() < 0 || options.getMinQualityScore() > 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--minQualityScore must be between 0 and 1");
    }
    if (options.getNearDedup() == null || options.getNearDedup() < 0 || options.getNearDedup() > 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--nearDedup must be 0 (off) or a Jaccard similarity up to 1, e.g. 0.8");
    }
    NearDupSettings nearDup = options.getNearDedup() > 0 ? NearDupSettings.atThreshold(options.getNearDedup()) : null;
    if (options.getDecontaminateNgram() == null || options.getDecontaminateNgram() < 1) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, "--decontaminateNgram must be a positive number of words, e.g. 13");
    }
    BenchmarkIndex benchmarks = Benchmarks.index(options.getDecontaminate(), options.getDecontaminateNgram());
    SftSettings sft;
    SftLayout layout;
    try {
      ChatTemplate template = ChatTemplate.parse(options.getChatTemplate());
      String tokenizer = TokenizerCheck.spec(options.getTokenizer());
      ModelTemplate modelTemplate = template == ChatTemplate.MODEL ? TokenizerCheck.modelTemplate(tokenizer) : null;
      long[] shardSize = SftLayout.parseShardSize(options.getShardSize());
      layout = new SftLayout(SftFormat.parse(options.getSftFormat()), SftFile.parse(options.getSftFile()),
          options.getValidationFraction(), shardSize[0], shardSize[1]);
      sft = new SftSettings(options.getRequireResolved(), options.getMaxSftTokens(), languages(options.getLanguages()),
          options.getMinQualityScore(), options.getAllowGitHistoryAccess(),
          ExclusionList.read(options.getExcludeInstances(), "--excludeInstances"),
          ExclusionList.read(options.getExcludeRepos(), "--excludeRepos"),
          SecretsMode.parse(options.getSecrets()), template,
          reasoning(options.getReasoning()), layout.format(), tokenizer, modelTemplate, nearDup);
      TokenizerCheck.load(sft.tokenizer(), sft);
    } catch (IllegalArgumentException e) {
      throw new UsageException(ExitCodes.BAD_OPTIONS, e.getMessage());
    }
    return new CuratePipeline.Settings(inputs, absolute(options.getOutput()), sft, layout, options.getDedup(),
        options.getMaxPerInstance(), options.getMinGroupSize(), options.getReport(), options.getLimitPerSource(),
        options.getMaxRecordBytes(), options.getMaxJsonDepth(), options.getReadRangeBytes(), benchmarks);
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

  private static boolean reasoning(String mode) {
    return switch (mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT)) {
      case "keep" -> true;
      case "strip" -> false;
      default -> throw new IllegalArgumentException("--reasoning must be keep or strip, got '" + mode + "'");
    };
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
