package dev.tracecurator.decontam;

/**
 * Which comparison tied a run to a benchmark instance, in the order they are tried: the cheap,
 * certain ones (names) first, then the patch, then the words of the task statement.
 */
public enum ContaminationRule {
  INSTANCE_ID("instance_id"),
  REPO_COMMIT("repo_commit"),
  PATCH("patch"),
  NGRAM("ngram");

  private final String label;

  ContaminationRule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
