package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.errors.InvalidRecordException;
import java.math.BigDecimal;

/** Typed reads of a row's fields; a value of the wrong type is an error naming the field. */
final class RowFields {
  private RowFields() {}

  static boolean present(JsonNode value) {
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  /** A scalar as text (numbers and booleans as their JSON text); null when absent. */
  static String textField(JsonNode row, String field) {
    return text(row.get(field), field);
  }

  static String text(JsonNode value, String field) {
    if (!present(value)) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    throw new InvalidRecordException("field '" + field + "' must be a string, got " + Json.typeName(value));
  }

  /** Any value as text: strings as they are, anything else as compact JSON. */
  static String anyText(JsonNode value) {
    if (!present(value)) {
      return null;
    }
    return value.isTextual() ? value.textValue() : Json.write(value);
  }

  /** The resolution label: 1, 0, -1 (or another whole number); booleans count as 1 and 0. */
  static Integer resolved(JsonNode value, String field) {
    if (!present(value)) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1 : 0;
    }
    if (value.isNumber()) {
      try {
        // 1e400 parses to an infinite double, which has no decimal value.
        return value.decimalValue().intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new InvalidRecordException("field '" + field + "' must be 1, 0, -1 or null, got " + value);
      }
    }
    throw new InvalidRecordException(
        "field '" + field + "' must be 1, 0, -1 or null, got " + Json.typeName(value) + " " + abbreviate(Json.write(value)));
  }

  /** A whole number such as num_modified_lines; numeric strings are read, anything else is an error. */
  static Long wholeNumber(JsonNode value, String field) {
    if (!present(value)) {
      return null;
    }
    try {
      if (value.isNumber()) {
        return value.decimalValue().longValueExact();
      }
      if (value.isTextual()) {
        return new BigDecimal(value.textValue().trim()).longValueExact();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // fall through to the error below
    }
    throw new InvalidRecordException(
        "field '" + field + "' must be a whole number, got " + Json.typeName(value) + " " + abbreviate(Json.write(value)));
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
