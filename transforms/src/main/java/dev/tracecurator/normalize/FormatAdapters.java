package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.errors.InvalidRecordException;
import java.util.Locale;

/**
 * Rewrites a row of another trajectory format into the Open-SWE-Traces shape that {@link RowMapper}
 * reads, keeping what each format has and leaving out what it lacks (no guessed resolution labels).
 */
public final class FormatAdapters {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FormatAdapters() {}

  /** A row in Open-SWE-Traces shape, and the agent its format implies when nothing else names one. */
  public record Canonical(JsonNode row, String formatAgent) {}

  public static Canonical toCanonical(JsonNode parsed, String file, RowFormat requested) {
    RowFormat format = requested == RowFormat.AUTO ? detect(parsed, file) : requested;
    return switch (format) {
      case SWE_AGENT -> sweAgent(object(parsed, format), file);
      case MINI_SWE_AGENT -> miniSweAgent(parsed, file);
      case SHAREGPT -> shareGpt(object(parsed, format));
      case NEBIUS -> nebius(object(parsed, format));
      default -> new Canonical(object(parsed, format), null);
    };
  }

  /** Tells the formats apart by shape. */
  public static RowFormat detect(JsonNode row, String file) {
    if (row.isArray()) {
      // A bare list is a trajectory only where a file holds one trajectory; as a JSONL line it is no row.
      return file.endsWith(".traj") || file.endsWith(".traj.json") ? RowFormat.MINI_SWE_AGENT : RowFormat.OPEN_SWE_TRACES;
    }
    if (!row.isObject()) {
      return RowFormat.OPEN_SWE_TRACES;
    }
    if (row.path("history").isArray()) {
      return RowFormat.SWE_AGENT;
    }
    if (row.path("conversations").isArray()) {
      return RowFormat.SHAREGPT;
    }
    if (row.path("messages").isArray() && row.path("info").isObject() && !row.has("instance_id")) {
      return RowFormat.MINI_SWE_AGENT;
    }
    if (row.path("trajectory").isArray()) {
      for (JsonNode m : row.path("trajectory")) {
        if ("ai".equals(m.path("role").asText()) || (m.has("text") && !m.has("content"))) {
          return RowFormat.NEBIUS;
        }
      }
    }
    return RowFormat.OPEN_SWE_TRACES;
  }

  private static JsonNode object(JsonNode parsed, RowFormat format) {
    if (!parsed.isObject()) {
      String kind = format == RowFormat.OPEN_SWE_TRACES ? "a row" : "a " + format.label() + " row";
      throw new InvalidRecordException(kind + " must be a JSON object, got " + Json.typeName(parsed));
    }
    return parsed;
  }

  /** SWE-agent: the chat history is the trajectory; the submission is the agent's patch. */
  private static Canonical sweAgent(JsonNode traj, String file) {
    requireList(traj, "history", RowFormat.SWE_AGENT);
    ObjectNode row = NODES.objectNode();
    row.put("instance_id", instanceFromFile(file));
    ArrayNode messages = row.putArray("messages");
    for (JsonNode m : traj.path("history")) {
      if (!m.isObject()) {
        continue;
      }
      ObjectNode message = messages.addObject();
      copy(m, message, "role", "content", "tool_calls", "tool_call_ids", "name");
      renameRole(message);
    }
    JsonNode info = traj.path("info");
    copyText(info, "submission", row, "model_patch");
    copyText(info, "exit_status", row, "exit_status");
    return new Canonical(row, "sweagent");
  }

  /** mini-swe-agent: a bare list of messages (older versions) or {messages, info}. */
  private static Canonical miniSweAgent(JsonNode parsed, String file) {
    ObjectNode row = NODES.objectNode();
    row.put("instance_id", instanceFromFile(file));
    if (parsed.isObject()) {
      requireList(parsed, "messages", RowFormat.MINI_SWE_AGENT);
    } else if (!parsed.isArray()) {
      throw new InvalidRecordException("a mini-swe-agent trajectory must be a message list or an object with 'messages', got "
          + Json.typeName(parsed));
    }
    JsonNode messages = parsed.isArray() ? parsed : parsed.path("messages");
    row.set("messages", messages.deepCopy());
    if (parsed.isObject()) {
      copyText(parsed.path("info"), "submission", row, "model_patch");
      copyText(parsed.path("info"), "exit_status", row, "exit_status");
      for (String field : new String[] {"instance_id", "trajectory_id", "repo", "language", "resolved"}) {
        if (parsed.has(field)) {
          row.set(field, parsed.get(field));
        }
      }
    }
    return new Canonical(row, "mini-swe-agent");
  }

