"""Cross-check of render.mjs with Python's own Jinja2, set up the way transformers'
apply_chat_template sets it up (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks,
loopcontrols, a tojson that is json.dumps(ensure_ascii=False), raise_exception). Prints the same
{"id", "text"} / {"id", "error"} lines as render.mjs, so the two can be compared byte for byte:

    python3 render.py qwen3  conversations.jsonl | cmp - expected-qwen3.jsonl
    python3 render.py llama3 conversations.jsonl | cmp - expected-llama3.jsonl

Needs only jinja2 (3.1.x). The messages are built as render.mjs builds them; see there.
"""

import json
import sys
from datetime import datetime
from pathlib import Path

from jinja2.exceptions import TemplateError
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = Path(__file__).parent
TEMPLATES = {
    "qwen3": ("qwen3.jinja", "field", {}),
    "llama3": ("llama3_1.jinja", "content", {"bos_token": "<|begin_of_text|>"}),
    "llama3_1-model": ("llama3_1.jinja", "field", {"bos_token": "<|begin_of_text|>"}),
    "qwen2_5": ("qwen2_5.jinja", "field", {"bos_token": None, "eos_token": "<|im_end|>"}),
    "phi3_5": ("phi3_5.jinja", "field", {"bos_token": "<s>", "eos_token": "<|endoftext|>"}),
}


def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return datetime.now().strftime(fmt)


def compile_template(text):
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env.from_string(text)


def arguments_value(text):
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, dict) else text


def template_message(m, keep_reasoning, reasoning_mode):
    role = m.get("role")
    out = {"role": "unknown" if role is None else role, "content": m.get("content") or ""}
    reasoning = m.get("reasoning_content")
    if keep_reasoning and isinstance(reasoning, str):
        if reasoning_mode == "field":
            out["reasoning_content"] = reasoning
        elif out["role"] == "assistant" and reasoning.strip():
            out["content"] = "<think>\n" + reasoning.strip() + "\n</think>\n\n" + out["content"]
    if m.get("tool_calls"):
        out["tool_calls"] = [
            {"id": c["id"], "type": "function",
             "function": {"name": c["function"]["name"], "arguments": arguments_value(c["function"]["arguments"])}}
            for c in m["tool_calls"]
        ]
    if m.get("tool_call_id") is not None:
        out["tool_call_id"] = m["tool_call_id"]
    if m.get("name") is not None:
        out["name"] = m["name"]
    return out


def main(name, conversations):
    file, reasoning_mode, context = TEMPLATES[name]
    template = compile_template((HERE / file).read_text(encoding="utf-8"))
    for line in Path(conversations).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        c = json.loads(line)
        kwargs = dict(context)
        kwargs["messages"] = [template_message(m, c["keep_reasoning"], reasoning_mode) for m in c["messages"]]
        kwargs["add_generation_prompt"] = False
        if c["tools"]:
            kwargs["tools"] = c["tools"]
        try:
            result = {"id": c["id"], "text": template.render(**kwargs)}
        except TemplateError as e:
            result = {"id": c["id"], "error": str(e)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
