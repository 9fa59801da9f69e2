package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as LLaMA-Factory's {@code sharegpt} format loads it (its
 * {@code SharegptDatasetConverter} with the default tags): {@code {"conversations": [{"from",
 * "value"}…], "system", "tools"}}. The loader drops any example whose turns do not alternate
 * human-or-observation, gpt-or-function_call, starting with the former and ending with the latter,
 * so the conversion always produces that shape:
 *
 * <ul>
 *   <li>A leading system message becomes {@code system}; later ones, users and unknown roles are
 *       {@code human}; tool results are {@code observation}; assistants are {@code gpt}, or
 *       {@code function_call} when they call tools.
 *   <li>Consecutive messages of one side are merged into one turn. Tool results (parallel calls)
 *       are joined with {@code \n</tool_response>\n<tool_response>\n}, as LLaMA-Factory's own
 *       OpenAI-format converter joins them (its Qwen-style observation template wraps the whole in
 *       one more pair); anything else is joined with a blank line. The merged turn is an
 *       {@code observation} when it starts with a tool result, else {@code human}. Merged
 *       assistant messages keep all their text, then all their calls.
 *   <li>A conversation opening with an assistant gets an empty {@code human} turn first; trailing
 *       human or observation turns, which have no answer to learn, are dropped.
 * </ul>
 *
 * <p>Assistant text beside tool calls is not lost: the {@code function_call} value is then the
 * text, a newline, and the calls inside {@code <tool_call>…</tool_call>}, which LLaMA-Factory's
 * {@code FunctionFormatter} parses (default tool-call words) and renders as that text followed by
 * the template's own call format. Without text the value is the calls' JSON alone: one
 * {@code {"name", "arguments"}} object, or a list of them for parallel calls. Every {@code </} in
 * that JSON is written {@code <\/}, an escape JSON reads back as {@code </}, so a closing tag quoted
 * in an argument (a coding agent editing a template, say) cannot end LLaMA-Factory's
 * {@code <tool_call>} or {@code </think>} match early. With {@code keepReasoning} an assistant's
 * reasoning leads its text as {@code <think>\n…\n</think>\n\n}, LLaMA-Factory's default thought
 * words.
 */
public final class ShareGptConverter {
  /** The separator LLaMA-Factory's OpenAI converter puts between merged tool results. */
  static final String TOOL_RESPONSE_SEPARATOR = "\n</tool_response>\n<tool_response>\n";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ShareGptConverter() {}

  /**
   * @throws IllegalArgumentException when assistant text beside tool calls itself contains
   *     {@code <tool_call>}, which LLaMA-Factory would take for the start of the calls, or a tool
   *     schema is not JSON
   */
  public static ObjectNode convert(List<Message> messages, List<String> toolSchemas, boolean keepReasoning) {
    int start = 0;
    String system = "";
    if (!messages.isEmpty() && messages.get(0).hasRole("system")) {
      system = text(messages.get(0));
      start = 1;
    }
    List<Run> runs = runs(messages.subList(start, messages.size()));
    ArrayNode conversations = NODES.arrayNode();
    if (!runs.isEmpty() && runs.get(0).assistant()) {
      addTurn(conversations, "human", "");
    }
    int end = runs.size();
    if (end > 0 && !runs.get(end - 1).assistant()) {
      end--;
    }
    for (Run run : runs.subList(0, end)) {
      if (run.assistant()) {
        addAssistantTurn(conversations, run.messages(), keepReasoning);
      } else {
        addContextTurn(conversations, run.messages());
      }
    }
    ObjectNode out = NODES.objectNode();
    out.set("conversations", conversations);
    out.put("system", system);
    out.put("tools", toolsText(toolSchemas));
    return out;
  }

  /** Consecutive messages of one side: the assistant's, or the context it answers. */
  private record Run(boolean assistant, List<Message> messages) {}

  /** Maximal runs of consecutive messages on the same side. */
  private static List<Run> runs(List<Message> messages) {
    List<Run> runs = new ArrayList<>();
    for (Message message : messages) {
      boolean assistant = message.hasRole("assistant");
      if (runs.isEmpty() || runs.get(runs.size() - 1).assistant() != assistant) {
        runs.add(new Run(assistant, new ArrayList<>()));
      }
      runs.get(runs.size() - 1).messages().add(message);
    }
    return runs;
  }

  private static void addContextTurn(ArrayNode conversations, List<Message> run) {
    StringBuilder value = new StringBuilder(text(run.get(0)));
    for (int i = 1; i < run.size(); i++) {
      boolean toolPair = run.get(i - 1).hasRole("tool") && run.get(i).hasRole("tool");
      value.append(toolPair ? TOOL_RESPONSE_SEPARATOR : "\n\n").append(text(run.get(i)));
    }
    addTurn(conversations, run.get(0).hasRole("tool") ? "observation" : "human", value.toString());
  }

  private static void addAssistantTurn(ArrayNode conversations, List<Message> run, boolean keepReasoning) {
    List<String> pieces = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    for (Message message : run) {
      String reasoning = keepReasoning ? PythonStrings.strip(message.reasoningContent()) : "";
      String piece = (reasoning.isEmpty() ? "" : "<think>\n" + reasoning + "\n</think>\n\n") + text(message);
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
      calls.addAll(message.toolCalls());
    }
    String prefix = String.join("\n\n", pieces);
    if (calls.isEmpty()) {
      addTurn(conversations, "gpt", prefix);
      return;
    }
    String json = callsJson(calls).replace("</", "<\\/");
    if (prefix.isEmpty()) {
      addTurn(conversations, "function_call", json);
      return;
    }
    if (prefix.contains("<tool_call>")) {
      throw new IllegalArgumentException(
          "assistant text beside tool calls contains <tool_call>, which LLaMA-Factory would read as the calls");
    }
    String separator = prefix.endsWith("\n") ? "" : "\n";
    addTurn(conversations, "function_call", prefix + separator + "<tool_call>" + json + "</tool_call>");
  }

  private static String callsJson(List<ToolCall> calls) {
    ArrayNode list = NODES.arrayNode();
    for (ToolCall call : calls) {
      ObjectNode node = list.addObject();
      node.put("name", call.name());
      node.set("arguments", CallArguments.of(call));
    }
    return PythonJson.dumps(list.size() == 1 ? list.get(0) : list);
  }

  private static String toolsText(List<String> toolSchemas) {
    List<JsonNode> schemas = ToolSchemas.parse(toolSchemas);
    if (schemas.isEmpty()) {
      return "";
    }
    ArrayNode list = NODES.arrayNode();
    schemas.forEach(list::add);
    return PythonJson.dumps(list);
  }

  private static void addTurn(ArrayNode conversations, String from, String value) {
    ObjectNode turn = conversations.addObject();
    turn.put("from", from);
    turn.put("value", value);
  }

  private static String text(Message message) {
    return message.content() == null ? "" : message.content();
  }
}
