package dev.tracecurator.secrets;

import java.util.List;

/**
 * One family of secrets. Detectors may report overlapping candidates; {@link MatchResolver}
 * decides between them, so each detector only has to be right about its own family.
 */
interface Detector {
  /** The literals whose places in a text the detector starts from. */
  List<Trigger> triggers();

  /**
   * Adds every candidate in {@code text} to {@code out}, starting from the places of its
   * triggers. Must run in time linear in the text.
   */
  void detect(String text, Triggers triggers, List<SecretMatch> out);
}
