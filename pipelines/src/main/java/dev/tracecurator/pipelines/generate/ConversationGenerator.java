package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A trajectory as an agent of the given harness writes it: a long system prompt, the issue, then
 * steps of reasoning + tool call + observation (explore, reproduce, edit, test), ending with a
 * finish/submit call or at the step limit. Lengths follow the shapes of the real SWE-agent runs in
 * shared/data: short command outputs, and now and then a whole file.
 */
final class ConversationGenerator {
  private final Draw draw;
  private final LanguageProfile language;
  private final boolean openhands;
  private final CodeLines code;
  private int callCounter;

  ConversationGenerator(Draw draw, LanguageProfile language, String harness) {
    this.draw = draw;
    this.language = language;
    this.openhands = !"sweagent".equals(harness);
    this.code = new CodeLines(draw, language);
  }

  String bashTool() {
    return openhands ? "execute_bash" : "bash";
  }

  String finishTool() {
    return openhands ? "finish" : "submit";
  }

  List<String> toolNames() {
    return openhands ? List.of("execute_bash", "str_replace_editor", "think", "finish") : List.of("bash", "str_replace_editor", "submit");
  }

  List<GeneratedTurn> generate(String repo, String issueTitle, boolean finishes) {
    List<GeneratedTurn> turns = new ArrayList<>();
    turns.add(GeneratedTurn.plain("system", systemPrompt()));
    turns.add(GeneratedTurn.plain("user", issue(repo, issueTitle)));
    int steps = draw.logNormal(30, 0.6, 5, 150);
    String file = language.directories().get(0) + "/" + draw.pick(TextPools.IDENTIFIERS) + "." + language.extensions().get(0);
    // Now and then a run reads the repository's other history (the leak v1.0's maintainers removed
    // after the fact), or prints a credential from its environment.
    int historyStep = draw.chance(0.03) ? draw.between(0, Math.max(0, steps / 3)) : -1;
    int secretStep = draw.chance(0.02) ? draw.between(0, steps - 1) : -1;
    for (int step = 0; step < steps; step++) {
      double phase = (double) step / steps;
      if (step == historyStep || step == secretStep) {
        String[] action = step == historyStep ? historyAction(file) : environmentAction();
        GeneratedTurn.Call call = new GeneratedTurn.Call(nextCallId(), action[0], action[1]);
        turns.add(new GeneratedTurn("assistant", assistantText(), reasoning(), List.of(call), null, null));
        turns.add(new GeneratedTurn("tool", action[2], null, List.of(), call.name(), call.id()));
        continue;
      }
      int parallel = openhands && draw.chance(0.08) ? 2 : 1;
      List<GeneratedTurn.Call> calls = new ArrayList<>();
      List<String> observations = new ArrayList<>();
      for (int k = 0; k < parallel; k++) {
        String[] action = action(phase, file);
        calls.add(new GeneratedTurn.Call(nextCallId(), action[0], action[1]));
        observations.add(action[2]);
      }
      turns.add(new GeneratedTurn("assistant", assistantText(), reasoning(), calls, null, null));
      for (int k = 0; k < parallel; k++) {
        turns.add(new GeneratedTurn("tool", observations.get(k), null, List.of(), calls.get(k).name(), calls.get(k).id()));
      }
    }
    if (finishes) {
      GeneratedTurn.Call finish = new GeneratedTurn.Call(nextCallId(), finishTool(),
          openhands ? json("message", "I fixed the issue and added a regression test.") : "{}");
      turns.add(new GeneratedTurn("assistant", assistantText(), reasoning(), List.of(finish), null, null));
      turns.add(new GeneratedTurn("tool", openhands ? "Task completed." : "Submitted.", null, List.of(), finish.name(), finish.id()));
    }
    return turns;
  }

  private String[] historyAction(String file) {
    String command = draw.pick(List.of("git log --all --oneline | head -20", "git log --oneline --all -- " + file, "git reflog | head"));
    StringBuilder commits = new StringBuilder();
    for (int i = 0; i < draw.between(3, 20); i++) {
      commits.append(draw.hex(7)).append(' ').append(TextPools.fill(draw.pick(TextPools.ISSUE_OPENINGS),
          draw.pick(TextPools.IDENTIFIERS), draw.pick(TextPools.IDENTIFIERS))).append('\n');
    }
    return new String[] {bashTool(), json("command", "cd /testbed && " + command), exitCode(commits.toString(), 0)};
  }

