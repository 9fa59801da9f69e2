package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * OpenHands' event history as chat messages, for its three published shapes:
 * <ul>
 *   <li>V0 ({@code action} | {@code observation}, {@code source}, {@code tool_call_metadata}): an
 *       agent action with tool-call metadata is an assistant turn with that one call; the
 *       observation that carries the same metadata is its tool response;
 *   <li>V1 SDK ({@code kind}: {@code ActionEvent}, {@code ObservationEvent}, {@code MessageEvent},
 *       {@code SystemPromptEvent}): the same, from {@code tool_call_id}/{@code tool_name};
 *   <li>old CodeAct (no {@code source}, no metadata, e.g. the resolver's output): an action runs its
 *       {@code command} or {@code code} (kept as the turn's action, so it counts as a text command)
 *       and each observation answers the oldest action.
 * </ul>
 * Bookkeeping events (recall, agent state changes, null observations) are not turns.
 */
final class OpenHandsEvents {
  private static final Set<String> BOOKKEEPING = Set.of("recall", "agent_state_changed", "null", "change_agent_state");

  private OpenHandsEvents() {}

  static void add(JsonNode event, ArrayNode out) {
    if (event.has("kind")) {
      v1(event, out);
    } else if (event.has("action")) {
      action(event, out);
    } else if (event.has("observation")) {
      observation(event, out);
    }
  }

  private static void action(JsonNode e, ArrayNode out) {
    String action = e.path("action").asText();
    JsonNode args = e.path("args");
    JsonNode metadata = e.get("tool_call_metadata");
    if (BOOKKEEPING.contains(action)) {
      return;
    }
    if ("system".equals(action)) {
      out.addObject().put("role", "system").put("content", firstText(args.path("content"), e.path("message"), e.path("content")));
      return;
    }
    if (metadata != null && metadata.isObject()) {
      ObjectNode message = out.addObject().put("role", "assistant").put("content", args.path("thought").asText(""));
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", metadata.path("tool_call_id").asText(null)).put("type", "function");
      call.putObject("function").put("name", metadata.path("function_name").asText(null))
          .put("arguments", args.isObject() ? Json.write(args) : "{}");
      return;
    }
    String text = firstText(args.path("content"), e.path("content"), e.path("message"));
    if ("message".equals(action)) {
      out.addObject().put("role", "agent".equals(e.path("source").asText()) ? "assistant" : "user").put("content", text);
      return;
    }
    // Old CodeAct: the command or code is the action; its thought is the turn's text.
    ObjectNode message = out.addObject().put("role", "assistant")
        .put("content", firstText(e.path("thought"), args.path("thought"), e.path("message")));
    String command = firstText(e.path("command"), e.path("code"), args.path("command"), args.path("code"));
    if (!command.isEmpty()) {
      message.put("action", command);
    }
  }

  private static void observation(JsonNode e, ArrayNode out) {
    if (BOOKKEEPING.contains(e.path("observation").asText())) {
      return;
    }
    ObjectNode message = out.addObject().put("role", "tool").put("content", firstText(e.path("content"), e.path("message")));
    JsonNode metadata = e.get("tool_call_metadata");
    if (metadata != null && metadata.isObject()) {
      message.put("tool_call_id", metadata.path("tool_call_id").asText(null)).put("name", metadata.path("function_name").asText(null));
    }
  }

  private static void v1(JsonNode e, ArrayNode out) {
    switch (e.path("kind").asText()) {
      case "SystemPromptEvent" -> out.addObject().put("role", "system").put("content", text(e.path("system_prompt")));
      case "MessageEvent" -> out.addObject().put("role", "agent".equals(e.path("source").asText()) ? "assistant" : "user")
          .put("content", text(e.path("llm_message").path("content")));
      case "ActionEvent" -> {
        ObjectNode message = out.addObject().put("role", "assistant").put("content", text(e.path("thought")));
        if (e.hasNonNull("reasoning_content")) {
          message.set("reasoning_content", e.get("reasoning_content"));
        }
        JsonNode toolCall = e.path("tool_call");
        if (toolCall.isObject()) {
          ObjectNode call = message.putArray("tool_calls").addObject();
          call.put("id", e.path("tool_call_id").asText(toolCall.path("id").asText(null))).put("type", "function");
          JsonNode arguments = toolCall.has("arguments") ? toolCall.get("arguments") : e.path("action");
          call.putObject("function").put("name", e.path("tool_name").asText(toolCall.path("name").asText(null)))
              .put("arguments", arguments.isTextual() ? arguments.textValue() : Json.write(arguments));
        }
      }
      case "ObservationEvent" -> out.addObject().put("role", "tool")
          .put("tool_call_id", e.path("tool_call_id").asText(null)).put("name", e.path("tool_name").asText(null))
          .put("content", observationText(e.path("observation")));
      default -> { }
    }
  }

  private static String observationText(JsonNode observation) {
    if (observation.path("output").isTextual()) {
      return observation.get("output").textValue();
    }
    return text(observation.path("content"));
  }

  /** Text of a string, or of a list of {text} parts (V1's content and thought). */
  private static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    StringBuilder out = new StringBuilder();
    if (value.isArray()) {
      for (JsonNode part : value) {
        String piece = part.isTextual() ? part.textValue() : part.path("text").asText("");
        if (!piece.isEmpty()) {
          out.append(out.length() == 0 ? "" : "\n").append(piece);
        }
      }
    }
    return out.toString();
  }

  private static String firstText(JsonNode... values) {
    for (JsonNode value : values) {
      if (value.isTextual() && !value.textValue().isEmpty()) {
        return value.textValue();
      }
    }
    return "";
  }

}
