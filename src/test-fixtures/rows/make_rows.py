#!/usr/bin/env python3
"""Writes the end-to-end test rows under this folder (run from this folder: python3 make_rows.py).

Hub-schema rows are converted from real SWE-agent trajectories (../../../../shared/data/sweagent-traj,
MIT, see LICENSE.SWE-agent here); tutorial-schema rows exercise every message shape the tutorial's
normalize_trajectory / message_text accept; bad.jsonl holds lines that must be rejected by name.
Deterministic: the same inputs give the same bytes.
"""
import json
import os

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "data")


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def hub_message(m):
    """A SWE-agent history message in the Hub's current shape: every key present, null where unset,
    tool responses without ids (the Hub's rows carry none)."""
    return {
        "role": m["role"],
        "content": m["content"] if isinstance(m["content"], str) else json.dumps(m["content"]),
        "reasoning_content": m.get("thought") if m["role"] == "assistant" else None,
        "tool_calls": [{"id": c["id"], "type": c.get("type", "function"),
                        "function": {"name": c["function"]["name"], "arguments": c["function"]["arguments"]}}
                       for c in m.get("tool_calls") or []] or None,
    }


def sweagent_rows():
    rows = []
    for name, instance, repo in [("marshmallow-1867.function_calling.traj", "marshmallow-code__marshmallow-1867", "marshmallow-code/marshmallow"),
                                 ("function_calling_simple.traj", "swe-agent__test-repo-i1", "swe-agent/test-repo"),
                                 ("pydicom__pydicom-1458.traj", "pydicom__pydicom-1458", "pydicom/pydicom")]:
        with open(os.path.join(SHARED, "sweagent-traj", name), encoding="utf-8") as f:
            traj = json.load(f)
        patch = (traj.get("info") or {}).get("submission") or ""
        history = traj.get("history") or []
        rows.append({
            "instance_id": instance, "repo": repo, "license": "MIT", "language": "python",
            "trajectory_id": "sweagent-demo-" + instance,
            "messages": [hub_message(m) for m in history],
            "tools": [json.dumps({"type": "function", "function": {"name": n, "description": n, "parameters": {"type": "object", "properties": {}}}})
                      for n in ("bash", "str_replace_editor", "submit")],
            "resolved": 1 if patch.strip() else 0,
            "metadata": {"category": "bug_fix", "teacher_model": {"name": "gpt-4"},
                         "reference_patch": {"patch": "REFERENCE PATCH - never read", "num_modified_files": 99, "num_modified_lines": 999},
                         "model_patch": {"patch": patch, "num_modified_files": None, "num_modified_lines": None}},
            "hf_dataset_name": "fixture/sweagent-demos",
        })
        # The same run kept in SWE-agent's own message shape (tool_call_ids lists) under the tutorial's schema.
        rows.append({
            "instance_id": instance, "repo": repo, "language": "Python", "license": "MIT", "resolved": 1 if patch.strip() else 0,
            "metadata": json.dumps({"category": "bug_fix", "num_modified_files": 1, "num_modified_lines": 3}),
            "trajectory": [{k: v for k, v in m.items() if k in ("role", "content", "tool_calls", "tool_call_ids", "thought")} for m in history],
            "model_patch": patch,
        })
    return rows


