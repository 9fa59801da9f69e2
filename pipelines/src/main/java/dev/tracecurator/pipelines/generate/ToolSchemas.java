package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI function schemas of the harnesses' tools, as JSON text. */
final class ToolSchemas {
  private ToolSchemas() {}

  static String schema(String tool) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("type", "function");
    ObjectNode function = root.putObject("function");
    function.put("name", tool);
    ObjectNode parameters = function.putObject("parameters");
    parameters.put("type", "object");
    ObjectNode properties = parameters.putObject("properties");
    switch (tool) {
      case "execute_bash", "bash" -> {
        function.put("description", "Execute a bash command in the terminal within a persistent shell session.");
        properties.putObject("command").put("type", "string").put("description", "The bash command to execute.");
        parameters.putArray("required").add("command");
      }
      case "str_replace_editor" -> {
        function.put("description", "Custom editing tool for viewing, creating and editing files in plain-text format.");
        properties.putObject("command").put("type", "string").putArray("enum").add("view").add("create").add("str_replace").add("insert").add("undo_edit");
        properties.putObject("path").put("type", "string").put("description", "Absolute path to file or directory.");
        properties.putObject("old_str").put("type", "string");
        properties.putObject("new_str").put("type", "string");
        properties.putObject("file_text").put("type", "string");
        properties.putObject("view_range").put("type", "array").putObject("items").put("type", "integer");
        parameters.putArray("required").add("command").add("path");
      }
      case "think" -> {
        function.put("description", "Use the tool to think about something. It will not obtain new information or make any changes.");
        properties.putObject("thought").put("type", "string");
        parameters.putArray("required").add("thought");
      }
      case "finish" -> {
        function.put("description", "Signals the completion of the current task or conversation.");
        properties.putObject("message").put("type", "string");
      }
      default -> function.put("description", "Submits the current changes as the final answer.");
    }
    return root.toString();
  }
}
