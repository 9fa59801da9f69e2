package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Parquet (Avro) schema of each SFT row shape, and the conversion of an SFT JSON row into it.
 * Nested lists and structs stay nested, as Hugging Face datasets read them; {@code tools}, whose
 * JSON schemas differ from tool to tool, is one JSON string.
 */
public final class SftAvro {
  private SftAvro() {}

  public static Schema schema(SftFormat format) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("sft_" + format.label()).namespace("dev.tracecurator")
        .fields()
        .optionalString("instance_id").optionalString("trajectory_id").optionalString("repo").optionalString("language")
        .optionalString("license").optionalString("agent").optionalString("model").optionalDouble("quality_score");
    switch (format) {
      case MESSAGES -> fields = fields
          .name("messages").type().array().items(messageSchema()).noDefault()
          .optionalString("tools").optionalString("text");
      case SHAREGPT -> fields = fields
          .name("conversations").type().array().items(SchemaBuilder.record("turn").fields()
              .requiredString("from").requiredString("value").endRecord()).noDefault()
          .optionalString("system").optionalString("tools");
      case TEXT -> fields = fields.optionalString("text");
      default -> throw new IllegalStateException(format.toString());
    }
    return fields.optionalString("model_patch").optionalInt("approx_tokens").endRecord();
  }

  private static Schema messageSchema() {
    Schema function = SchemaBuilder.record("function").fields().optionalString("name").optionalString("arguments").endRecord();
    Schema call = SchemaBuilder.record("tool_call").fields()
        .optionalString("id").optionalString("type").name("function").type(function).noDefault().endRecord();
    return SchemaBuilder.record("message").fields()
        .requiredString("role").requiredString("content").optionalString("reasoning_content")
        .name("tool_calls").type().optional().array().items(call)
        .optionalString("tool_call_id").optionalString("name").optionalBoolean("train")
        .endRecord();
  }

  /** One SFT JSON line as a record of {@code schema}; a value of another shape than the field's is an error. */
  public static GenericRecord toRecord(String json, Schema schema) {
    JsonNode node = Json.pythonLoads(json).orElseThrow(() -> new IllegalArgumentException("not a JSON object: SFT row"));
    return (GenericRecord) convert(node, schema, schema.getName());
  }

  private static Object convert(JsonNode node, Schema schema, String path) {
    if (schema.getType() == Schema.Type.UNION) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() != Schema.Type.NULL) {
          return convert(node, branch, path);
        }
      }
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new IllegalArgumentException(path + " is required");
    }
    return switch (schema.getType()) {
      case RECORD -> {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.name(), convert(node.get(field.name()), field.schema(), path + "." + field.name()));
        }
        yield record;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          items.add(convert(item, schema.getElementType(), path + "[]"));
        }
        yield new GenericData.Array<>(schema, items);
      }
      case STRING -> node.isTextual() ? node.asText() : Json.write(node);
      case INT -> node.asInt();
      case LONG -> node.asLong();
      case DOUBLE -> node.asDouble();
      case BOOLEAN -> node.asBoolean();
      default -> throw new IllegalStateException("no conversion to " + schema.getType() + " at " + path);
    };
  }
}
