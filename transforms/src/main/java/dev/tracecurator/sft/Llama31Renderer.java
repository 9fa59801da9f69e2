package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.SpannedTextBuilder;
import java.util.List;

/**
 * What Llama 3.1's own chat template (meta-llama/Llama-3.1-8B-Instruct, which Llama 3.3 ships
 * too; saved as {@code src/test-fixtures/templates/llama3_1.jinja}) renders for a training
 * conversation with its defaults: no generation prompt, no builtin tools, tools in the first user
 * message, and the template's own date, 26 Jul 2024, since it reads no clock. Its quirks are
 * kept: with tools, whatever message follows the system prompt is taken as the first user
 * message; a tool-calling turn keeps only its one call, as {@code {"name": …, "parameters": …}}, and
 * loses its text; tool results are printed JSON-quoted, because a Python string is iterable.
 *
 * <p>Llama 3.1 has no reasoning field. With {@code keepReasoning} an assistant's reasoning is
 * put in front of its content as {@code <think>\n…\n</think>\n\n}, the shape Qwen3 and the
 * DeepSeek-R1 distills train on, so a trace's reasoning is learnt the same way on either model;
 * a tool-calling turn still loses it with its text. Without it the reasoning is dropped.
 */
final class Llama31Renderer {
  private static final String HEADER_END = "<|end_header_id|>\n\n";
  private static final String TOOLS_PROMPT = "Given the following functions, please respond with a JSON for a "
      + "function call with its proper arguments that best answers the given prompt.\n\nRespond in the format "
      + "{\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n";

  private Llama31Renderer() {}

  static SpannedText render(List<Message> messages, List<JsonNode> tools, boolean keepReasoning) {
    if (messages.isEmpty()) {
      // The template reads messages[0]['role'] unguarded: Jinja raises on the missing element.
      throw new UnrenderableConversationException("list object has no element 0");
    }
    SpannedTextBuilder out = new SpannedTextBuilder(SftMessages.renderedSizeHint(messages, keepReasoning)).append("<|begin_of_text|>");
    int next = 0;
    String systemMessage = "";
    if ("system".equals(role(messages.get(0)))) {
      systemMessage = content(messages.get(0), keepReasoning);
      next = 1;
    }
    out.append("<|start_header_id|>system").append(HEADER_END);
    if (!tools.isEmpty()) {
      out.append("Environment: ipython\n");
    }
    out.append("Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n");
    PythonStrings.appendStripped(systemMessage, out);
    out.append("<|eot_id|>");
    if (!tools.isEmpty()) {
      if (next >= messages.size()) {
        throw new UnrenderableConversationException(
            "Cannot put tools in the first user message when there's no first user message!");
      }
      String firstUserMessage = content(messages.get(next), keepReasoning);
      next++;
      out.append("<|start_header_id|>user").append(HEADER_END).append(TOOLS_PROMPT);
      for (JsonNode tool : tools) {
        out.append(IndentedJson.dumps(tool, 4)).append("\n\n");
      }
      PythonStrings.appendStripped(firstUserMessage, out);
      out.append("<|eot_id|>");
    }
    for (int i = next; i < messages.size(); i++) {
      appendMessage(messages.get(i), keepReasoning, out);
    }
    return out.build();
  }

  private static void appendMessage(Message message, boolean keepReasoning, SpannedTextBuilder out) {
    String role = role(message);
    boolean toolResult = "ipython".equals(role) || "tool".equals(role);
    if (!message.toolCalls().isEmpty()) {
      if (message.toolCalls().size() != 1) {
        throw new UnrenderableConversationException("This model only supports single tool-calls at once!");
      }
      ToolCall call = message.toolCalls().get(0);
      if (call.name() == null) {
        // The template concatenates the name with +, which Python refuses for None.
        throw new UnrenderableConversationException("can only concatenate str (not \"NoneType\") to str");
      }
      out.append("<|start_header_id|>assistant").append(HEADER_END)
          .append("{\"name\": \"").append(call.name()).append("\", \"parameters\": ")
          .append(PythonJson.dumps(CallArguments.of(call))).append('}').append("<|eot_id|>");
    } else if (toolResult) {
      out.append("<|start_header_id|>ipython").append(HEADER_END)
          .append(PythonJson.dumps(TextNode.valueOf(content(message, keepReasoning)))).append("<|eot_id|>");
    } else {
      out.append("<|start_header_id|>").append(role).append(HEADER_END);
      PythonStrings.appendStripped(content(message, keepReasoning), out);
      out.append("<|eot_id|>");
    }
  }

  private static String role(Message message) {
    return SftMessages.role(message);
  }

  /**
   * The content the template is handed: an assistant's kept reasoning goes in front of it.
   * Otherwise the message's own string, so that its tokens can be counted once for the row.
   */
  private static String content(Message message, boolean keepReasoning) {
    String content = message.content() == null ? "" : message.content();
    String reasoning = PythonStrings.strip(message.reasoningContent());
    if (keepReasoning && message.hasRole("assistant") && !reasoning.isEmpty()) {
      return "<think>\n" + reasoning + "\n</think>\n\n" + content;
    }
    return content;
  }
}
