package dev.tracecurator.sft;

import dev.tracecurator.model.Message;
import dev.tracecurator.tokens.SpannedText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The chat formats a training text can be rendered in. {@link #QWEN3} and {@link #LLAMA3} print
 * byte for byte what the models' own Hugging Face chat templates print for the conversation (no
 * generation prompt), checked against the saved templates run by Python's Jinja2 and by
 * {@code @huggingface/jinja} in {@code src/test-fixtures/templates}; {@link #CHATML} is our own
 * {@link ChatMlRenderer}, which ignores tool schemas.
 *
 * <p>The templates are handed the conversation the way transformers documents it: a tool call's
 * arguments as the JSON object they hold, tool schemas only when there are some (none and an
 * empty list render alike), and reasoning only with {@code keepReasoning}. Where the real
 * template would raise, {@link #render} throws {@link UnrenderableConversationException} with
 * the template's message.
 */
public enum ChatTemplate {
  CHATML,
  QWEN3,
  LLAMA3,
  /** The tokenizer's own {@code chat_template}: rendered by {@link ModelTemplate}, not here. */
  MODEL;

  /** A template by name, case ignored: {@code chatml}, {@code qwen3}, {@code llama3} or {@code model}. */
  public static ChatTemplate parse(String name) {
    String wanted = name == null ? "" : name.trim();
    for (ChatTemplate template : values()) {
      if (template.name().equalsIgnoreCase(wanted)) {
        return template;
      }
    }
    throw new IllegalArgumentException("unknown chat template '" + name + "'; expected one of "
        + Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }

  /** The special tokens the template writes, each one token of the model's tokenizer. */
  public List<String> specialTokens() {
    return switch (this) {
      case CHATML, QWEN3 -> List.of("<|im_start|>", "<|im_end|>");
      case LLAMA3 -> List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>");
      case MODEL -> List.of();
    };
  }

  /**
   * The training text of a conversation.
   *
   * @param toolSchemas OpenAI function schemas, each a JSON string; null or empty for none
   * @param keepReasoning whether assistant reasoning is trained on; see each renderer for where
   *     the template puts it
   * @throws UnrenderableConversationException where the model's template raises
   * @throws IllegalArgumentException for a tool schema that is not JSON
   */
  public String render(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    return renderSpanned(messages, toolSchemas, keepReasoning).text();
  }

  /** As {@link #render}, with where each message's own text went, so its tokens are counted once. */
  public SpannedText renderSpanned(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    return switch (this) {
      case CHATML -> ChatMlRenderer.renderSpanned(messages, keepReasoning);
      case QWEN3 -> Qwen3Renderer.render(messages, ToolSchemas.parse(toolSchemas), keepReasoning);
      case LLAMA3 -> Llama31Renderer.render(messages, ToolSchemas.parse(toolSchemas), keepReasoning);
      case MODEL -> throw new IllegalStateException("--chatTemplate=model renders with the tokenizer's ModelTemplate");
    };
  }
}
