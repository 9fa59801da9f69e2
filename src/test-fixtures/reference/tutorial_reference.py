#!/usr/bin/env python3
"""The tutorial's own helpers, run on our fixture rows, to produce the figures our pipeline must
match where the tutorial is right.

message_text, normalize_trajectory, normalize_metadata, role_counts, extract_tool_names and
parse_patch below are copied from the tutorial (../../../../shared/seed, "Defining Trajectory
Parsing Helpers"); only the bash-fence pattern is written with the three backticks the published
page lost. Rows are mapped as the core issue says (trajectory else messages, the agent's patch at
top level else metadata.model_patch.patch). Nothing here imports trace-curator code.

Usage: python3 tutorial_reference.py [--texts=PATH] FILE... > reference.jsonl   (also writes texts.jsonl: the
joined message text of every row, which count-tokens.mjs turns into tiktoken counts).
"""
import json
import re
import sys
from collections import Counter


def message_text(msg):
    if not isinstance(msg, dict):
        return ""
    content = msg.get("content", "")
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for block in content:
            if isinstance(block, dict):
                parts.append(block.get("text") or block.get("content") or "")
            elif isinstance(block, str):
                parts.append(block)
        return "\n".join(p for p in parts if p)
    return str(content)


def normalize_trajectory(traj):
    if traj is None:
        return []
    if isinstance(traj, str):
        try:
            traj = json.loads(traj)
        except Exception:
            return []
    norm = []
    for msg in traj:
        if isinstance(msg, str):
            try:
                msg = json.loads(msg)
            except Exception:
                msg = {"role": "unknown", "content": msg}
        if isinstance(msg, dict):
            norm.append(msg)
    return norm


def normalize_metadata(meta):
    if isinstance(meta, str):
        try:
            return json.loads(meta)
        except Exception:
            return {}
    return meta if isinstance(meta, dict) else {}


def role_counts(trajectory):
    c = Counter()
    for msg in trajectory or []:
        if isinstance(msg, dict):
            c[msg.get("role", "unknown")] += 1
    return c


_FUNC_XML = re.compile(r"<function\s*=\s*([a-zA-Z0-9_\-]+)", re.IGNORECASE)
_EXEC_TAG = re.compile(r"<(execute_[a-z]+)>", re.IGNORECASE)
_BASH_FENCE = re.compile(r"```(?:bash|sh|shell)\b", re.IGNORECASE)


def extract_tool_names(trajectory):
    names = Counter()
    for msg in trajectory or []:
        if not isinstance(msg, dict):
            continue
        for call in msg.get("tool_calls") or []:
            fn = (call or {}).get("function", {}) if isinstance(call, dict) else {}
            if fn.get("name"):
                names[fn["name"]] += 1
        if msg.get("role") == "tool" and msg.get("name"):
            names[msg["name"]] += 1
        if msg.get("role") == "assistant":
            text = message_text(msg)
            for m in _FUNC_XML.findall(text):
                names[m.lower()] += 1
            for m in _EXEC_TAG.findall(text):
                names[m.lower()] += 1
            if _BASH_FENCE.search(text):
                names["bash_block"] += 1
    return names


def parse_patch(diff_text):
    if not diff_text or not isinstance(diff_text, str):
        return 0, 0, 0, [], Counter()
    files, exts = [], Counter()
    additions = deletions = 0
    for line in diff_text.splitlines():
        if line.startswith("diff --git"):
            parts = line.split()
            if len(parts) >= 3:
                path = parts[2][2:] if parts[2].startswith("a/") else parts[2]
                files.append(path)
                base = path.split("/")[-1]
                if "." in base:
                    exts[base.rsplit(".", 1)[-1].lower()] += 1
        elif line.startswith("+") and not line.startswith("+++"):
            additions += 1
        elif line.startswith("-") and not line.startswith("---"):
            deletions += 1
    return len(files), additions, deletions, files, exts


def rows(path):
    """(position, row) pairs: JSONL lines by line number, JSON arrays by element index."""
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        import gzip
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="strict") if path.endswith((".json", ".json.gz")) else None
    if text is not None and text.lstrip().startswith("["):
        for index, row in enumerate(json.loads(text)):
            yield ("element", index), row
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            row = json.loads(raw.decode("utf-8"))
        except Exception:
            continue
        if isinstance(row, dict):
            yield ("line", number), row


def main(paths, texts_path="texts.jsonl"):
    with open(texts_path, "w", encoding="utf-8") as texts:
        for path in paths:
            for (kind, position), ex in rows(path):
                traj = normalize_trajectory(ex["trajectory"] if ex.get("trajectory") is not None else ex.get("messages"))
                meta = normalize_metadata(ex.get("metadata"))
                patch_meta = meta.get("model_patch") if isinstance(meta.get("model_patch"), dict) else {}
                patch = ex.get("model_patch") if ex.get("model_patch") is not None else patch_meta.get("patch")
                rc = role_counts(traj)
                nf, add, dele, _files, exts = parse_patch(patch)
                key = f"{path}#{kind}:{position}"
                print(json.dumps({
                    "key": key, "file": path, kind: position, "instance_id": ex.get("instance_id"),
                    "language": (ex.get("language") or "unknown").lower(),
                    "n_messages": len(traj), "n_system": rc.get("system", 0), "n_user": rc.get("user", 0),
                    "n_assistant": rc.get("assistant", 0), "n_tool": rc.get("tool", 0),
                    "category": meta.get("category"),
                    "meta_files": meta.get("num_modified_files") if meta.get("num_modified_files") is not None else patch_meta.get("num_modified_files"),
                    "meta_lines": meta.get("num_modified_lines") if meta.get("num_modified_lines") is not None else patch_meta.get("num_modified_lines"),
                    "tutorial_patch_files": nf, "tutorial_patch_add": add, "tutorial_patch_del": dele,
                    "tutorial_patch_extensions": dict(exts),
                    "tutorial_tool_counts": dict(extract_tool_names(traj)),
                }, ensure_ascii=False, sort_keys=True))
                texts.write(json.dumps({"id": key, "text": "\n".join(message_text(m) for m in traj)}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0].startswith("--texts="):
        main(args[1:], args[0][len("--texts="):])
    else:
        main(args)
