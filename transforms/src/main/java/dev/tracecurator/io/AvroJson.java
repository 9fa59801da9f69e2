package dev.tracecurator.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A Parquet row, as Avro reads it with the file's own schema, turned into the JSON the row mapper
 * reads: structs become objects, lists arrays, maps objects; nested columns and JSON-string
 * columns then map to the same record.
 */
public final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof GenericRecord record) {
      ObjectNode node = NODES.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        node.set(field.name(), toJson(record.get(field.pos())));
      }
      return node;
    }
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
      return node;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode node = NODES.arrayNode(list.size());
      for (Object item : list) {
        node.add(toJson(unwrapListElement(item)));
      }
      return node;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof ByteBuffer bytes) {
      return bytesNode(bytes);
    }
    if (value instanceof GenericData.Fixed fixed) {
      return bytesNode(ByteBuffer.wrap(fixed.bytes()));
    }
    return NODES.textNode(value.toString());
  }

  /**
   * Parquet's 3-level lists may reach Avro as records with a single "element" (or "item", "array")
   * field; the element is the value.
   */
  private static Object unwrapListElement(Object item) {
    if (item instanceof GenericRecord record && record.getSchema().getFields().size() == 1) {
      String name = record.getSchema().getFields().get(0).name();
      if (name.equals("element") || name.equals("item") || name.equals("array")) {
        return record.get(0);
      }
    }
    return item;
  }

  /** Bytes that are UTF-8 text become the text (Hub strings stored as binary); others base64. */
  private static JsonNode bytesNode(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    try {
      return NODES.textNode(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }
  }
}
