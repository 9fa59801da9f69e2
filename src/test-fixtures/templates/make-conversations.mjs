// Writes conversations.jsonl: the training conversations the template tests render, one per line,
// each {"id", "messages", "tools", "keep_reasoning"}. Messages are in the OpenAI / TRL shape our
// SftMessages writes (tool-call arguments as JSON strings); tools are OpenAI function schemas.
//
//   node make-conversations.mjs > conversations.jsonl
//
// Kept out of the data on purpose, because @huggingface/jinja and Python's Jinja disagree there and
// the reference must be Python's: floats ending in .0 and exponents (JS prints 1 and 1e-7, Python
// 1.0 and 1e-07), integer-like object keys (JS iterates them first), lone surrogates, and white
// space that str.strip() and String.prototype.trim() treat differently (\x1c-\x1f, \x85, \ufeff).

const fn = (name, description, properties, required) => ({
  type: "function",
  function: { name, description, parameters: { type: "object", properties, required } },
});

const BASH = fn("execute_bash", "Run a bash command in the sandbox.", {
  command: { type: "string", description: "The command to run." },
  timeout: { type: "integer", description: "Seconds before the command is killed.", default: 30 },
}, ["command"]);

const EDITOR = fn("str_replace_editor", "View, create and edit files.", {
  command: { type: "string", enum: ["view", "create", "str_replace"] },
  path: { type: "string", description: "Absolute path." },
  old_str: { type: "string" },
  new_str: { type: "string" },
  view_range: { type: "array", items: { type: "integer" } },
}, ["command", "path"]);

const FINISH = fn("finish", "Finish the task.", {}, []);

const TRADUIRE = fn("traduire", "Traduit un texte — «guillemets», 日本語, emoji 🚀.", {
  texte: { type: "string", description: "Le texte à traduire" },
  ratio: { type: "number", default: 0.5 },
  strict: { type: "boolean", default: false },
  extra: { type: ["string", "null"], default: null },
}, ["texte"]);

const sys = (content) => ({ role: "system", content });
const user = (content) => ({ role: "user", content });
const asst = (content, { reasoning, calls } = {}) => {
  const m = { role: "assistant", content };
  if (reasoning !== undefined) m.reasoning_content = reasoning;
  if (calls) m.tool_calls = calls;
  return m;
};
const call = (id, name, args) => ({ id, type: "function", function: { name, arguments: args } });
const tool = (content, id, name) => ({ role: "tool", content, tool_call_id: id, name });

const agent = [
  sys("You are a careful software engineer."),
  user("The parser crashes on empty input. Fix it."),
  asst("", { reasoning: "I should look at the repository layout first.", calls: [call("c1", "execute_bash", '{"command": "ls src"}')] }),
  tool("parser.py\nutils.py", "c1", "execute_bash"),
  asst("Found it.", { reasoning: "\nThe bug is probably in utils.py.\n", calls: [call("c2", "execute_bash", '{"command":"cat src/utils.py"}')] }),
  tool("def first(xs):\n    return xs[0]", "c2", "execute_bash"),
  asst("The fix is to guard against an empty list.", { reasoning: "Now I can answer." }),
];

