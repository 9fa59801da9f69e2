package dev.tracecurator.sft;

/**
 * The model's own chat template raises for this conversation (Llama 3.1's refuses parallel tool
 * calls, for one). The message is the template's, so a run can count conversations by reason and
 * skip them instead of training on a rendering the model never saw.
 */
public final class UnrenderableConversationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** True where the Jinja engine failed rather than the template raising: see {@link ModelTemplate#check}. */
  private final boolean engineError;

  public UnrenderableConversationException(String templateMessage) {
    this(templateMessage, false);
  }

  public UnrenderableConversationException(String message, boolean engineError) {
    super(message);
    this.engineError = engineError;
  }

  public boolean engineError() {
    return engineError;
  }
}
