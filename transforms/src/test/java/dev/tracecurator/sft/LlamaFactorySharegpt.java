package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LLaMA-Factory's reading of a sharegpt example, re-implemented from its source
 * (src/llamafactory/data/converter.py SharegptDatasetConverter, data/processor/supervised.py, and
 * formatter.py FunctionFormatter with the default thought and tool-call words), so tests can ask
 * whether it would keep an example and what it would make of a function_call value.
 */
final class LlamaFactorySharegpt {
  private static final List<Set<String>> ACCEPT_TAGS =
      List.of(Set.of("human", "observation"), Set.of("gpt", "function_call"));
  private static final Pattern TOOL_CALL =
      Pattern.compile(Pattern.quote("<tool_call>") + "(.*?)" + Pattern.quote("</tool_call>"), Pattern.DOTALL);
  private static final Pattern THOUGHT =
      Pattern.compile(Pattern.quote("<think>\n") + "(.*?)" + Pattern.quote("\n</think>\n\n"), Pattern.DOTALL);

  /** A call as FunctionFormatter sees it: the name and {@code json.dumps(arguments)}'s value. */
  record Call(String name, JsonNode arguments) {}

  /** What a function_call value renders as: the text kept in front, then the calls. */
  record FunctionTurn(String prefix, List<Call> calls) {}

  private LlamaFactorySharegpt() {}

  /** Why LLaMA-Factory would drop the example, or null when it trains on it. */
  static String rejection(JsonNode example) {
    JsonNode turns = example.get("conversations");
    for (int i = 0; i < turns.size(); i++) {
      if (!ACCEPT_TAGS.get(i % 2).contains(turns.get(i).get("from").textValue())) {
        return "Invalid role tag at turn " + i;
      }
    }
    if (turns.size() % 2 != 0) {
      return "Invalid message count";
    }
    // supervised.py: len(prompt) % 2 != 1 or len(response) != 1 drops the example.
    if (turns.isEmpty()) {
      return "Dropped invalid example";
    }
    return null;
  }

  /** FunctionFormatter.apply's parse; throws where LLaMA-Factory raises "Invalid JSON format". */
  static FunctionTurn functionTurn(String content) {
    Matcher toolCall = TOOL_CALL.matcher(content);
    if (toolCall.find()) {
      return new FunctionTurn(content.replace(toolCall.group(0), ""), calls(toolCall.group(1)));
    }
    Matcher thought = THOUGHT.matcher(content);
    if (thought.find()) {
      return new FunctionTurn(thought.group(0), calls(content.replace(thought.group(0), "")));
    }
    return new FunctionTurn("", calls(content));
  }

  private static List<Call> calls(String json) {
    JsonNode parsed;
    try {
      parsed = Json.STRICT.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("Invalid JSON format in function message: " + json, e);
    }
    List<Call> out = new ArrayList<>();
    for (JsonNode call : parsed.isArray() ? parsed : List.of(parsed)) {
      if (!call.has("name") || !call.has("arguments")) {
        throw new IllegalStateException("a call without name or arguments: " + call);
      }
      out.add(new Call(call.get("name").textValue(), call.get("arguments")));
    }
    return out;
  }
}