  /** A synthetic token in the shape GitHub issues them: never a real credential. */
  private String[] environmentAction() {
    String token = "ghp_" + draw.hex(20) + draw.hex(16).toUpperCase(java.util.Locale.ROOT).replace('0', 'Q').replace('1', 'R');
    String output = "HOME=/root\nPATH=/usr/local/bin:/usr/bin:/bin\nGITHUB_TOKEN=" + token + "\nPWD=/testbed\n";
    return new String[] {bashTool(), json("command", "env | sort"), exitCode(output, 0)};
  }

  /** OpenHands ends a command's output with its exit code; SWE-agent shows the output only. */
  private String exitCode(String output, int code) {
    return openhands ? output + "\n[The command completed with exit code " + code + ".]" : output;
  }

  private String nextCallId() {
    return (openhands ? "toolu_" : "call_") + draw.hex(8) + String.format("%03d", callCounter++);
  }

  /** {tool, arguments JSON, observation} for a step at this point of the run. */
  private String[] action(double phase, String file) {
    double r = draw.uniform();
    if (phase < 0.3) {
      if (r < 0.4) {
        String pattern = draw.pick(TextPools.IDENTIFIERS);
        return new String[] {bashTool(), json("command", "grep -rn \"" + pattern + "\" " + language.directories().get(0) + " | head -50"), grep(pattern)};
      }
      if (r < 0.55) {
        return new String[] {bashTool(), json("command", "find . -name \"*." + language.extensions().get(0) + "\" | head -30"),
            exitCode(listing(), 0)};
      }
      if (r < 0.6) {
        String pattern = draw.pick(TextPools.IDENTIFIERS);
        return new String[] {bashTool(), json("command", "rg " + pattern), exitCode("bash: rg: command not found", 127)};
      }
      return view(file);
    }
    if (phase < 0.45) {
      if (r < 0.5) {
        String script = "reproduce." + language.extensions().get(0);
        return new String[] {"str_replace_editor", json("command", "create", "path", "/testbed/" + script, "file_text", code.numbered(1, 6).replaceAll("(?m)^ *\\d+\\t", "")),
            "File created successfully at: /testbed/" + script};
      }
      return new String[] {bashTool(), json("command", "cd /testbed && " + language.testCommand()), exitCode(testRun(false), 1)};
    }
    if (phase < 0.75) {
      if (r < 0.45) {
        String oldLine = code.line();
        String newLine = code.line();
        String observation = "The file /testbed/" + file + " has been edited. Here's the result of running `cat -n` on a snippet of /testbed/" + file + ":\n"
            + code.numbered(draw.between(10, 300), draw.between(8, 20)) + "Review the changes and make sure they are as expected. Edit the file again if necessary.";
        return new String[] {"str_replace_editor", json("command", "str_replace", "path", "/testbed/" + file, "old_str", oldLine, "new_str", newLine), observation};
      }
      if (openhands && r < 0.55) {
        return new String[] {"think", json("thought", reasoning()), "Your thought has been logged."};
      }
      if (r < 0.7) {
        return view(file);
      }
      boolean passes = draw.chance(0.5);
      return new String[] {bashTool(), json("command", "cd /testbed && " + language.testCommand()), exitCode(testRun(passes), passes ? 0 : 1)};
    }
    boolean passes = draw.chance(0.8);
    return new String[] {bashTool(), json("command", "cd /testbed && " + language.testCommand()), exitCode(testRun(passes), passes ? 0 : 1)};
  }

  private String[] view(String file) {
    int lines = draw.chance(0.2) ? draw.between(250, 900) : draw.between(20, 120);
    int from = draw.between(1, 400);
    String observation = "Here's the result of running `cat -n` on /testbed/" + file + ":\n" + code.numbered(from, lines);
    if (!openhands && draw.chance(0.4)) {
      observation = "[File: /testbed/" + file + " (" + (from + lines + 50) + " lines total)]\r\n" + observation;
    }
    return new String[] {"str_replace_editor", json("command", "view", "path", "/testbed/" + file, "view_range", "[" + from + ", " + (from + lines - 1) + "]"), observation};
  }

