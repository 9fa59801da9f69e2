package dev.tracecurator.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.decontam.BenchmarkIndex;
import dev.tracecurator.decontam.Contamination;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.TrajectoryIds;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.patch.PatchStats;
import dev.tracecurator.sft.SftExamples;
import dev.tracecurator.sft.PythonStrings;
import dev.tracecurator.sft.ChatTemplate;
import dev.tracecurator.sft.SftMessages;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.sft.SftStatus;
import dev.tracecurator.sft.UnrenderableConversationException;
import dev.tracecurator.sft.TrainTokens;
import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.TokenTally;
import dev.tracecurator.tokens.Tokenizers;
import dev.tracecurator.tooluse.ToolUse;
import dev.tracecurator.tooluse.ToolUseExtractor;
import dev.tracecurator.score.Action;
import dev.tracecurator.score.Actions;
import dev.tracecurator.score.GitHistoryAccess;
import dev.tracecurator.score.QualityScore;
import dev.tracecurator.score.ScoreComponents;
import dev.tracecurator.score.TrajectoryScore;
import dev.tracecurator.secrets.SecretsMode;
import dev.tracecurator.secrets.TrajectorySecrets;
import java.util.ArrayList;
import java.util.List;

/** Scores one trajectory: its analysis row, its SFT decision and, when kept, its SFT example. */
public final class TrajectoryAnalyzer {
  private TrajectoryAnalyzer() {}

  public static AnalysedTrajectory analyse(TrajectoryRecord record, SftSettings settings) {
    return analyse(record, settings, null);
  }

  /** {@code benchmarks}: the {@code --decontaminate} index runs are checked against; null when there is none. */
  public static AnalysedTrajectory analyse(TrajectoryRecord record, SftSettings settings, BenchmarkIndex benchmarks) {
    List<Message> messages = record.messages();
    RoleCounts roles = RoleCounts.of(messages);
    PatchStats patch = PatchParser.parse(record.modelPatch());
    ToolUse tools = ToolUseExtractor.extract(messages, record.textCommands());
    TokenTally cl100k = new TokenTally(Tokenizers.get(Tokenizers.DEFAULT));
    int trajTokens = cl100k.countJoined(contents(messages), '\n');
    List<Action> actions = Actions.of(messages, record.textCommands());
    ScoreComponents components = QualityScore.components(record, patch, actions, trajTokens);
    TrajectorySecrets secrets = TrajectorySecrets.scan(tools.messages(), record.modelPatch());
    TrajectoryScore score = new TrajectoryScore(components, QualityScore.score(components),
        GitHistoryAccess.find(actions).orElse(null), secrets.counts());
    boolean redact = settings.secrets() == SecretsMode.REDACT;
    List<Message> sourceMessages = redact ? secrets.redactedMessages() : tools.messages();
    TrajectoryRecord sftRecord = redact && secrets.found() ? withPatch(record, secrets.redactedPatch()) : record;

    Contamination contamination = benchmarks == null ? null : benchmarks.match(record);
    SftStatus status = filter(record, score, contamination != null, settings);
    String text = null;
    Integer sftTokens = null;
    Integer trainTokens = null;
    List<Message> sftMessages = settings.keepReasoning() ? sourceMessages : SftMessages.withoutReasoning(sourceMessages);
    if (status == SftStatus.KEPT) {
      try {
        if (settings.chatTemplate() == ChatTemplate.MODEL) {
          text = settings.render(sftMessages, record.tools());
          TextTokenizer tokenizer = Tokenizers.get(settings.tokenizer());
          sftTokens = tokenizer.count(text);
          trainTokens = settings.trainTokens(text, tokenizer);
        } else {
          SpannedText rendered = settings.chatTemplate().renderSpanned(sftMessages, record.tools(), settings.keepReasoning());
          text = rendered.text();
          TextTokenizer tokenizer = Tokenizers.get(settings.tokenizer());
          // The same tokenizer counts the message texts it already met in the joined text once more.
          TokenTally tally = tokenizer == cl100k.tokenizer() ? cl100k : new TokenTally(tokenizer);
          sftTokens = tally.count(rendered);
          trainTokens = TrainTokens.count(rendered, settings.chatTemplate(), tally);
        }
        if (sftTokens > settings.maxTokens()) {
          status = SftStatus.TOO_MANY_TOKENS;
        }
      } catch (UnrenderableConversationException e) {
        // The model's own template refuses it (Llama 3: one tool call a turn); training on it would fail.
        status = SftStatus.TEMPLATE_CANNOT_RENDER;
      }
    }
    AnalysisRow row = new AnalysisRow(
        record.instanceId(), record.repo(), record.language(), record.license(), record.resolved(),
        record.agent(), record.model(),
        messages.size(), roles.system(), roles.user(), roles.assistant(), roles.tool(),
        patch.fileCount(), patch.additions(), patch.deletions(), patch.churn(),
        trajTokens, record.category(), record.metaFiles(), record.metaLines(),
        record.isResolved(), record.hasKnownLabel(), record.trajectoryId(),
        tools.totalCalls(), tools.counts(), patch.extensions(),
        status.label(), sftTokens, score, record.trajectoryError(),
        record.position().file(), record.position().line(), trainTokens, null, null,
        contamination == null ? null : contamination.benchmarkId(), contamination == null ? null : contamination.rule().label());
    String sftJson = status == SftStatus.KEPT ? SftExamples.of(sftRecord, sftMessages, text, sftTokens, score, settings) : null;
    if (sftJson == null) {
      return AnalysedTrajectory.of(row, null, null);
    }
    int[] signature = settings.nearDup() == null ? null : settings.nearDup().signature(record, settings.nearDup().hasher());
    return AnalysedTrajectory.of(row, sftJson, TrajectoryIds.contentHash(messages), signature);
  }

