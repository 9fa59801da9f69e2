package dev.tracecurator.sft;

import dev.tracecurator.model.Message;
import java.util.List;
import java.util.Locale;

/** The chat template SFT text is rendered with, and its token budget measured on. */
public enum ChatTemplate {
  CHATML,
  QWEN3,
  LLAMA3;

  public static ChatTemplate parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--chatTemplate must be chatml, qwen3 or llama3, got '" + name + "'", e);
    }
  }

  public String render(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    if (this == CHATML) {
      return ChatMlRenderer.render(keepReasoning ? messages : SftMessages.withoutReasoning(messages));
    }
    throw new UnsupportedOperationException(this + " is not rendered yet");
  }
}
