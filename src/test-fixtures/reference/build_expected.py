#!/usr/bin/env python3
"""Builds an expected.jsonl of figures computed without trace-curator's code, for every row of the
given files: the tutorial's helpers (tutorial_reference.py), tiktoken's token count of the joined
message text (../tokens/count-tokens.mjs, npm tiktoken) and `git apply --numstat` for the agent's
patch. Run from the repository root:

  python3 src/test-fixtures/reference/build_expected.py OUT.jsonl FILE...

JSON-array files are keyed by the line each element starts on (elements written one per
"  {" line, as json.dump(indent=2) writes them); JSON Lines files by line number.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENS = os.path.join(HERE, "..", "tokens")


def element_lines(path):
    with open(path, encoding="utf-8") as f:
        return [n for n, line in enumerate(f, start=1) if line.startswith("  {")]


def numstat(patch):
    if not patch or not patch.strip():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".patch", delete=False, encoding="utf-8") as f:
        f.write(patch if patch.endswith("\n") else patch + "\n")
        name = f.name
    try:
        result = subprocess.run(["git", "apply", "--numstat", name], capture_output=True, text=True)
    finally:
        os.unlink(name)
    if result.returncode != 0:
        return None
    add = dele = 0
    for line in result.stdout.splitlines():
        a, d, _ = line.split("\t", 2)
        if a == "-":
            return None
        add += int(a)
        dele += int(d)
    return add, dele


def patch_of(path, kind, position):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        if kind == "element":
            row = json.load(f)[position]
        else:
            row = None
            for n, line in enumerate(f, start=1):
                if n == position:
                    row = json.loads(line)
                    break
    meta = row.get("metadata")
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except Exception:
            meta = {}
    meta = meta if isinstance(meta, dict) else {}
    pm = meta.get("model_patch") if isinstance(meta.get("model_patch"), dict) else {}
    return row.get("model_patch") if row.get("model_patch") is not None else pm.get("patch")


def main(out_path, files):
    work = tempfile.mkdtemp()
    texts = os.path.join(work, "texts.jsonl")
    reference = subprocess.run([sys.executable, os.path.join(HERE, "tutorial_reference.py"), "--texts=" + texts, *files],
                               capture_output=True, text=True, check=True).stdout
    counter = os.environ.get("COUNT_TOKENS", os.path.join(TOKENS, "count-tokens.mjs"))
    counts = subprocess.run(["node", counter, texts],
                            capture_output=True, text=True, check=True).stdout
    tokens = {}
    for line in counts.splitlines():
        node = json.loads(line)
        tokens[node["id"]] = node["tokens"]
    with open(out_path, "w", encoding="utf-8") as out:
        for line in reference.splitlines():
            row = json.loads(line)
            path = row["file"]
            if "element" in row:
                kind, position = "element", row["element"]
                row["line"] = element_lines(path)[position]
            else:
                kind, position = "line", row["line"]
            row["tiktoken_traj_tokens"] = tokens[row["key"]]
            stat = numstat(patch_of(path, kind, position))
            if stat is not None:
                row["numstat_add"], row["numstat_del"] = stat
            del row["key"]
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
