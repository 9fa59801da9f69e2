package dev.tracecurator.io.hf;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where the hf:// file system reads from and with which token. */
public interface HfOptions extends PipelineOptions {
  @Description("Hugging Face token for hf:// inputs (default: the HF_TOKEN environment variable); sent as a bearer "
      + "token, never printed or written to outputs.")
  String getHfToken();

  void setHfToken(String token);

  @Description("Hugging Face Hub endpoint for hf:// inputs (default: HF_ENDPOINT, else https://huggingface.co): a mirror, "
      + "or a local server in tests.")
  String getHfEndpoint();

  void setHfEndpoint(String endpoint);
}