  /** ShareGPT: conversations of {from, value}; function_call turns carry a JSON call. */
  private static Canonical shareGpt(JsonNode source) {
    requireList(source, "conversations", RowFormat.SHAREGPT);
    ObjectNode row = ((ObjectNode) source).deepCopy();
    row.remove("conversations");
    ArrayNode messages = row.putArray("messages");
    if (source.hasNonNull("system")) {
      messages.addObject().put("role", "system").put("content", source.get("system").asText());
      row.remove("system");
    }
    int call = 0;
    for (JsonNode turn : source.path("conversations")) {
      String from = turn.path("from").asText(turn.path("role").asText());
      String value = turn.path("value").asText(turn.path("content").asText());
      ObjectNode message = messages.addObject();
      switch (from) {
        case "human", "user" -> message.put("role", "user").put("content", value);
        case "gpt", "assistant", "model" -> message.put("role", "assistant").put("content", value);
        case "system" -> message.put("role", "system").put("content", value);
        case "observation", "tool", "function" -> message.put("role", "tool").put("content", value);
        case "function_call" -> {
          message.put("role", "assistant").put("content", "");
          JsonNode parsed = Json.pythonLoads(value).orElse(null);
          ObjectNode c = message.putArray("tool_calls").addObject();
          c.put("id", "call_" + call++).put("type", "function");
          ObjectNode function = c.putObject("function");
          function.put("name", parsed == null ? null : parsed.path("name").asText(null));
          JsonNode arguments = parsed == null ? null : parsed.get("arguments");
          function.put("arguments", arguments == null ? value : arguments.isTextual() ? arguments.asText() : arguments.toString());
        }
        default -> message.put("role", from).put("content", value);
      }
    }
    return new Canonical(row, null);
  }

  /** nebius/SWE-agent-trajectories: role "ai", text under "text", the system prompt beside the trajectory. */
  private static Canonical nebius(JsonNode source) {
    requireList(source, "trajectory", RowFormat.NEBIUS);
    ObjectNode row = ((ObjectNode) source).deepCopy();
    ArrayNode messages = NODES.arrayNode();
    if (source.hasNonNull("system_prompt")) {
      messages.addObject().put("role", "system").put("content", source.get("system_prompt").asText());
    }
    for (JsonNode m : source.path("trajectory")) {
      if (!m.isObject()) {
        continue;
      }
      ObjectNode message = ((ObjectNode) m).deepCopy();
      if (!message.has("content") && message.has("text")) {
        message.set("content", message.remove("text"));
      }
      renameRole(message);
      messages.add(message);
    }
    row.set("trajectory", messages);
    if (!row.has("resolved") && row.has("target")) {
      row.set("resolved", row.get("target"));
    }
    return new Canonical(row, "sweagent");
  }

  /** A named format's one defining list: without it the row is not of that format, and nothing is guessed. */
  private static void requireList(JsonNode row, String field, RowFormat format) {
    if (!row.path(field).isArray()) {
      throw new InvalidRecordException("a " + format.label() + " row needs a '" + field + "' list, "
          + (row.has(field) ? "got " + Json.typeName(row.get(field)) : "and has none") + " (check the input's format= label)");
    }
  }

  private static void renameRole(ObjectNode message) {
    String role = message.path("role").asText();
    switch (role.toLowerCase(Locale.ROOT)) {
      case "ai", "gpt" -> message.put("role", "assistant");
      case "human" -> message.put("role", "user");
      default -> { }
    }
  }

  private static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String field : fields) {
      if (from.has(field)) {
        to.set(field, from.get(field));
      }
    }
  }

  private static void copyText(JsonNode from, String field, ObjectNode to, String as) {
    if (from.hasNonNull(field)) {
      to.set(as, from.get(field));
    }
  }

  /** The instance id a one-trajectory file is named after: pydicom__pydicom-1458.traj → pydicom__pydicom-1458. */
  static String instanceFromFile(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    for (String suffix : new String[] {".traj.json", ".traj", ".json"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

}