def tutorial_rows():
    sysmsg = {"role": "system", "content": "You are a careful software engineer."}
    user = {"role": "user", "content": "Fix the off-by-one in loop.c"}
    patch = "diff --git a/src/loop.c b/src/loop.c\nindex 1..2 100644\n--- a/src/loop.c\n+++ b/src/loop.c\n@@ -1,3 +1,3 @@\n for (;;) {\n---x;\n+++i;\n }\n"
    return [
        # list of message objects, XML-style calls answered by named tool messages
        {"instance_id": "t-xml", "repo": "o/loop", "language": "C", "license": "MIT", "resolved": 1,
         "metadata": {"category": "bug_fix", "num_modified_files": 1, "num_modified_lines": 2},
         "trajectory": [sysmsg, user,
                        {"role": "assistant", "content": "<function=execute_bash>\n<parameter=command>grep -n x src/loop.c</parameter>\n</function>"},
                        {"role": "tool", "name": "execute_bash", "content": "3:  --x;"},
                        {"role": "assistant", "content": "<function=str_replace_editor>\n<parameter=command>str_replace</parameter>\n</function>"},
                        {"role": "tool", "name": "str_replace_editor", "content": "edited"},
                        {"role": "assistant", "content": "<function=finish>\n</function>"}],
         "model_patch": patch},
        # list of JSON strings, OpenHands function calling with ids, one non-JSON string item
        {"instance_id": "t-strings", "repo": "o/web", "language": "TypeScript", "license": "Apache-2.0", "resolved": 0,
         "metadata": json.dumps({"category": "feature", "num_modified_files": 0, "num_modified_lines": 0}),
         "trajectory": [json.dumps(sysmsg), json.dumps(user),
                        json.dumps({"role": "assistant", "content": None, "tool_calls": [
                            {"id": "call_1", "type": "function", "function": {"name": "execute_bash", "arguments": "{\"command\": \"npm test\"}"}}]}),
                        json.dumps({"role": "tool", "tool_call_id": "call_1", "name": "execute_bash", "content": "1 failing"}),
                        "stray text that is not JSON",
                        json.dumps({"role": "assistant", "content": [{"type": "text", "text": "Giving up."}, {"type": "text", "text": "Sorry."}]})],
         "model_patch": ""},
        # the whole trajectory as one JSON string, execute tags and bash fences
        {"instance_id": "t-onestring", "repo": "o/cli", "language": None, "license": "BSD-3-Clause", "resolved": -1,
         "metadata": {"category": "refactor", "num_modified_files": 1, "num_modified_lines": 1},
         "trajectory": json.dumps([sysmsg, user,
                                   {"role": "assistant", "content": "<execute_bash>ls</execute_bash> and <execute_ipython>1+1</execute_ipython>"},
                                   {"role": "user", "content": "OBSERVATION: a.py"},
                                   {"role": "assistant", "content": "```bash\nsed -i s/a/b/ a.py\n```\nthen\n```sh\npytest\n```"},
                                   {"role": "user", "content": "OBSERVATION: ok"}]),
         "model_patch": "--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-a\n+b\n"},
        # unparseable trajectory string: analysed, flagged, filtered as malformed
        {"instance_id": "t-broken", "repo": "o/x", "language": "go", "license": "MIT", "resolved": 1,
         "metadata": {}, "trajectory": "[{\"role\": \"user\", \"content\": \"cut", "model_patch": patch},
        # resolved and well-formed but far longer than the token budget
        {"instance_id": "t-long", "repo": "o/big", "language": "rust", "license": "MIT", "resolved": 1,
         "metadata": {"category": "bug_fix"},
         "trajectory": [sysmsg, user, {"role": "assistant", "content": "cargo test output:\n" + "test it_works ... ok\n" * 9000}],
         "model_patch": patch},
    ]


BAD_LINES = [
    '{"instance_id": "cut-off", "messages": [',
    '[1, 2, 3]',
    'plain text, not JSON',
    '{"instance_id": "bad-resolved", "resolved": "yes", "messages": []}',
    '{"instance_id": "nan", "resolved": NaN, "messages": []}',
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    hub = os.path.join(here, "data", "sweagent", "gpt4", "swe_agent_demos")
    os.makedirs(hub, exist_ok=True)
    rows = sweagent_rows()
    with open(os.path.join(hub, "train-00000.jsonl"), "w", encoding="utf-8") as f:
        for row in rows[0::2]:
            f.write(dumps(row) + "\n")
    os.makedirs(os.path.join(here, "tutorial"), exist_ok=True)
    with open(os.path.join(here, "tutorial", "sweagent-shapes.jsonl"), "w", encoding="utf-8", newline="") as f:
        for row in rows[1::2]:
            f.write(dumps(row) + "\r\n")
    with open(os.path.join(here, "tutorial", "mixed-shapes.jsonl"), "w", encoding="utf-8") as f:
        for row in tutorial_rows():
            f.write(dumps(row) + "\n")
    with open(os.path.join(here, "tutorial", "two-rows.json"), "w", encoding="utf-8") as f:
        json.dump([tutorial_rows()[0] | {"instance_id": "t-array-1"}, tutorial_rows()[2] | {"instance_id": "t-array-2"}], f, indent=2)
    with open(os.path.join(here, "bad.jsonl"), "wb") as f:
        for line in BAD_LINES:
            f.write(line.encode("utf-8") + b"\n")
        f.write(b'{"instance_id": "latin1-\xe9"}\n')


if __name__ == "__main__":
    main()
