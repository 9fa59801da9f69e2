package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.SpannedTextBuilder;
import java.util.List;

/**
 * What Qwen3's own chat template (Qwen/Qwen3-8B, saved as
 * {@code src/test-fixtures/templates/qwen3.jinja}) renders for a training conversation, without a
 * generation prompt: every branch below is one of the template's, in its order, so its quirks
 * are kept rather than tidied.
 *
 * <p>Reasoning follows the template exactly, which matters for multi-turn trajectories: it is
 * written only for assistant turns after the last real user query (a user message that is not
 * just a {@code <tool_response>} block), and there only when the turn has some or is the final
 * message, which then gets an empty {@code <think>\n\n</think>\n\n}. Reasoning of assistant turns
 * before that query is dropped, as the model never sees it in context. An agent run with one task
 * message keeps the reasoning of every step; one whose observations come back as plain user
 * messages keeps only what follows the last of them. Without {@code keepReasoning} the template is
 * handed no {@code reasoning_content} at all, and so, as it does then, reads a
 * {@code <think>…</think>} already in the content as the turn's reasoning.
 */
final class Qwen3Renderer {
  private static final String TOOLS_HEADER = "# Tools\n\nYou may call one or more functions to assist with the user "
      + "query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>";
  private static final String TOOLS_FOOTER = "\n</tools>\n\nFor each function call, return a json object with "
      + "function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": "
      + "<function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n";

  private Qwen3Renderer() {}

  static SpannedText render(List<Message> messages, List<JsonNode> tools, boolean keepReasoning) {
    SpannedTextBuilder out = new SpannedTextBuilder(SftMessages.renderedSizeHint(messages, keepReasoning));
    boolean firstIsSystem = !messages.isEmpty() && "system".equals(role(messages.get(0)));
    if (!tools.isEmpty()) {
      out.append("<|im_start|>system\n");
      if (firstIsSystem) {
        out.appendSource(content(messages.get(0))).append("\n\n");
      }
      out.append(TOOLS_HEADER);
      for (JsonNode tool : tools) {
        out.append('\n').append(PythonJson.dumps(tool));
      }
      out.append(TOOLS_FOOTER);
    } else if (firstIsSystem) {
      out.append("<|im_start|>system\n").appendSource(content(messages.get(0))).append("<|im_end|>\n");
    }
    int lastQuery = lastQueryIndex(messages);
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      String role = role(message);
      if ("user".equals(role) || ("system".equals(role) && i > 0)) {
        out.append("<|im_start|>").append(role).append('\n').appendSource(content(message)).append("<|im_end|>\n");
      } else if ("assistant".equals(role)) {
        appendAssistant(message, i > lastQuery, i == messages.size() - 1, keepReasoning, out);
      } else if ("tool".equals(role)) {
        if (i == 0 || !"tool".equals(role(messages.get(i - 1)))) {
          out.append("<|im_start|>user");
        }
        out.append("\n<tool_response>\n").appendSource(content(message)).append("\n</tool_response>");
        if (i == messages.size() - 1 || !"tool".equals(role(messages.get(i + 1)))) {
          out.append("<|im_end|>\n");
        }
      }
      // Any other role (a leading system message, "unknown") renders nothing, as in the template.
    }
    return out.build();
  }

  /** The index of the last user message that is a real query, not a wrapped tool response. */
  private static int lastQueryIndex(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      String content = content(messages.get(i));
      if ("user".equals(role(messages.get(i)))
          && !(content.startsWith("<tool_response>") && content.endsWith("</tool_response>"))) {
        return i;
      }
    }
    return messages.size() - 1;
  }

  private static void appendAssistant(
      Message message, boolean afterLastQuery, boolean last, boolean keepReasoning, SpannedTextBuilder out) {
    String content = content(message);
    String reasoning = "";
    if (keepReasoning && message.reasoningContent() != null) {
      reasoning = message.reasoningContent();
    } else if (content.contains("</think>")) {
      String before = rstripNewlines(content.substring(0, content.indexOf("</think>")));
      int open = before.lastIndexOf("<think>");
      reasoning = lstripNewlines(open < 0 ? before : before.substring(open + "<think>".length()));
      content = lstripNewlines(content.substring(content.lastIndexOf("</think>") + "</think>".length()));
    }
    out.append("<|im_start|>assistant\n");
    if (afterLastQuery && (last || !reasoning.isEmpty())) {
      out.append("<think>\n");
      appendNewlinesStripped(reasoning, out);
      out.append("\n</think>\n\n");
      out.appendSource(content, afterNewlines(content), content.length());
    } else {
      out.appendSource(content);
    }
    List<ToolCall> calls = message.toolCalls();
    for (int j = 0; j < calls.size(); j++) {
      // The template tests the content before its newlines were stripped, so "\n" still counts.
      if (j > 0 || !content.isEmpty()) {
        out.append('\n');
      }
      ToolCall call = calls.get(j);
      JsonNode arguments = CallArguments.of(call);
      out.append("<tool_call>\n{\"name\": \"").append(call.name() == null ? "None" : call.name())
          .append("\", \"arguments\": ")
          .append(arguments.isTextual() ? arguments.textValue() : PythonJson.dumps(arguments))
          .append("}\n</tool_call>");
    }
    out.append("<|im_end|>\n");
  }

  private static String role(Message message) {
    return SftMessages.role(message);
  }

  /** The template reads non-string content as ''; ours is a string or null. */
  private static String content(Message message) {
    return message.content() == null ? "" : message.content();
  }

  private static String lstripNewlines(String s) {
    return s.substring(afterNewlines(s));
  }

  /** Where {@code s} begins after its leading newlines. */
  private static int afterNewlines(String s) {
    int start = 0;
    while (start < s.length() && s.charAt(start) == '\n') {
      start++;
    }
    return start;
  }

  /** {@code lstripNewlines(rstripNewlines(s))}, as the message text it is part of. */
  private static void appendNewlinesStripped(String s, SpannedTextBuilder out) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    int start = 0;
    while (start < end && s.charAt(start) == '\n') {
      start++;
    }
    out.appendSource(s, start, end);
  }

  private static String rstripNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }
}
