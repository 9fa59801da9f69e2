package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row in Open-SWE-Traces' current schema: every message has role, content, reasoning_content and
 * tool_calls (null where unset); tool responses carry no tool_call_id; tools are JSON-schema
 * strings; the agent's patch is metadata.model_patch.
 */
final class HubRowWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HubRowWriter() {}

  static ObjectNode write(GeneratedRow row) {
    ObjectNode node = NODES.objectNode();
    node.put("instance_id", row.instanceId());
    node.put("repo", row.repo());
    node.put("license", row.license());
    node.put("language", row.language());
    node.put("trajectory_id", row.trajectoryId());
    ArrayNode messages = node.putArray("messages");
    for (GeneratedTurn turn : row.turns()) {
      ObjectNode m = messages.addObject();
      m.put("role", turn.role());
      m.put("content", turn.content());
      m.put("reasoning_content", turn.reasoning());
      if (turn.calls().isEmpty()) {
        m.putNull("tool_calls");
      } else {
        putToolCalls(m, turn.calls());
      }
    }
    ArrayNode tools = node.putArray("tools");
    for (String tool : row.toolNames()) {
      tools.add(ToolSchemas.schema(tool));
    }
    node.put("resolved", row.resolved());
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("category", row.category());
    metadata.putObject("teacher_model").put("name", row.teacherModel()).put("provider", "vllm");
    patch(metadata.putObject("reference_patch"), row.referencePatch());
    patch(metadata.putObject("model_patch"), row.modelPatch());
    node.put("hf_dataset_name", "nvidia/Open-SWE-Traces");
    return node;
  }

  /** OpenAI's wire form of the calls: {id, type, function {name, arguments}}. */
  static void putToolCalls(ObjectNode message, java.util.List<GeneratedTurn.Call> calls) {
    ArrayNode array = message.putArray("tool_calls");
    for (GeneratedTurn.Call call : calls) {
      ObjectNode c = array.addObject();
      c.put("id", call.id());
      c.put("type", "function");
      c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    }
  }

  static void patch(ObjectNode node, GeneratedPatch patch) {
    node.put("patch", patch.diff());
    node.put("num_modified_files", patch.files());
    node.put("num_modified_lines", patch.added() + patch.deleted());
  }
}
