package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.errors.InvalidRecordException;
import java.util.List;

/** Reads a row's values by the {@link FieldRef}s a {@link FormatMapping} declares. */
final class RowView {
  private final JsonNode row;
  private final String file;

  RowView(JsonNode row, String file) {
    this.row = row;
    this.file = file;
  }

  /** The node at a path; a string met on the way is read as the JSON it holds (metadata, replay_config). */
  JsonNode node(FieldRef ref) {
    if (FieldRef.WHOLE_ROW.equals(ref.path())) {
      return row.isArray() ? row : null;
    }
    JsonNode node = row;
    String[] steps = ref.steps();
    for (int i = 0; i < steps.length; i++) {
      if (node.isTextual() && i > 0) {
        node = Json.pythonLoads(node.textValue()).orElse(null);
        if (node == null) {
          return null;
        }
      }
      if (!node.isObject()) {
        return null;
      }
      node = node.get(steps[i]);
      if (!RowFields.present(node)) {
        return null;
      }
    }
    return node;
  }

  /** The first path present. */
  JsonNode first(List<FieldRef> refs) {
    for (FieldRef ref : refs) {
      JsonNode node = node(ref);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /**
   * The first present scalar, as text; a container where text belongs is passed over when a later
   * path may still hold the text, and is an error naming its field when none does.
   */
  String text(List<FieldRef> refs) {
    FieldRef wrongType = null;
    for (FieldRef ref : refs) {
      if (FieldRef.FILE_NAME.equals(ref.path())) {
        return FileNames.instanceOf(file);
      }
      JsonNode node = node(ref);
      if (node == null) {
        continue;
      }
      if (node.isContainerNode()) {
        wrongType = wrongType == null ? ref : wrongType;
        continue;
      }
      String text = ref.cut(RowFields.text(node, ref.path()));
      if (text != null) {
        return text;
      }
    }
    if (wrongType != null) {
      throw new InvalidRecordException("field '" + wrongType.path() + "' must be a string, got " + Json.typeName(node(wrongType)));
    }
    return null;
  }

  /** The resolution label of the first path present. */
  Integer resolved(List<FieldRef> refs) {
    for (FieldRef ref : refs) {
      JsonNode node = node(ref);
      if (node != null) {
        return RowFields.resolved(node, ref.path());
      }
    }
    return null;
  }

  Long wholeNumber(List<FieldRef> refs) {
    for (FieldRef ref : refs) {
      JsonNode node = node(ref);
      if (node != null) {
        return RowFields.wholeNumber(node, ref.path());
      }
    }
    return null;
  }
}
