package dev.tracecurator.io.hf;

import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Makes {@code hf://} a Beam file system wherever this jar is (found through ServiceLoader, see
 * META-INF/services). Endpoint and token come from {@link HfOptions}, else HF_ENDPOINT / HF_TOKEN.
 */
public final class HfFileSystemRegistrar implements FileSystemRegistrar {
  static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  @Override
  public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
    HfOptions hf = options.as(HfOptions.class);
    String endpoint = firstOf(hf.getHfEndpoint(), System.getenv("HF_ENDPOINT"), DEFAULT_ENDPOINT);
    String token = firstOf(hf.getHfToken(), System.getenv("HF_TOKEN"), null);
    return List.of(new HfFileSystem(new HfClient(endpoint, token)));
  }

  private static String firstOf(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : fallback;
  }
}
