package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.io.LocalParquetOutput;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes Hub-schema rows as Parquet with nested list/struct columns, as the Hub's files hold them:
 * one row group per file, like the Hub's 2,500-row groups.
 */
final class ParquetRowWriter implements Closeable {
  private static final Schema FUNCTION = SchemaBuilder.record("function").fields()
      .requiredString("name").requiredString("arguments").endRecord();
  private static final Schema TOOL_CALL = SchemaBuilder.record("tool_call").fields()
      .requiredString("id").requiredString("type").name("function").type(FUNCTION).noDefault().endRecord();
  private static final Schema MESSAGE = SchemaBuilder.record("message").fields()
      .requiredString("role").optionalString("content").optionalString("reasoning_content")
      .name("tool_calls").type().nullable().array().items(TOOL_CALL).noDefault().endRecord();
  private static final Schema PATCH = SchemaBuilder.record("patch_info").fields()
      .requiredString("patch").requiredInt("num_modified_files").requiredInt("num_modified_lines").endRecord();
  private static final Schema TEACHER = SchemaBuilder.record("teacher_model").fields()
      .requiredString("name").requiredString("provider").endRecord();
  private static final Schema METADATA = SchemaBuilder.record("metadata").fields()
      .requiredString("category").name("teacher_model").type(TEACHER).noDefault()
      .name("reference_patch").type(PATCH).noDefault().name("model_patch").type(PATCH).noDefault().endRecord();
  static final Schema ROW = SchemaBuilder.record("row").fields()
      .requiredString("instance_id").requiredString("repo").requiredString("license").requiredString("language")
      .requiredString("trajectory_id")
      .name("messages").type().array().items(MESSAGE).noDefault()
      .name("tools").type().array().items().stringType().noDefault()
      .requiredInt("resolved")
      .name("metadata").type(METADATA).noDefault()
      .requiredString("hf_dataset_name").endRecord();

  private final ParquetWriter<GenericRecord> writer;

  ParquetRowWriter(Path path) throws IOException {
    writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(path))
        .withSchema(ROW)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize(1L << 30)
        .build();
  }

  void write(JsonNode row) throws IOException {
    writer.write((GenericRecord) toAvro(row, ROW));
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static Object toAvro(JsonNode value, Schema schema) {
    return switch (schema.getType()) {
      case UNION -> {
        if (value == null || value.isNull()) {
          yield null;
        }
        Schema branch = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        yield toAvro(value, branch);
      }
      case RECORD -> {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.name(), toAvro(value.get(field.name()), field.schema()));
        }
        yield record;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
          items.add(toAvro(item, schema.getElementType()));
        }
        yield new GenericData.Array<>(schema, items);
      }
      case INT -> value.asInt();
      default -> value.isTextual() ? value.textValue() : value.toString();
    };
  }
}
