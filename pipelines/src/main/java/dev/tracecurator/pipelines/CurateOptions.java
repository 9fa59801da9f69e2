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
  @Description("Input rows, repeatable (--input=a --input=b): GLOB[#LABELS], GLOB any Beam FileSystems pattern "
      + "(hf://datasets/OWNER/NAME/... too) of .parquet, .jsonl, .json, .traj or .traj.json files (text ones also .gz, "
      + ".bz2, .zst, .deflate). LABELS, comma-separated, for rows that state none: AGENT/MODEL or agent=, model=; "
      + "resolved=1|0; format=NAME.")
  List<String> getInput();

  void setInput(List<String> input);

  @Description("Output folder (any Beam FileSystems path): analysis/, stats/, sft/, rejected/, report/ and manifest.json.")
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

  @Description("Largest SFT example, in cl100k_base tokens of its text rendered with --chatTemplate (the tutorial's MAX_SFT_TOKENS).")
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

  @Description("Keep for SFT only trajectories whose quality_score (see README, Quality score) is at least this.")
  @Default.Double(0.0)
  Double getMinQualityScore();

  void setMinQualityScore(Double minQualityScore);

  @Description("Collapse exact duplicate trajectories (same normalised messages) to the best-scored one.")
  @Default.Boolean(true)
  Boolean getDedup();

  void setDedup(Boolean dedup);

  @Description("Collapse near-duplicate trajectories: runs whose estimated Jaccard similarity (MinHash over 5-word "
      + "shingles of the task statement, the assistant's turns and the patch; tool output excluded) is at least this "
      + "form clusters, of which the best-scored is kept and the rest are near_duplicate. Off (0) by default; e.g. 0.8.")
  @Default.Double(0.0)
  Double getNearDedup();

  void setNearDedup(Double threshold);

  @Description("Keep at most N trajectories per instance_id across scaffolds and models, best-scored first; 0 keeps all.")
  @Default.Integer(0)
  Integer getMaxPerInstance();

  void setMaxPerInstance(Integer maxPerInstance);

  @Description("File of instance ids (one a line, # comments) never kept for SFT, e.g. SWE-bench Verified's; any "
      + "FileSystems path.")
  String getExcludeInstances();

  void setExcludeInstances(String file);

  @Description("File of repositories (owner/name, a GitHub URL or owner__name; one a line) never kept for SFT.")
  String getExcludeRepos();

  void setExcludeRepos(String file);

  @Description("Benchmark instances to decontaminate against, repeatable (--decontaminate=a --decontaminate=b, or "
      + "comma-separated): a FileSystems glob (hf://datasets/OWNER/NAME/... too) of .jsonl, .json or .parquet rows with "
      + "instance_id and problem_statement and/or patch (repo, base_commit used when present), e.g. SWE-bench Verified. "
      + "A run whose task statement shares a --decontaminateNgram word span with a problem statement, whose patch equals a "
      + "gold patch once normalised, or whose instance id or repo@base commit names an instance is contaminated.")
  List<String> getDecontaminate();

  void setDecontaminate(List<String> benchmarks);

  @Description("Words in the span a task statement must share with a benchmark problem statement to be contaminated "
      + "(lower-cased runs of letters and digits).")
  @Default.Integer(13)
  Integer getDecontaminateNgram();

  void setDecontaminateNgram(Integer words);

  @Description("Keep trajectories whose commands read the repository's other history (git log --all, reflog, fetch, "
      + ".git/packed-refs); by default they are filtered as git_history_access.")
  @Default.Boolean(false)
  Boolean getAllowGitHistoryAccess();

  void setAllowGitHistoryAccess(Boolean allow);

  @Description("Credentials found in messages or patches: redact (a typed placeholder), drop (filter the row) or keep.")
  @Default.String("redact")
  String getSecrets();

  void setSecrets(String mode);

  @Description("SFT row shape: messages (OpenAI/TRL), sharegpt (LLaMA-Factory) or text (the rendered template).")
  @Default.String("messages")
  String getSftFormat();

  void setSftFormat(String format);

  @Description("SFT file type: jsonl or parquet.")
  @Default.String("jsonl")
  String getSftFile();

  void setSftFile(String file);

  @Description("Chat template of the rendered text and its token budget: chatml, qwen3, llama3, or model (the chat_template "
      + "of the --tokenizer's tokenizer_config.json, run by a Jinja engine).")
  @Default.String("chatml")
  String getChatTemplate();

  void setChatTemplate(String template);

  @Description("Tokenizer of sft_tokens, train_tokens and --maxSftTokens: cl100k_base (the tutorial's), o200k_base, "
      + "hf://OWNER/NAME[@REVISION] (a Hub model's tokenizer.json), or the path of a tokenizer.json or its folder.")
  @Default.String("cl100k_base")
  String getTokenizer();

  void setTokenizer(String tokenizer);

  @Description("The model's reasoning (reasoning_content): keep or strip.")
  @Default.String("keep")
  String getReasoning();

  void setReasoning(String reasoning);

  @Description("Share of instances held out as the validation split (by a stable hash of instance_id), in [0, 1).")
  @Default.Double(0.0)
  Double getValidationFraction();

  void setValidationFraction(Double fraction);

  @Description("SFT shard size: rows (50000) or bytes of JSON (500MB).")
  @Default.String("100000")
  String getShardSize();

  void setShardSize(String size);

  @Description("Largest share of records read that may be rejected before the run fails (exit code 6); the outputs "
      + "are written either way, without the manifest that marks a finished run. 1 never fails.")
  @Default.Double(0.01)
  Double getMaxRejectedFraction();

  void setMaxRejectedFraction(Double fraction);

  @Description("On failure, print the whole stack trace as well as the one-line message.")
  @Default.Boolean(false)
  Boolean getVerbose();

  void setVerbose(Boolean verbose);

  @Description("Longest record, in bytes (a JSON line, or a one-trajectory file): a longer one is rejected by file and "
      + "line without being held in memory.")
  @Default.Long(256L << 20)
  Long getMaxRecordBytes();

  void setMaxRecordBytes(Long bytes);

  @Description("Deepest JSON nesting a row may have: a deeper one is rejected by file and line instead of exhausting "
      + "the parser's stack.")
  @Default.Integer(2_000)
  Integer getMaxJsonDepth();

  void setMaxJsonDepth(Integer depth);

  @Description("Uncompressed JSON Lines files larger than this many bytes are cut into stretches of whole lines of about "
      + "this size, spread over the workers, so that a few big files keep every worker busy; a small input is cut finer, "
      + "into at least 32 stretches of at least 1 MiB (0: read each file whole).")
  @Default.Long(8L << 20)
  Long getReadRangeBytes();

  void setReadRangeBytes(Long bytes);
}
