package dev.tracecurator.secrets;

import java.util.List;

/**
 * One family of secrets. Detectors may report overlapping candidates; {@link MatchResolver}
 * decides between them, so each detector only has to be right about its own family.
 */
interface Detector {
  /** Adds every candidate in {@code text} to {@code out}. Must run in time linear in the text. */
  void detect(String text, List<SecretMatch> out);
}
