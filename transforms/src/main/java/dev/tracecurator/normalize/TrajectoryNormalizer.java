package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The tutorial's {@code normalize_trajectory}, shape for shape: a list of messages, a list of JSON
 * strings, or the whole list as one JSON string. Like Python, iterating an object yields its keys
 * and iterating a string yields its characters; a string item that is not JSON becomes a message
 * of role {@code unknown}; items that are neither objects nor strings are dropped.
 */
public final class TrajectoryNormalizer {
  private TrajectoryNormalizer() {}

  public static NormalizedTrajectory normalize(JsonNode trajectory) {
    if (trajectory == null || trajectory.isNull() || trajectory.isMissingNode()) {
      return new NormalizedTrajectory(List.of(), null);
    }
    JsonNode items = trajectory;
    if (trajectory.isTextual()) {
      Optional<JsonNode> parsed = Json.pythonLoads(trajectory.textValue());
      if (parsed.isEmpty()) {
        return NormalizedTrajectory.failed("trajectory is a string that is not valid JSON");
      }
      items = parsed.get();
    }
    if (!(items.isArray() || items.isObject() || items.isTextual())) {
      return NormalizedTrajectory.failed("trajectory is " + Json.typeName(items) + ", not a list of messages");
    }
    List<ObjectNode> messages = new ArrayList<>(items.size());
    for (JsonNode item : pythonIteration(items)) {
      if (item.isTextual()) {
        Optional<JsonNode> parsed = Json.pythonLoads(item.textValue());
        if (parsed.isEmpty()) {
          ObjectNode unknown = JsonNodeFactory.instance.objectNode();
          unknown.put("role", "unknown");
          unknown.put("content", item.textValue());
          messages.add(unknown);
        } else if (parsed.get().isObject()) {
          messages.add((ObjectNode) parsed.get());
        }
      } else if (item.isObject()) {
        messages.add((ObjectNode) item);
      }
    }
    return new NormalizedTrajectory(messages, null);
  }

  /** What {@code for item in value} yields in Python for a list, a dict or a str. */
  private static Iterable<JsonNode> pythonIteration(JsonNode value) {
    if (value.isArray()) {
      return value;
    }
    List<JsonNode> items = new ArrayList<>();
    if (value.isObject()) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        items.add(JsonNodeFactory.instance.textNode(names.next()));
      }
    } else {
      value.textValue().codePoints()
          .forEach(cp -> items.add(JsonNodeFactory.instance.textNode(new String(Character.toChars(cp)))));
    }
    return items;
  }
}
