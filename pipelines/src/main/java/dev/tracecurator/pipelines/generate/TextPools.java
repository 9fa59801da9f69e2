package dev.tracecurator.pipelines.generate;

import java.util.List;

/** Words and sentences agent trajectories are made of, modelled on real SWE-agent runs. */
final class TextPools {
  static final List<String> IDENTIFIERS = List.of("value", "field", "precision", "result", "config", "handler", "buffer",
      "index", "items", "options", "parser", "token", "request", "response", "cache", "node", "schema", "timeout",
      "payload", "context", "offset", "encoder", "decoder", "session", "registry", "counter", "path", "entry");

  static final List<String> REASONING = List.of(
      "Let me first look at the repository structure to understand where the relevant code lives.",
      "The issue describes a rounding problem, so the conversion function is the most likely culprit.",
      "I should reproduce the bug before changing anything, so I will write a small script.",
      "The traceback points at the serializer; let me open that file around the reported line.",
      "That search returned too many matches. I will narrow it down to the source directory.",
      "The test fails exactly as described in the issue, which confirms the reproduction.",
      "Integer division truncates here; using round() should keep the expected precision.",
      "I need to check whether other call sites depend on the old behaviour before editing.",
      "The edit introduced an indentation error. Let me view the file again and fix it.",
      "Now the reproduction script prints the expected value. Let me run the existing test suite.",
      "Two tests fail, but they also fail on the main branch, so they are unrelated to this change.",
      "I will add a regression test that covers the boundary case from the issue.",
      "The fix is minimal and the tests pass. I am confident the change is correct.",
      "Hmm, the build uses a different entry point than I assumed; let me check the configuration.",
      "The helper is only used in two places, so changing its signature is safe.",
      "Before submitting I will remove the temporary reproduction script.");

  static final List<String> ISSUE_OPENINGS = List.of(
      "{0} returns the wrong value when {1} is empty",
      "Regression: {0} raises an exception after upgrading",
      "{0} loses precision for small {1} values",
      "Support {1} in {0}",
      "Crash when {0} is called twice with the same {1}",
      "{0} ignores the configured {1}");

  static final List<String> SYSTEM_OPENHANDS = List.of(
      "You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks.",
      "<ROLE>\nYour primary role is to assist users by executing commands, modifying code, and solving technical problems effectively. "
          + "You should be thorough, methodical, and prioritize quality over speed.\n</ROLE>",
      "<EFFICIENCY>\n* Each action you take is somewhat expensive. Wherever possible, combine multiple actions into a single action.\n"
          + "* When exploring the codebase, use efficient tools like find, grep, and git commands with appropriate filters.\n</EFFICIENCY>",
      "<FILE_SYSTEM_GUIDELINES>\n* When a user provides a file path, do NOT assume it's relative to the current working directory.\n"
          + "* If asked to edit a file, edit the file directly, rather than creating a new file with a different filename.\n</FILE_SYSTEM_GUIDELINES>",
      "<CODE_QUALITY>\n* Write clean, efficient code with minimal comments.\n* Make minimal changes needed to solve the problem.\n</CODE_QUALITY>",
      "<TROUBLESHOOTING>\n* If you've made repeated attempts to solve a problem but tests still fail, step back and reflect on 5-7 different possible sources.\n</TROUBLESHOOTING>");

  static final List<String> SYSTEM_SWEAGENT = List.of(
      "SETTING: You are an autonomous programmer, and you're working directly in the command line with a special interface.",
      "The special interface consists of a file editor that shows you 100 lines of a file at a time.\n"
          + "In addition to typical bash commands, you can also use specific commands to help you navigate and edit files.",
      "Please note that THE EDIT COMMAND REQUIRES PROPER INDENTATION.\nIf you'd like to add the line '        print(x)' you must fully write "
          + "that out, with all those spaces before the code! Indentation is important and code that is not indented correctly will fail.",
      "RESPONSE FORMAT:\nYour shell prompt is formatted as follows:\n(Open file: <path>) <cwd> $\n",
      "Remember, you should always include a _SINGLE_ tool call/function call and then wait for a response from the shell before continuing.",
      "However, the environment does NOT support interactive session commands (e.g. python, vim), so please do not invoke them.");

  private TextPools() {}

  static String fill(String template, String a, String b) {
    return template.replace("{0}", a).replace("{1}", b);
  }
}
