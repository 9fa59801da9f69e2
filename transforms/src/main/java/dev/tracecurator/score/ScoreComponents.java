package dev.tracecurator.score;

/**
 * What a trajectory's quality score is made of, each part shown in the analysis table.
 *
 * @param resolved the task's tests passed (resolved == 1)
 * @param hasPatch the agent left a non-empty patch
 * @param patchChurn lines added plus removed
 * @param finished the last action submits or finishes
 * @param actions how many actions the agent took
 * @param repeatedActions actions identical to the one just before
 * @param observations observations the agent received
 * @param toolErrors observations that report an error
 * @param turns assistant turns
 * @param tokens the trajectory's tokens
 */
public record ScoreComponents(
    boolean resolved,
    boolean hasPatch,
    int patchChurn,
    boolean finished,
    int actions,
    int repeatedActions,
    int observations,
    int toolErrors,
    int turns,
    int tokens) {}
