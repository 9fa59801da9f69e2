package dev.tracecurator.sft;

import java.util.List;

/**
 * Where a trajectory ends up: kept for SFT, or filtered for the first reason it fails. Reasons are
 * checked in this order, cheapest first, so the rendered text is tokenised only for rows that
 * pass every other filter.
 */
public enum SftStatus {
  KEPT("kept"),
  MALFORMED_TRAJECTORY("malformed_trajectory"),
  EMPTY_TRAJECTORY("empty_trajectory"),
  NOT_RESOLVED("not_resolved"),
  LANGUAGE_NOT_SELECTED("language_not_selected"),
  EMPTY_PATCH("empty_patch"),
  TOO_MANY_TOKENS("too_many_tokens");

  private final String label;

  SftStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Every filter reason, in the order they are checked. */
  public static List<SftStatus> reasons() {
    return List.of(MALFORMED_TRAJECTORY, EMPTY_TRAJECTORY, NOT_RESOLVED, LANGUAGE_NOT_SELECTED, EMPTY_PATCH, TOO_MANY_TOKENS);
  }
}
