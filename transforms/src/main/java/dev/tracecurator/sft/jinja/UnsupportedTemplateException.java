package dev.tracecurator.sft.jinja;

/** A chat template that uses a Jinja feature the JVM engine cannot render as Python's Jinja does. */
public final class UnsupportedTemplateException extends IllegalArgumentException {
  public UnsupportedTemplateException(String feature) {
    super("the chat template uses " + feature + ", which the JVM's Jinja engine cannot render exactly; "
        + "use --chatTemplate=chatml, qwen3 or llama3");
  }
}
