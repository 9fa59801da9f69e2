package dev.tracecurator.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A written file's two paths, the final one possibly null. */
public final class WrittenFileCoder extends CustomCoder<WrittenFile> {
  private static final WrittenFileCoder INSTANCE = new WrittenFileCoder();
  private static final StringUtf8Coder PATH = StringUtf8Coder.of();
  private static final NullableCoder<String> MAYBE_PATH = NullableCoder.of(StringUtf8Coder.of());

  public static WrittenFileCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(WrittenFile file, OutputStream out) throws IOException {
    PATH.encode(file.temporary(), out);
    MAYBE_PATH.encode(file.finalPath(), out);
  }

  @Override
  public WrittenFile decode(InputStream in) throws IOException {
    return new WrittenFile(PATH.decode(in), MAYBE_PATH.decode(in));
  }
}
