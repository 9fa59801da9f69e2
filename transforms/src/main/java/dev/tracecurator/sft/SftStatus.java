package dev.tracecurator.sft;

import java.util.List;

/**
 * Where a trajectory ends up: kept for SFT, or filtered for the first reason it fails. Reasons are
 * checked in this order: evaluation sets first (so what decontamination removes is counted in
 * full), then the cheap per-row rules, then the token budget (which needs the rendered text), and
 * last the rules that compare trajectories with each other.
 */
public enum SftStatus {
  KEPT("kept"),
  MALFORMED_TRAJECTORY("malformed_trajectory"),
  EMPTY_TRAJECTORY("empty_trajectory"),
  EXCLUDED_INSTANCE("excluded_instance"),
  EXCLUDED_REPO("excluded_repo"),
  CONTAMINATED("contaminated"),
  NOT_RESOLVED("not_resolved"),
  LANGUAGE_NOT_SELECTED("language_not_selected"),
  EMPTY_PATCH("empty_patch"),
  GIT_HISTORY_ACCESS("git_history_access"),
  CONTAINS_SECRET("contains_secret"),
  LOW_QUALITY("low_quality"),
  TEMPLATE_CANNOT_RENDER("template_cannot_render"),
  TOO_MANY_TOKENS("too_many_tokens"),
  DUPLICATE("duplicate"),
  NEAR_DUPLICATE("near_duplicate"),
  OVER_INSTANCE_LIMIT("over_instance_limit");

  private final String label;

  SftStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Every filter reason, in the order they are checked. */
  public static List<SftStatus> reasons() {
    return List.of(MALFORMED_TRAJECTORY, EMPTY_TRAJECTORY, EXCLUDED_INSTANCE, EXCLUDED_REPO, CONTAMINATED, NOT_RESOLVED, LANGUAGE_NOT_SELECTED,
        EMPTY_PATCH, GIT_HISTORY_ACCESS, CONTAINS_SECRET, LOW_QUALITY, TEMPLATE_CANNOT_RENDER, TOO_MANY_TOKENS, DUPLICATE,
        NEAR_DUPLICATE, OVER_INSTANCE_LIMIT);
  }
}
