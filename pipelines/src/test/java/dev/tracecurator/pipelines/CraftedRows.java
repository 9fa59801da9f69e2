package dev.tracecurator.pipelines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made rows in Open-SWE-Traces' current schema, each shaped to meet one SFT rule. */
final class CraftedRows {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String PATCH = "diff --git a/src/x.py b/src/x.py\n--- a/src/x.py\n+++ b/src/x.py\n@@ -1,2 +1,2 @@\n"
      + " import os\n-x = 1\n+x = 2\n";

  private final List<String> lines = new ArrayList<>();
  private String patch = PATCH;
  private String task;
  private String baseCommit;

  /** The patch of the rows added after this. */
  CraftedRows withPatch(String newPatch) {
    this.patch = newPatch;
    return this;
  }

  /** The first user message (the task statement) of the rows added after this; null for the default. */
  CraftedRows withTask(String newTask) {
    this.task = newTask;
    return this;
  }

  /** The {@code base_commit} of the rows added after this; null for none. */
  CraftedRows withBaseCommit(String commit) {
    this.baseCommit = commit;
    return this;
  }

  /** A line that is not a row at all. */
  CraftedRows raw(String line) {
    lines.add(line);
    return this;
  }

  /** A resolved run: each command a tool call answered by a tool turn, then a finish call. */
  CraftedRows row(String instanceId, String repo, String trajectoryId, int resolved, List<String> commands, String observation) {
    ObjectNode row = NODES.objectNode();
    row.put("instance_id", instanceId);
    row.put("repo", repo);
    row.put("license", "MIT");
    row.put("language", "python");
    row.put("trajectory_id", trajectoryId);
    if (baseCommit != null) {
      row.put("base_commit", baseCommit);
    }
    ArrayNode messages = row.putArray("messages");
    messages.addObject().put("role", "system").put("content", "You are a careful software engineer.");
    messages.addObject().put("role", "user").put("content", task != null ? task : "Fix the bug in " + repo + " (" + instanceId + ").");
    int call = 0;
    for (String command : commands) {
      ObjectNode assistant = messages.addObject().put("role", "assistant").put("content", "Let me run: " + command);
      assistant.put("reasoning_content", "I should check " + command.split(" ")[0] + ".");
      String id = "call_" + call++;
      assistant.putArray("tool_calls").addObject().put("id", id).put("type", "function").putObject("function")
          .put("name", "execute_bash").put("arguments", Json.write(NODES.objectNode().put("command", command)));
      messages.addObject().put("role", "tool").put("content", observation + " (" + command + ")").put("tool_call_id", id);
    }
    ObjectNode finish = messages.addObject().put("role", "assistant").put("content", "Done.");
    finish.putArray("tool_calls").addObject().put("id", "call_finish").put("type", "function").putObject("function")
        .put("name", "finish").put("arguments", "{}");
    row.putArray("tools").add("{\"type\": \"function\", \"function\": {\"name\": \"execute_bash\", \"parameters\": "
        + "{\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}, \"required\": [\"command\"]}}}");
    row.put("resolved", resolved);
    ObjectNode patchNode = row.putObject("metadata").putObject("model_patch");
    patchNode.put("patch", patch).put("num_modified_files", 1).put("num_modified_lines", 2);
    lines.add(Json.write(row));
    return this;
  }

  Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
