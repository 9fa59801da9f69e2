package dev.tracecurator.coders;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Encodes a Java record as length-prefixed JSON with Jackson: explicit, readable, and the same on
 * every runner (no Java serialisation of domain objects).
 */
public final class JsonRecordCoder<T> extends CustomCoder<T> {
  // Fields only: convenience methods such as isResolved() must not become properties.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .build();

  private final Class<T> type;

  private JsonRecordCoder(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonRecordCoder<T> of(Class<T> type) {
    return new JsonRecordCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(value);
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    if (length < 0) {
      throw new CoderException("negative length " + length + " decoding " + type.getSimpleName());
    }
    byte[] bytes = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        throw new CoderException("stream ended decoding " + type.getSimpleName());
      }
      read += n;
    }
    return MAPPER.readValue(bytes, type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonRecordCoder<?> c && c.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "JsonRecordCoder<" + type.getSimpleName() + ">";
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "JSON encoding of maps is not guaranteed ordered");
  }

}