const cases = [
  ["plain_chat", [], true, [
    user("Hello, who are you?"), asst("I am an assistant."), user("What is 2+2?"), asst("4")]],
  ["system_prompt", [], true, [
    sys("You are a careful software engineer."), user("Fix the bug."), asst("Done.")]],
  ["whitespace_edges", [], true, [
    sys("  Be brief.\n\n"), user("  spaced question \n"), asst("\n\nanswer with leading newlines  \n"),
    user("\tnext"), asst("  final  ")]],
  ["single_tool_call", [BASH, FINISH], true, [
    sys("You are a coding agent."), user("List the files."),
    asst("", { calls: [call("c1", "execute_bash", '{"command": "ls -la", "timeout": 30}')] }),
    tool("total 0\nfile.txt", "c1", "execute_bash"), asst("There is one file: file.txt.")]],
  ["tool_call_with_text", [BASH], true, [
    user("Run the tests."),
    asst("Let me run the test suite first.", { calls: [call("c1", "execute_bash", '{"command":"pytest -q"}')] }),
    tool("3 passed in 0.01s", "c1", "execute_bash"), asst("All 3 tests pass.")]],
  ["parallel_tool_calls", [BASH, EDITOR], true, [
    user("Where does the app read its config?"),
    asst("", { calls: [
      call("c1", "execute_bash", '{"command": "cat setup.py"}'),
      call("c2", "str_replace_editor", '{"command": "view", "path": "/repo/src/app.py", "view_range": [1, 20]}')] }),
    tool("from setuptools import setup", "c1", "execute_bash"),
    tool("import config\nconfig.load('setup.py')", "c2", "str_replace_editor"),
    asst("The app reads its config from setup.py.")]],
  ["consecutive_tool_results", [BASH], true, [
    user("Build it."),
    asst("", { calls: [call("c1", "execute_bash", '{"command": "make"}')] }),
    tool("cc -o app main.c", "c1", "execute_bash"), tool("", "c1", "execute_bash"),
    tool("warning: unused variable 'x'", "c1", "execute_bash"),
    asst("It builds, with one warning.")]],
  ["reasoning_agent_keep", [BASH, FINISH], true, agent],
  ["reasoning_agent_drop", [BASH, FINISH], false, agent],
  ["reasoning_multi_query_keep", [], true, [
    user("First question?"), asst("First answer.", { reasoning: "Thinking about the first." }),
    user("Second question?"), asst("Second answer.", { reasoning: "Thinking about the second." })]],
  ["reasoning_multi_query_drop", [], false, [
    user("First question?"), asst("First answer.", { reasoning: "Thinking about the first." }),
    user("Second question?"), asst("Second answer.", { reasoning: "Thinking about the second." })]],
  ["reasoning_last_turn_without", [], true, [
    user("Count to three."), asst("One, two,", { reasoning: "Start counting." }), asst("three.")]],
  ["blank_reasoning", [], true, [
    user("Go."), asst("a", { reasoning: "   " }), asst("b", { reasoning: "" })]],
  ["think_in_content", [], false, [
    user("Hi"), asst("<think>\nGreeting back.\n</think>\n\nHello!")]],
  ["tool_messages_without_schemas", [], true, [
    user("Where are we?"), asst("", { calls: [call("c1", "execute_bash", '{"command": "pwd"}')] }),
    tool("/repo", "c1", "execute_bash"), asst("We are in /repo.")]],
  ["tools_without_system", [FINISH], true, [
    user("Say done."), asst("", { calls: [call("c1", "finish", "{}")] })]],
  ["unicode", [TRADUIRE], true, [
    sys("Tu es un assistant. 日本語も話せます。"), user("Traduis « bonjour » en japonais 🙂"),
    asst("Je vais utiliser l'outil…", { calls: [call("c1", "traduire",
      '{"texte": "bonjour", "langue": "ja", "ratio": 0.5, "notes": "tab\\tnew\\nline \\"quoted\\" back\\\\slash <tag> & \\u00e9"}')] }),
    tool('{"résultat": "こんにちは", "ok": true}\nligne 2\tavec tab "et guillemets" \\ 🚀', "c1", "traduire"),
    asst("« Bonjour » se dit こんにちは (konnichiwa). ✅", { reasoning: "L'utilisateur veut une traduction — facile." })]],
  ["non_json_arguments", [BASH], true, [
    user("Try odd arguments."),
    asst("", { calls: [call("c1", "execute_bash", "ls -la (not json)")] }), tool("ok", "c1", "execute_bash"),
    asst("", { calls: [call("c2", "execute_bash", '["a", "b"]')] }), tool("ok", "c2", "execute_bash"),
    asst("", { calls: [call("c3", "execute_bash", '"just a string"')] }), tool("ok", "c3", "execute_bash"),
    asst("done")]],
  ["observations_as_user", [], true, [
    user("Task: fix the typo."), asst("Running ls.", { reasoning: "Look first." }),
    user("<tool_response>\nfile.py\n</tool_response>"), asst("Editing file.py.", { reasoning: "Edit now." }),
    user("<tool_response>\nok\n</tool_response>"), asst("Done.", { reasoning: "Finished." })]],
  ["leading_assistant_with_tools", [BASH], true, [
    sys("Be terse."), asst("  I will start by greeting.  "), user("ok go"),
    asst("", { calls: [call("c1", "execute_bash", '{"command": "echo hi"}')] }), tool("hi", "c1", "execute_bash"),
    asst("fin")]],
  ["other_role", [], true, [
    user("hi"), { role: "developer", content: "internal note" }, asst("hello")]],
  ["tools_but_no_user", [BASH], true, [sys("Only a system prompt.")]],
  ["empty_assistant_content", [], true, [user("x"), asst("")]],
  ["newline_content_with_call", [BASH], true, [
    user("go"), asst("\n", { calls: [call("c1", "execute_bash", '{"command": "true"}')] }),
    tool("ok", "c1", "execute_bash"), asst("\n\nDone.\n")]],
  ["nested_arguments", [EDITOR], true, [
    user("Edit a.py."),
    asst("", { calls: [call("c1", "str_replace_editor",
      '{"command":"str_replace","path":"/a.py","old_str":"x = 1","new_str":"x = 2","view_range":[],"opts":{"dry":true,"level":null,"nested":{},"n":-12345678901234}}')] }),
    tool("The file /a.py has been edited.", "c1", "str_replace_editor"), asst("Edited.")]],
  ["system_mid_conversation", [], true, [
    user("a"), asst("b"), sys("New instructions."), user("c"), asst("d")]],
  ["system_with_tools_and_reasoning_drop", [BASH, EDITOR, FINISH], false, [
    sys("Solve the issue."), user("Issue: typo in README."),
    asst("Looking.", { reasoning: "Find README.", calls: [call("c1", "execute_bash", '{"command": "grep -n teh README.md"}')] }),
    tool("3:teh quick fox", "c1", "execute_bash"),
    asst("", { reasoning: "Replace it.", calls: [call("c2", "str_replace_editor", '{"command": "str_replace", "path": "/repo/README.md", "old_str": "teh", "new_str": "the"}')] }),
    tool("ok", "c2", "str_replace_editor"),
    asst("", { calls: [call("c3", "finish", "{}")] })]],
];

for (const [id, tools, keep, messages] of cases) {
  process.stdout.write(JSON.stringify({ id, messages, tools, keep_reasoning: keep }) + "\n");
}
