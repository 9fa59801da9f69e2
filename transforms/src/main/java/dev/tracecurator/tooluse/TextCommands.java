package dev.tracecurator.tooluse;

import dev.tracecurator.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a call, by harness. Where any turn of a trajectory carries structured
 * {@code tool_calls}, only those are calls: fences and tags in prose are explanation the harness
 * never ran. In a text-only trajectory the text is the call; per assistant turn, the first rule
 * that finds something:
 * <ol>
 *   <li>SWE-agent's {@code action} field: one call, named by its command word ({@code open}, {@code edit}, {@code submit}…);
 *   <li>{@code <function=NAME>} tags (SWE-smith, OpenHands XML): one call each, named NAME;
 *   <li>{@code <execute_xxx>} tags (CodeAct): one call each;
 *   <li>fences: exactly one {@code bash} (or {@code mswea_bash_command}) fence is
 *       mini-swe-agent's one command ({@code bash_block}); a turn with several is one it refuses to
 *       run (its format error), so no call. Else the last plain fence is classic SWE-agent's command,
 *       named by its command word. Fences of other languages are code shown, not run.
 * </ol>
 */
public final class TextCommands {
  public static final String BASH_BLOCK = "bash_block";

  private static final Pattern FUNCTION = Pattern.compile("<function\\s*=\\s*([a-zA-Z0-9_\\-]+)\\s*>?(.*?)(?:</function>|(?=<function\\s*=)|$)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern PARAMETER_COMMAND = Pattern.compile("<parameter=command>(.*?)</parameter>", Pattern.DOTALL);
  private static final Pattern EXECUTE = Pattern.compile("<(execute_[a-z]+)>(.*?)(?:</\\1>|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FENCE = Pattern.compile("```([A-Za-z_]*)[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL);
  /** mini-swe-agent's own action pattern (its {@code action_regex}): a quoted ```shell block is no command. */
  private static final Pattern SHELL_FENCE = Pattern.compile("```(?:bash|mswea_bash_command)\\s*\\n(.*?)\\n```", Pattern.DOTALL);

  private TextCommands() {}

  /** Whether any turn carries structured calls, which makes the trajectory's text no call at all. */
  public static boolean structured(List<Message> messages) {
    for (Message message : messages) {
      if (!message.toolCalls().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The calls one assistant turn of a text-only trajectory writes, in order. */
  public static List<TextCommand> of(Message message) {
    List<TextCommand> out = new ArrayList<>();
    if (!message.hasRole("assistant")) {
      return out;
    }
    if (message.action() != null && !message.action().isBlank()) {
      String command = message.action().strip();
      out.add(new TextCommand(commandWord(command), command));
      return out;
    }
    String text = message.content();
    if (text == null || text.isEmpty()) {
      return out;
    }
    if (text.indexOf('<') >= 0) {
      Matcher function = FUNCTION.matcher(text);
      while (function.find()) {
        Matcher command = PARAMETER_COMMAND.matcher(function.group(2));
        out.add(new TextCommand(function.group(1).toLowerCase(Locale.ROOT),
            command.find() ? command.group(1).strip() : function.group(2).strip()));
      }
      if (!out.isEmpty()) {
        return out;
      }
      Matcher execute = EXECUTE.matcher(text);
      while (execute.find()) {
        out.add(new TextCommand(execute.group(1).toLowerCase(Locale.ROOT), execute.group(2).strip()));
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    if (text.contains("```")) {
      Matcher shell = SHELL_FENCE.matcher(text);
      int shellFences = 0;
      String shellCommand = null;
      while (shell.find()) {
        shellFences++;
        shellCommand = shell.group(1).strip();
      }
      if (shellFences == 1) {
        out.add(new TextCommand(BASH_BLOCK, shellCommand));
      } else if (shellFences == 0) {
        Matcher fence = FENCE.matcher(text);
        TextCommand plain = null;
        while (fence.find()) {
          String command = fence.group(2).strip();
          if (fence.group(1).isEmpty() && !command.isEmpty()) {
            plain = new TextCommand(commandWord(command), command);
          }
        }
        if (plain != null) {
          out.add(plain);
        }
      }
    }
    return out;
  }

  /** The first word of a command: {@code search_dir "x" src} → {@code search_dir}. */
  static String commandWord(String command) {
    String line = command.strip();
    int end = 0;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    String word = line.substring(0, end);
    return word.isEmpty() ? "command" : word;
  }
}
