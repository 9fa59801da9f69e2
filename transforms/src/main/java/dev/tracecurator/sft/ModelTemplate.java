package dev.tracecurator.sft;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.sft.jinja.HfJinja;
import dev.tracecurator.sft.jinja.UnsupportedTemplateException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's own chat template ({@code --chatTemplate=model}): the Jinja source of its
 * {@code tokenizer_config.json} and the special tokens transformers hands it, rendered as
 * {@code apply_chat_template(messages, tools=..., add_generation_prompt=False)} renders it, by
 * {@link HfJinja}. A config with named templates gives {@code tool_use} for conversations with
 * tools when it has one, else {@code default}, as transformers picks. The engines are built on
 * first use in each JVM that gets this object.
 */
public final class ModelTemplate implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Marker-like strings a template writes: {@code <|im_start|>}, {@code <｜User｜>}, {@code [INST]}, {@code <start_of_turn>}. */
  private static final Pattern MARKER = Pattern.compile("<\\|[^\\s<>|]+\\|>|<｜[^<>]+?｜>|\\[/?[A-Z_]{3,}]|<(?:start|end)_of_turn>");
  private static final String PROBE_ANSWER = "Probe answer.";

  private final String name;
  private final String source;
  private final String toolUseSource;
  private final HashMap<String, String> variables;
  private transient volatile HfJinja engine;
  private transient volatile HfJinja toolUseEngine;
  private transient volatile Optional<TurnMarkers> turnMarkers;

  /**
   * @param name where the template came from, for messages
   * @param source the Jinja text ({@code default})
   * @param toolUseSource the {@code tool_use} template, or null
   * @param variables what the template also sees: {@code bos_token}, {@code eos_token}, ...
   */
  public ModelTemplate(String name, String source, String toolUseSource, Map<String, String> variables) {
    this.name = name;
    this.source = source;
    this.toolUseSource = toolUseSource;
    this.variables = new HashMap<>(variables);
  }

  public ModelTemplate(String name, String source, Map<String, String> variables) {
    this(name, source, null, variables);
  }

  public String name() {
    return name;
  }

  /**
   * The training text of a conversation.
   *
   * @throws UnrenderableConversationException where the template raises (or the engine fails on it)
   */
  public String render(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    Map<String, Object> context = new LinkedHashMap<>(variables);
    context.put("messages", TemplateMessages.of(messages, keepReasoning));
    List<Object> tools = TemplateMessages.tools(toolSchemas);
    if (!tools.isEmpty()) {
      context.put("tools", tools);
    }
    context.put("add_generation_prompt", false);
    return (tools.isEmpty() || toolUseSource == null ? engine() : toolUseEngine()).render(context);
  }

  /**
   * Renders two probe conversations, a plain exchange and one with a tool schema, a tool call, its
   * result and reasoning, so a template the engine cannot run stops the run before it starts.
   * The template may refuse the second one itself ({@code raise_exception}); nothing else may fail.
   *
   * @return the special-token-like strings the probes' texts hold, for the tokenizer check
   * @throws UnsupportedTemplateException naming what went wrong, on one line
   */
  public Set<String> check() {
    Set<String> markers = new LinkedHashSet<>();
    try {
      collect(render(plainProbe(), List.of(), true), markers);
    } catch (UnrenderableConversationException e) {
      throw new UnsupportedTemplateException("what fails on a plain user/assistant exchange (" + e.getMessage() + ")");
    }
    try {
      collect(render(toolProbe(), List.of(TOOL_SCHEMA), true), markers);
    } catch (UnrenderableConversationException e) {
      if (e.engineError()) {
        throw new UnsupportedTemplateException("what fails on a conversation with a tool call (" + e.getMessage() + ")");
      }
    }
    return markers;
  }

  /** Where an assistant turn's trained tokens start and end, for the families {@link TurnMarkers} knows. */
  public Optional<TurnMarkers> turnMarkers() {
    Optional<TurnMarkers> m = turnMarkers;
    if (m == null) {
      m = TurnMarkers.around(render(plainProbe(), List.of(), true), PROBE_ANSWER);
      turnMarkers = m;
    }
    return m;
  }

  private void collect(String text, Set<String> markers) {
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      markers.add(m.group());
    }
    for (String token : variables.values()) {
      if (token != null && !token.isEmpty() && text.contains(token)) {
        markers.add(token);
      }
    }
  }

  private static final String TOOL_SCHEMA = "{\"type\": \"function\", \"function\": {\"name\": \"run\", \"description\": \"Run a "
      + "command.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"cmd\": {\"type\": \"string\"}}}}}";

  private static List<Message> plainProbe() {
    return List.of(new Message("user", "Probe question?", null, List.of(), null, List.of(), null),
        new Message("assistant", PROBE_ANSWER, null, List.of(), null, List.of(), null));
  }

  private static List<Message> toolProbe() {
    return List.of(new Message("system", "Probe system.", null, List.of(), null, List.of(), null),
        new Message("user", "Probe question?", null, List.of(), null, List.of(), null),
        new Message("assistant", "", "Probe reasoning.", List.of(new ToolCall("call_probe1", "function", "run", "{\"cmd\": \"ls\"}")),
            null, List.of(), null),
        new Message("tool", "probe.txt", null, List.of(), "call_probe1", List.of(), "run"),
        new Message("assistant", PROBE_ANSWER, "Done.", List.of(), null, List.of(), null));
  }

  private HfJinja engine() {
    HfJinja e = engine;
    if (e == null) {
      e = new HfJinja(source);
      engine = e;
    }
    return e;
  }

  private HfJinja toolUseEngine() {
    HfJinja e = toolUseEngine;
    if (e == null) {
      e = new HfJinja(toolUseSource);
      toolUseEngine = e;
    }
    return e;
  }
}