  private String grep(String pattern) {
    int hits = draw.logNormal(12, 0.9, 0, 80);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hits; i++) {
      out.append(draw.pick(language.directories())).append('/').append(draw.pick(TextPools.IDENTIFIERS)).append('.')
          .append(language.extensions().get(0)).append(':').append(draw.between(1, 2000)).append(':').append(code.line()).append('\n');
    }
    return hits == 0 ? "" : out.toString().replace("value", pattern);
  }

  private String listing() {
    StringBuilder out = new StringBuilder();
    int n = draw.between(5, 30);
    for (int i = 0; i < n; i++) {
      out.append("./").append(draw.pick(language.directories())).append('/').append(draw.pick(TextPools.IDENTIFIERS)).append('.')
          .append(language.extensions().get(0)).append('\n');
    }
    return out.toString();
  }

  private String testRun(boolean passes) {
    StringBuilder out = new StringBuilder();
    int tests = draw.between(5, 400);
    out.append("collected ").append(tests).append(" items\n\n");
    int lines = draw.between(3, 40);
    for (int i = 0; i < lines; i++) {
      out.append(draw.pick(language.directories())).append('/').append(draw.pick(TextPools.IDENTIFIERS)).append("_test ")
          .append(passes || i % 7 != 3 ? "PASSED" : "FAILED").append('\n');
    }
    if (!passes) {
      out.append("\n=================================== FAILURES ===================================\n")
          .append(TextPools.fill(language.failure(), draw.pick(TextPools.IDENTIFIERS), "")).append('\n');
      for (int i = 0; i < draw.between(3, 25); i++) {
        out.append("    ").append(code.line()).append('\n');
      }
    }
    out.append(passes ? "\n" + tests + " passed in " + draw.between(1, 90) + ".42s\n" : "\n1 failed, " + (tests - 1) + " passed\n");
    return out.toString();
  }

  private String reasoning() {
    if (draw.chance(0.12)) {
      return null;
    }
    int sentences = draw.between(1, 5);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(draw.pick(TextPools.REASONING));
    }
    return out.toString();
  }

  private String assistantText() {
    if (openhands) {
      return draw.chance(0.7) ? "" : draw.pick(TextPools.REASONING);
    }
    return draw.pick(TextPools.REASONING);
  }

  private String systemPrompt() {
    List<String> parts = openhands ? TextPools.SYSTEM_OPENHANDS : TextPools.SYSTEM_SWEAGENT;
    StringBuilder out = new StringBuilder(String.join("\n\n", parts));
    for (String tool : toolNames()) {
      out.append("\n\n---- BEGIN FUNCTION #").append(tool).append(" ----\nDescription: ").append(draw.pick(TextPools.REASONING))
          .append("\nParameters:\n  (1) command (string, required): ").append(draw.pick(TextPools.REASONING))
          .append("\n---- END FUNCTION #").append(tool).append(" ----");
    }
    return out.toString();
  }

  private String issue(String repo, String title) {
    StringBuilder out = new StringBuilder();
    out.append("<uploaded_files>\n/testbed\n</uploaded_files>\nI've uploaded a code repository in the directory /testbed (")
        .append(repo).append("). Consider the following issue description:\n\n<issue_description>\n").append(title).append("\n\n");
    for (int p = 0; p < draw.between(1, 4); p++) {
      out.append(draw.pick(TextPools.REASONING)).append(' ').append(draw.pick(TextPools.REASONING)).append("\n\n");
    }
    out.append("```\n");
    for (int i = 0; i < draw.between(3, 15); i++) {
      out.append(code.line()).append('\n');
    }
    out.append("```\n</issue_description>\n\nCan you help me implement the necessary changes to the repository so that the requirements "
        + "specified in the <issue_description> are met? I've already taken care of all changes to any of the test files described "
        + "in the <issue_description>. Your task is to make the minimal changes to non-test files in the /testbed directory.");
    return out.toString();
  }

  /** A JSON object text from key/value pairs, as a model writes call arguments. */
  static String json(String... keyValues) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      node.put(keyValues[i], keyValues[i + 1]);
    }
    return node.toString();
  }
}
