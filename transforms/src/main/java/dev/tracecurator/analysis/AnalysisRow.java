package dev.tracecurator.analysis;

import dev.tracecurator.score.TrajectoryScore;
import java.util.Map;

/**
 * One row of the analysis table: the tutorial's {@code process_example} columns, then ours.
 * Numbers the source lacks are null (an empty CSV cell). {@code contaminatedBy} and
 * {@code contaminationRule} name the benchmark instance a run matched under {@code --decontaminate}
 * and the rule that matched ({@link dev.tracecurator.decontam.ContaminationRule}), whatever its
 * SFT status; null when it matched none.
 */
public record AnalysisRow(
    String instanceId,
    String repo,
    String language,
    String license,
    Integer resolved,
    String agent,
    String model,
    int nMessages,
    int nSystem,
    int nUser,
    int nAssistant,
    int nTool,
    int patchFiles,
    int patchAdd,
    int patchDel,
    int patchChurn,
    int trajTokens,
    String category,
    Long metaFiles,
    Long metaLines,
    boolean isResolved,
    boolean knownLabel,
    String trajectoryId,
    int nToolCalls,
    Map<String, Integer> toolCounts,
    Map<String, Integer> patchExtensions,
    String sftStatus,
    Integer sftTokens,
    TrajectoryScore score,
    String trajectoryError,
    String sourceFile,
    long sourceLine,
    Integer trainTokens,
    String nearDupCluster,
    Long nearDupClusterSize,
    String contaminatedBy,
    String contaminationRule) {

  public boolean sftKept() {
    return "kept".equals(sftStatus);
  }

  /** The same row with the SFT decision a later, cross-trajectory rule took. */
  public AnalysisRow withSftStatus(String status) {
    return new AnalysisRow(instanceId, repo, language, license, resolved, agent, model, nMessages, nSystem, nUser, nAssistant,
        nTool, patchFiles, patchAdd, patchDel, patchChurn, trajTokens, category, metaFiles, metaLines, isResolved, knownLabel,
        trajectoryId, nToolCalls, toolCounts, patchExtensions, status, sftTokens, score, trajectoryError, sourceFile, sourceLine,
        trainTokens, nearDupCluster, nearDupClusterSize, contaminatedBy, contaminationRule);
  }

  /**
   * The same row in a near-duplicate cluster; {@code clusterSize} is set on the row the cluster
   * keeps and null on the others, so counting sizes counts each cluster once.
   */
  public AnalysisRow withNearDupCluster(String cluster, Long clusterSize) {
    return new AnalysisRow(instanceId, repo, language, license, resolved, agent, model, nMessages, nSystem, nUser, nAssistant,
        nTool, patchFiles, patchAdd, patchDel, patchChurn, trajTokens, category, metaFiles, metaLines, isResolved, knownLabel,
        trajectoryId, nToolCalls, toolCounts, patchExtensions, sftStatus, sftTokens, score, trajectoryError, sourceFile, sourceLine,
        trainTokens, cluster, clusterSize, contaminatedBy, contaminationRule);
  }
}