  private static TrajectoryRecord withPatch(TrajectoryRecord r, String patch) {
    return new TrajectoryRecord(r.position(), r.instanceId(), r.repo(), r.language(), r.license(), r.resolved(), r.agent(), r.model(),
        r.trajectoryId(), r.category(), r.metaFiles(), r.metaLines(), r.messages(), r.tools(), patch, r.trajectoryError(),
        r.textCommands(), r.baseCommit());
  }

  /** The tutorial's {@code "\n".join(message_text(m) for m in traj)}. */
  public static String joinedText(List<Message> messages) {
    return String.join("\n", contents(messages));
  }

  private static List<String> contents(List<Message> messages) {
    List<String> contents = new ArrayList<>(messages.size());
    for (Message m : messages) {
      contents.add(m.content());
    }
    return contents;
  }

  /**
   * Every per-row filter but the token budget, which needs the rendered text. {@code contaminated}:
   * the run matched a {@code --decontaminate} benchmark instance.
   */
  static SftStatus filter(TrajectoryRecord record, TrajectoryScore score, boolean contaminated, SftSettings settings) {
    if (record.trajectoryError() != null) {
      return SftStatus.MALFORMED_TRAJECTORY;
    }
    if (record.messages().isEmpty()) {
      return SftStatus.EMPTY_TRAJECTORY;
    }
    if (record.instanceId() != null && settings.excludeInstances().contains(record.instanceId())) {
      return SftStatus.EXCLUDED_INSTANCE;
    }
    if (settings.excludesRepo(record.repo())) {
      return SftStatus.EXCLUDED_REPO;
    }
    if (contaminated) {
      return SftStatus.CONTAMINATED;
    }
    if (settings.requireResolved() && !record.isResolved()) {
      return SftStatus.NOT_RESOLVED;
    }
    if (!settings.languages().isEmpty() && !settings.languages().contains(record.language())) {
      return SftStatus.LANGUAGE_NOT_SELECTED;
    }
    if (PythonStrings.isBlank(record.modelPatch())) {
      return SftStatus.EMPTY_PATCH;
    }
    if (!settings.allowGitHistoryAccess() && score.gitHistoryAccess() != null) {
      return SftStatus.GIT_HISTORY_ACCESS;
    }
    if (settings.secrets() == SecretsMode.DROP && score.secretsFound() > 0) {
      return SftStatus.CONTAINS_SECRET;
    }
    if (score.quality() < settings.minQualityScore()) {
      return SftStatus.LOW_QUALITY;
    }
    return SftStatus.KEPT;
  }


}
