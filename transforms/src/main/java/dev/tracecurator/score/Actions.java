package dev.tracecurator.score;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actions of a trajectory, in order: each structured tool call (its command argument when it
 * has one, else its arguments), and for assistant turns without structured calls the commands
 * written in the text, as SWE-agent and mini-swe-agent write them (a fenced block), OpenHands'
 * XML function calls ({@code <parameter=command>}) and CodeAct's {@code <execute_bash>}.
 */
public final class Actions {
  private static final String[] COMMAND_KEYS = {"command", "cmd", "code", "script", "input"};
  private static final Pattern FENCE = Pattern.compile("```[a-zA-Z_]*[ \\t]*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML_FUNCTION = Pattern.compile("<function=([A-Za-z0-9_\\-]+)>(.*?)</function>", Pattern.DOTALL);
  private static final Pattern XML_COMMAND = Pattern.compile("<parameter=command>(.*?)</parameter>", Pattern.DOTALL);
  private static final Pattern EXECUTE = Pattern.compile("<execute_([a-z]+)>(.*?)</execute_\\1>", Pattern.DOTALL);

  private Actions() {}

  public static List<Action> of(List<Message> messages) {
    List<Action> actions = new ArrayList<>();
    for (Message message : messages) {
      if (!message.hasRole("assistant")) {
        continue;
      }
      if (!message.toolCalls().isEmpty()) {
        for (ToolCall call : message.toolCalls()) {
          actions.add(new Action(call.name(), command(call.arguments()), call.arguments()));
        }
      } else {
        textActions(message.content(), actions);
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

  private static void textActions(String text, List<Action> actions) {
    if (text == null || text.isEmpty()) {
      return;
    }
    if (text.contains("<function=")) {
      Matcher m = XML_FUNCTION.matcher(text);
      while (m.find()) {
        Matcher command = XML_COMMAND.matcher(m.group(2));
        actions.add(new Action(m.group(1), command.find() ? command.group(1).strip() : m.group(2).strip()));
      }
      return;
    }
    if (text.contains("<execute_")) {
      Matcher m = EXECUTE.matcher(text);
      while (m.find()) {
        actions.add(new Action("execute_" + m.group(1), m.group(2).strip()));
      }
      return;
    }
    if (text.contains("```")) {
      // SWE-agent and mini-swe-agent act with the last fenced block of a turn; earlier blocks are quotes.
      Matcher m = FENCE.matcher(text);
      String last = null;
      while (m.find()) {
        last = m.group(1);
      }
      if (last != null) {
        actions.add(new Action(null, last.strip()));
      }
    }
  }
}
