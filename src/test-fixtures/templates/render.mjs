// Renders every conversation of a conversations.jsonl with one of the saved model templates, the
// way transformers' apply_chat_template(messages, tools=..., tokenize=False) does for training
// (no generation prompt), and prints {"id", "text"} per line, or {"id", "error"} where the template
// itself raises.
//
//   node render.mjs qwen3  conversations.jsonl > expected-qwen3.jsonl
//   node render.mjs llama3 conversations.jsonl > expected-llama3.jsonl
//   node render.mjs qwen2_5 conversations.jsonl > expected-qwen2_5.jsonl   (also llama3_1-model, phi3_5)
//
// The messages handed to the template are what ChatTemplate hands its renderers, built here a
// second time, independently of the Java code:
//  - role null reads "unknown", content null reads "" (as SftMessages does);
//  - a tool call's arguments are the parsed JSON object when the string holds one, else the
//    string itself (transformers documents dicts; OpenAI's wire format carries strings);
//  - tool_calls only on messages that have some (Llama 3.1 tests the key, not its length);
//  - keep_reasoning false: no reasoning at all. keep_reasoning true: Qwen3 gets
//    reasoning_content; Llama 3.1, which has no such field, gets it in an assistant's content as
//    "<think>\n" + reasoning.strip() + "\n</think>\n\n" + content when the stripped reasoning is
//    not empty;
//  - tools only when there are some (an empty list would still switch Llama 3.1's tool mode on).

import { readFileSync } from "node:fs";
import { Environment, Template } from "@huggingface/jinja";
import { pythonStrip, usePythonStrip } from "./python-strip.mjs";

usePythonStrip(Environment);
{
  // What Python's Jinja prints for this; fails loudly if a new @huggingface/jinja changes the patch's footing.
  const got = new Template("{{ x.strip('\\n') }}|{{ x.lstrip('\\n') }}|{{ x.rstrip('\\n') }}|{{ x.strip() }}")
    .render({ x: "\n  a  \n" });
  if (got !== "  a  |  a  \n|\n  a  |a") throw new Error(`strip patch not in effect: ${JSON.stringify(got)}`);
}

const TEMPLATES = {
  qwen3: { file: "qwen3.jinja", reasoning: "field", context: {} },
  llama3: { file: "llama3_1.jinja", reasoning: "content", context: { bos_token: "<|begin_of_text|>" } },
  // --chatTemplate=model hands every template reasoning_content (the field Qwen3, DeepSeek and
  // most reasoning templates read); llama3_1-model is Llama 3.1's template handed it that way.
  "llama3_1-model": { file: "llama3_1.jinja", reasoning: "field", context: { bos_token: "<|begin_of_text|>" } },
  qwen2_5: { file: "qwen2_5.jinja", reasoning: "field", context: { bos_token: null, eos_token: "<|im_end|>" } },
  phi3_5: { file: "phi3_5.jinja", reasoning: "field", context: { bos_token: "<s>", eos_token: "<|endoftext|>" } },
};

const [name, conversationsFile] = process.argv.slice(2);
const spec = TEMPLATES[name];
if (!spec || !conversationsFile) {
  console.error(`usage: node render.mjs ${Object.keys(TEMPLATES).join("|")} conversations.jsonl`);
  process.exit(2);
}
const template = new Template(readFileSync(new URL(spec.file, import.meta.url), "utf8"));

const strip = (s) => pythonStrip(s, null, true, true);

function argumentsValue(text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : text;
  } catch {
    return text;
  }
}

function templateMessage(m, keepReasoning) {
  const out = { role: m.role ?? "unknown", content: m.content ?? "" };
  const reasoning = m.reasoning_content;
  if (keepReasoning && typeof reasoning === "string") {
    if (spec.reasoning === "field") {
      out.reasoning_content = reasoning;
    } else if (out.role === "assistant" && strip(reasoning) !== "") {
      out.content = "<think>\n" + strip(reasoning) + "\n</think>\n\n" + out.content;
    }
  }
  if (m.tool_calls && m.tool_calls.length > 0) {
    out.tool_calls = m.tool_calls.map((c) => ({
      id: c.id,
      type: "function",
      function: { name: c.function.name, arguments: argumentsValue(c.function.arguments) },
    }));
  }
  if (m.tool_call_id != null) out.tool_call_id = m.tool_call_id;
  if (m.name != null) out.name = m.name;
  return out;
}

for (const line of readFileSync(conversationsFile, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const c = JSON.parse(line);
  const context = {
    ...spec.context,
    messages: c.messages.map((m) => templateMessage(m, c.keep_reasoning)),
    add_generation_prompt: false,
  };
  if (c.tools.length > 0) context.tools = c.tools;
  let result;
  try {
    result = { id: c.id, text: template.render(context) };
  } catch (e) {
    result = { id: c.id, error: String(e.message) };
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}
