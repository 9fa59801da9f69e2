package dev.tracecurator.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import dev.tracecurator.io.hf.HfOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of the {@code curate} pipeline. Defaults are the tutorial's constants. Runner options
 * ({@code --runner}, Flink's and Dataflow's) are Beam's own and are not repeated here.
 */
public interface CurateOptions extends PipelineOptions, HfOptions {
  @Description("Input rows: GLOB[#AGENT/MODEL], repeatable (--input=a --input=b). GLOB is any Beam FileSystems "
      + "pattern matching .jsonl, .jsonl.gz or .json files; #AGENT/MODEL labels rows that name no agent/model "
      + "of their own. Default: the bundled sample under src/sample/.")
  List<String> getInput();

  void setInput(List<String> input);

  @Description("Output folder (any Beam FileSystems path): analysis/, stats/, sft/, rejected/ and manifest.json.")
  @Default.String("out")
  String getOutput();

  void setOutput(String output);

  @Description("Read only the first N records of each --input, its files in name order, opening no file past the "
      + "N-th record (the tutorial's PER_COMBO=400); 0 reads everything.")
  @Default.Long(0)
  Long getLimitPerSource();

  void setLimitPerSource(Long limit);

  @Description("Replace the outputs of a finished run already in --output.")
  @Default.Boolean(false)
  Boolean getOverwrite();

  void setOverwrite(Boolean overwrite);

  @Description("Keep only resolved trajectories (resolved == 1) for SFT (the tutorial's SFT_REQUIRE_RESOLVED).")
  @Default.Boolean(true)
  Boolean getRequireResolved();

  void setRequireResolved(Boolean requireResolved);

  @Description("Largest SFT example, in cl100k_base tokens of its rendered ChatML text (the tutorial's MAX_SFT_TOKENS).")
  @Default.Integer(32_000)
  Integer getMaxSftTokens();

  void setMaxSftTokens(Integer maxSftTokens);

  @Description("Languages to keep for SFT, comma-separated and lower-case (e.g. python,go); empty keeps all "
      + "(the tutorial's SFT_LANGUAGES).")
  @Default.String("")
  String getLanguages();

  void setLanguages(String languages);

  @Description("Smallest group (rows with a known label) reported in resolution_by_language (the tutorial's n >= 25).")
  @Default.Integer(25)
  Integer getMinGroupSize();

  void setMinGroupSize(Integer minGroupSize);

  @Description("Write report/: the tutorial's charts as PNG and one HTML page with the tables and an SFT example.")
  @Default.Boolean(true)
  Boolean getReport();

  void setReport(Boolean report);

  @Description("Seconds between progress lines while the job runs; 0 turns progress off.")
  @Default.Integer(5)
  Integer getProgressIntervalSeconds();

  void setProgressIntervalSeconds(Integer seconds);
}
