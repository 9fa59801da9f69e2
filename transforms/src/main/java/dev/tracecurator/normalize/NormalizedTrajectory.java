package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The tutorial's {@code normalize_trajectory} result: the message objects it keeps, and why the
 * trajectory could not be read when it could not (the tutorial returns an empty list then; we
 * say why).
 */
public record NormalizedTrajectory(List<ObjectNode> messages, String error) {
  static NormalizedTrajectory failed(String error) {
    return new NormalizedTrajectory(List.of(), error);
  }
}
