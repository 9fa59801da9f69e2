package dev.tracecurator.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.patch.PatchParser;
import dev.tracecurator.patch.PatchStats;
import dev.tracecurator.sft.ChatMlRenderer;
import dev.tracecurator.sft.PythonStrings;
import dev.tracecurator.sft.SftMessages;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.sft.SftStatus;
import dev.tracecurator.tokens.TokenCounter;
import dev.tracecurator.tooluse.ToolUse;
import dev.tracecurator.tooluse.ToolUseExtractor;
import java.util.List;

/** Scores one trajectory: its analysis row, its SFT decision and, when kept, its SFT example. */
public final class TrajectoryAnalyzer {
  private TrajectoryAnalyzer() {}

  public static AnalysedTrajectory analyse(TrajectoryRecord record, SftSettings settings) {
    List<Message> messages = record.messages();
    RoleCounts roles = RoleCounts.of(messages);
    PatchStats patch = PatchParser.parse(record.modelPatch());
    ToolUse tools = ToolUseExtractor.extract(messages);
    int trajTokens = TokenCounter.count(joinedText(messages));

    SftStatus status = filter(record, settings);
    String text = null;
    Integer sftTokens = null;
    if (status == SftStatus.KEPT) {
      text = ChatMlRenderer.render(tools.messages());
      sftTokens = TokenCounter.count(text);
      if (sftTokens > settings.maxTokens()) {
        status = SftStatus.TOO_MANY_TOKENS;
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
        status.label(), sftTokens, record.trajectoryError(),
        record.position().file(), record.position().line());
    String sftJson = status == SftStatus.KEPT ? sftExample(record, tools.messages(), text, sftTokens) : null;
    return new AnalysedTrajectory(row, sftJson);
  }

  /** The tutorial's {@code "\n".join(message_text(m) for m in traj)}. */
  public static String joinedText(List<Message> messages) {
    int size = messages.size();
    for (Message m : messages) {
      size += m.content().length();
    }
    StringBuilder out = new StringBuilder(size);
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(messages.get(i).content());
    }
    return out.toString();
  }

  /** Every filter but the token budget, which needs the rendered text. */
  static SftStatus filter(TrajectoryRecord record, SftSettings settings) {
    if (record.trajectoryError() != null) {
      return SftStatus.MALFORMED_TRAJECTORY;
    }
    if (record.messages().isEmpty()) {
      return SftStatus.EMPTY_TRAJECTORY;
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
    return SftStatus.KEPT;
  }

  private static String sftExample(TrajectoryRecord record, List<Message> messages, String text, int tokens) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("instance_id", record.instanceId());
    node.put("trajectory_id", record.trajectoryId());
    node.put("repo", record.repo());
    node.put("language", record.language());
    node.put("agent", record.agent());
    node.put("model", record.model());
    node.set("messages", SftMessages.toJson(messages));
    if (!record.tools().isEmpty()) {
      ArrayNode tools = node.putArray("tools");
      for (String schema : record.tools()) {
        tools.add(Json.pythonLoads(schema).orElseThrow());
      }
    }
    node.put("text", text);
    node.put("model_patch", record.modelPatch());
    node.put("approx_tokens", tokens);
    return Json.write(node);
  }
}
