package dev.tracecurator.score;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import dev.tracecurator.tooluse.TextCommand;
import dev.tracecurator.tooluse.TextCommands;

/**
 * The actions of a trajectory, in order, by what the harness ran: each structured tool call (its
 * command argument when it has one, else its arguments) where the trajectory has any, else the
 * commands its assistant turns write ({@link TextCommands}: SWE-agent's action, XML function
 * calls, CodeAct's execute tags, the shell fence).
 */
public final class Actions {
  private static final String[] COMMAND_KEYS = {"command", "cmd", "code", "script", "input"};

  private Actions() {}

  public static List<Action> of(List<Message> messages) {
    return of(messages, true);
  }

  /** With {@code textCommands} false (a format whose text is only talk), only structured calls are actions. */
  public static List<Action> of(List<Message> messages, boolean textCommands) {
    List<Action> actions = new ArrayList<>();
    boolean structured = !textCommands || TextCommands.structured(messages);
    for (Message message : messages) {
      if (!message.hasRole("assistant")) {
        continue;
      }
      if (structured) {
        for (ToolCall call : message.toolCalls()) {
          actions.add(new Action(call.name(), command(call.arguments()), call.arguments()));
        }
      } else {
        for (TextCommand command : TextCommands.of(message)) {
          actions.add(new Action(command.name(), command.command()));
        }
      }
    }
    return actions;
  }

  /** The command a call's arguments carry, else the arguments as given. */
  static String command(String arguments) {
    if (arguments == null) {
      return "";
    }
    JsonNode parsed = Json.pythonLoads(arguments).orElse(null);
    if (parsed != null && parsed.isObject()) {
      for (String key : COMMAND_KEYS) {
        if (parsed.path(key).isTextual()) {
          return parsed.get(key).asText();
        }
      }
    }
    return arguments;
  }
}
