package dev.tracecurator.sft;

import dev.tracecurator.model.Message;
import dev.tracecurator.sft.jinja.HfJinja;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's own chat template ({@code --chatTemplate=model}): the Jinja source of its
 * {@code tokenizer_config.json} and the special tokens transformers hands it, rendered as
 * {@code apply_chat_template(messages, tools=..., add_generation_prompt=False)} renders it, by
 * {@link HfJinja}. The engine is built on first use in each JVM that gets this object.
 */
public final class ModelTemplate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String source;
  private final HashMap<String, String> variables;
  private transient volatile HfJinja engine;

  /**
   * @param name where the template came from, for messages
   * @param source the Jinja text
   * @param variables what the template also sees: {@code bos_token}, {@code eos_token}, ...
   */
  public ModelTemplate(String name, String source, Map<String, String> variables) {
    this.name = name;
    this.source = source;
    this.variables = new HashMap<>(variables);
    engine();
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  /**
   * The training text of a conversation.
   *
   * @throws UnrenderableConversationException where the template raises
   */
  public String render(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    Map<String, Object> context = new LinkedHashMap<>(variables);
    context.put("messages", TemplateMessages.of(messages, keepReasoning));
    List<Object> tools = TemplateMessages.tools(toolSchemas);
    if (!tools.isEmpty()) {
      context.put("tools", tools);
    }
    context.put("add_generation_prompt", false);
    return engine().render(context);
  }

  private HfJinja engine() {
    HfJinja e = engine;
    if (e == null) {
      e = new HfJinja(source);
      engine = e;
    }
    return e;
  }
}
