#!/usr/bin/env python3
"""Expected per-row values for the real-data conformance corpus.

Python 3 standard library only.  Reads every data file under this folder (the
folder name says the format) and writes expected.jsonl beside this script, one
JSON object per row:

  format, file (relative to this folder), row, instance_id, patch_files,
  patch_field, resolved, model, agent, tool_calls, assistant_turns, messages

Conventions common to all formats
  row            JSONL: 1-based line number.  A file that is one run (.traj,
                 .traj.json, OpenHands trajectory .json): 1.  A JSON array of
                 rows (nebius sample, sharegpt demo, OpenHands example
                 predictions): 0-based index of the element in the array.
  patch_files    number of occurrences of "diff --git " at the start of a line
                 in the row's patch field (0 when the field is absent, null or
                 empty).
  patch_field    dotted path of the field that holds the patch (always given,
                 even when the patch is empty), null when the shape has none.
  resolved       1/0 exactly as the row states it (bool or int), null when the
                 row carries no label.  Companion files (mini-swe-agent
                 *.report.json) are NOT used: they are separate evaluation
                 outputs, not part of the row.
  model, agent   as the row states them, else null.  Nothing is inferred from
                 the dataset name.
  messages       length of the row's turn list (messages / trajectory / history
                 / conversations), all roles included.
  assistant_turns  turns whose role is the format's assistant role.
  tool_calls     per-format rule, see each reader below.

Run:  python3 expected.py      (writes expected.jsonl, prints a summary)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "expected.jsonl")


def count_diffs(patch):
    if not isinstance(patch, str) or not patch:
        return 0
    return len(re.findall(r"(?m)^diff --git ", patch))


def b01(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, (int, float)):
        return 1 if v else 0
    if isinstance(v, str):
        if v.lower() in ("true", "1"):
            return 1
        if v.lower() in ("false", "0"):
            return 0
    return None


def text_of(content):
    """Message content as text: a string, or the text parts of a list of
    {type: text, text: ...} parts (OpenAI multi-part content)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        out = []
        for p in content:
            if isinstance(p, dict) and isinstance(p.get("text"), str):
                out.append(p["text"])
            elif isinstance(p, str):
                out.append(p)
        return "\n".join(out)
    return str(content)


# ---------------------------------------------------------------------------
# SWE-agent classic (ThoughtActionParser): the action is the content of the
# LAST complete ``` fence of the model response.  Fences are found with the
# pattern  ^```(\S*)\s*\n  (opening, optional language tag)  or  ^```$ ;
# a fence with an empty tag closes the innermost open block if one is open,
# otherwise opens one.  A turn has one action when at least one block closes
# at nesting depth 0, else none (format error).  One command per turn.
# ---------------------------------------------------------------------------
_SWEA_FENCE = re.compile(r"^```(\S*)\s*\n|^```$", re.MULTILINE)


def swe_agent_action(text):
    stack = []
    last = None
    for m in _SWEA_FENCE.finditer(text):
        if stack and not m.group(1):
            start = stack.pop()
            if not stack:
                last = (start, m)
        elif m.group(1) is not None:
            stack.append(m)
    if last is None:
        return None
    return text[last[0].end():last[1].start()]


# ---------------------------------------------------------------------------
# mini-swe-agent (text protocol): the model must answer with EXACTLY ONE
# ```bash fence (v2 configs may name it ```mswea_bash_command); the action
# regex is  ```(?:bash|mswea_bash_command)\s*\n(.*?)\n```  (DOTALL).  A turn
# with 0 or >1 such fences is a format error and executes nothing.
# tool_calls = number of assistant turns with exactly one such fence, plus,
# for tool-calling configs, the entries of structured tool_calls lists.
# ---------------------------------------------------------------------------
_MSWEA_FENCE = re.compile(r"```(?:bash|mswea_bash_command)\s*\n(.*?)\n```", re.DOTALL)


def mini_actions(msg):
    tc = msg.get("tool_calls")
    if isinstance(tc, list) and tc:
        return len(tc)
    n = len(_MSWEA_FENCE.findall(text_of(msg.get("content"))))
    return 1 if n == 1 else 0


def read_mini_swe_agent(path, rel):
    """mini-swe-agent .traj.json.  New format (v1.x, trajectory_format
    "mini-swe-agent-1"; v2 "mini-swe-agent-1.1"): a dict
      {info: {exit_status, submission, model_stats, mini_version, config:
               {model: {model_name, ...}, agent: {...}, ...}},
       messages: [{role, content, extra?}], trajectory_format, instance_id}
    Old format: a bare list of {role, content}.
    patch: info.submission.  label: none in the file (null).  model:
    info.config.model.model_name.  agent: "mini-swe-agent" when the file
    states trajectory_format starting with "mini-swe-agent", else null."""
    d = json.load(open(path, encoding="utf-8"))
    if isinstance(d, list):
        msgs, info, iid, agent = d, {}, None, None
    else:
        msgs = d.get("messages") or []
        info = d.get("info") or {}
        iid = d.get("instance_id")
        tf = d.get("trajectory_format")
        agent = "mini-swe-agent" if isinstance(tf, str) and tf.startswith("mini-swe-agent") else None
    model = (((info.get("config") or {}).get("model") or {}).get("model_name"))
    asst = [m for m in msgs if m.get("role") == "assistant"]
    yield {
        "row": 1,
        "instance_id": iid,
        "patch_files": count_diffs(info.get("submission")),
        "patch_field": "info.submission" if isinstance(d, dict) else None,
        "resolved": None,
        "model": model,
        "agent": agent,
        "tool_calls": sum(mini_actions(m) for m in asst),
        "assistant_turns": len(asst),
        "messages": len(msgs),
    }


def read_nebius_swe_agent(path, rel):
    """nebius/SWE-agent-trajectories rows (here as a JSON array, the form the
    Agent Data Protocol repository stores its sample in).  Row:
      {instance_id, model_name, target (bool), trajectory: [{role:
       system|user|ai, text, system_prompt (system turn), mask, cutoff_date}],
       exit_status, generated_patch, eval_logs}
    patch: generated_patch.  label: target.  model: model_name.  agent: null
    (the row does not name its harness).  Assistant role: "ai".
    tool_calls: SWE-agent classic rule (one command per ai turn, the last
    complete ``` fence of its text; turns without one count 0)."""
    d = json.load(open(path, encoding="utf-8"))
    for i, r in enumerate(d):
        traj = r.get("trajectory") or []
        ai = [t for t in traj if t.get("role") == "ai"]
        yield {
            "row": i,
            "instance_id": r.get("instance_id"),
            "patch_files": count_diffs(r.get("generated_patch")),
            "patch_field": "generated_patch",
            "resolved": b01(r.get("target")),
            "model": r.get("model_name"),
            "agent": None,
            "tool_calls": sum(1 for t in ai if swe_agent_action(t.get("text") or "") is not None),
            "assistant_turns": len(ai),
            "messages": len(traj),
        }


def read_sharegpt_llamafactory(path, rel):
    """LLaMA-Factory "sharegpt" formatting (data/README.md of LLaMA-Factory):
    a JSON array of {conversations: [{from, value}], system?, tools?}.
    Tags (dataset_info.json defaults): human, gpt, function_call, observation,
    system.  A function_call turn's value is a JSON string: one
    {name, arguments} object, or a list of them (parallel calls); LLaMA-
    Factory's function formatter wraps a single object into a list.
    tool_calls = sum over function_call turns of the number of calls in the
    parsed value (1 for an object, len for a list; 1 if the value does not
    parse).  assistant_turns = gpt turns + function_call turns (both are
    model output in LLaMA-Factory's template).  No patch, label, model, agent
    or instance id in these rows: all null/0; messages = len(conversations)."""
    d = json.load(open(path, encoding="utf-8"))
    for i, r in enumerate(d):
        conv = r.get("conversations") or []
        calls = 0
        for t in conv:
            if t.get("from") != "function_call":
                continue
            try:
                v = json.loads(t.get("value") or "")
            except ValueError:
                calls += 1
                continue
            calls += len(v) if isinstance(v, list) else 1
        yield {
            "row": i,
            "instance_id": r.get("id"),
            "patch_files": 0,
            "patch_field": None,
            "resolved": None,
            "model": None,
            "agent": None,
            "tool_calls": calls,
            "assistant_turns": sum(1 for t in conv if t.get("from") in ("gpt", "function_call")),
            "messages": len(conv),
        }


def read_swe_bench_preds(path, rel):
    """SWE-bench predictions file (all_preds.jsonl / predictions.jsonl), the
    harness input: one JSON object a line {instance_id, model_patch,
    model_name_or_path}; a .json file holds the same objects as one JSON
    array (row = 0-based index).  patch: model_patch.  model: model_name_or_path as
    stated (system names here: "agentless", "openhands", not LLMs).  No
    turns, label or agent: tool_calls/assistant_turns/messages 0."""
    if path.endswith(".json"):  # the same rows as one JSON array
        rows = list(enumerate(json.load(open(path, encoding="utf-8"))))
    else:
        with open(path, encoding="utf-8") as f:
            rows = [(n, json.loads(l)) for n, l in enumerate(f, 1) if l.strip()]
    for n, r in rows:
        yield {
            "row": n,
            "instance_id": r.get("instance_id"),
            "patch_files": count_diffs(r.get("model_patch")),
            "patch_field": "model_patch",
            "resolved": None,
            "model": r.get("model_name_or_path"),
            "agent": None,
            "tool_calls": 0,
            "assistant_turns": 0,
            "messages": 0,
        }


def count_openhands_events(hist):
    """(tool_calls, assistant_turns) of an OpenHands event list, rules in
    read_openhands_output's docstring (V0 events with tool_call_metadata,
    V1 ActionEvent/MessageEvent)."""
    calls, turns, free_msgs = 0, set(), 0
    for e in hist:
        if not isinstance(e, dict):
            continue
        if "kind" in e:  # V1 event
            if e["kind"] == "ActionEvent":
                if e.get("tool_call"):
                    calls += 1
                if e.get("llm_response_id"):
                    turns.add(e["llm_response_id"])
            elif e["kind"] == "MessageEvent" and e.get("source") == "agent":
                free_msgs += 1
        elif e.get("source") == "agent" and "action" in e:  # V0 action
            tcm = e.get("tool_call_metadata")
            if tcm:
                calls += 1
                mr = tcm.get("model_response") or {}
                turns.add(mr.get("id") or tcm.get("tool_call_id"))
            elif e.get("action") == "message":
                free_msgs += 1
    return calls, len(turns) + free_msgs


def read_openhands_trajectory(path, rel):
    """OpenHands trajectory file (the event list the UI's "download
    trajectory" and the replay tests use): a bare JSON array of V0 events
    {id, timestamp, source: user|agent|environment, message, action |
    observation, args | content+extras, cause?, tool_call_metadata?}.  One
    run per file (row 1).  tool_calls / assistant_turns: the V0 rules of
    read_openhands_output.  No patch, label, instance id, model or agent
    field at file level (the LLM name only appears inside
    tool_call_metadata.model_response.model): null.  messages = events."""
    hist = json.load(open(path, encoding="utf-8"))
    calls, turns = count_openhands_events(hist)
    yield {
        "row": 1,
        "instance_id": None,
        "patch_files": 0,
        "patch_field": None,
        "resolved": None,
        "model": None,
        "agent": None,
        "tool_calls": calls,
        "assistant_turns": turns,
        "messages": len(hist),
    }


def read_openhands_output(path, rel):
    """OpenHands evaluation output.jsonl (one instance a line):
      {instance_id, test_result, instruction, metadata, history, metrics,
       error, instance}
    V0 (OpenHands <= 0.x, CodeActAgent): metadata {agent_class, llm_config:
    {model, ...}, max_iterations, ...}; test_result {git_patch}; history =
    list of events {id, timestamp, source: agent|user|environment, message,
    action | observation, args | content+extras, tool_call_metadata?}.  With
    function calling every action the LLM asked for carries
    tool_call_metadata {function_name, tool_call_id, model_response:
    {id, choices: [{message: {tool_calls: [...]}}]}, total_calls_in_response};
    the matching observation carries a copy of it.
      tool_calls = agent action events (key "action") with tool_call_metadata
                   (observations excluded).
      assistant_turns = distinct tool_call_metadata.model_response.id of
                   those + agent "message" actions without tool_call_metadata.
    V1 (OpenHands software-agent-sdk, OpenHands/benchmarks): metadata {llm:
    {model, ...}, dataset, ...}; history = events {kind: ActionEvent |
    ObservationEvent | MessageEvent | ..., source, tool_call, llm_response_id}.
      tool_calls = ActionEvents whose tool_call is not null.
      assistant_turns = distinct llm_response_id of ActionEvents + agent
                   MessageEvents.
    patch: test_result.git_patch (patch_field null when test_result has no
    git_patch key).  label: test_result.report.resolved, else top-level
    resolved, else null.  model: metadata.llm_config.model (V0) or
    metadata.llm.model (V1).  agent: metadata.agent_class, else null.
    messages = len(history) (events, not chat messages)."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            tr = r.get("test_result") if isinstance(r.get("test_result"), dict) else {}
            md = r.get("metadata") if isinstance(r.get("metadata"), dict) else {}
            hist = r.get("history") or []
            model = (md.get("llm_config") or {}).get("model") or (md.get("llm") or {}).get("model")
            label = None
            if isinstance(tr.get("report"), dict) and "resolved" in tr["report"]:
                label = b01(tr["report"]["resolved"])
            elif "resolved" in r:
                label = b01(r["resolved"])
            calls, turns = count_openhands_events(hist)
            if "issue" in r and "instance_id" not in r:
                # OpenHands resolver output (openhands.resolver): {issue,
                # issue_type, instruction, base_commit, git_patch, history,
                # metrics, success, comment_success, result_explanation,
                # error}.  Old CodeAct history: flat events without "source";
                # actions {action: message|run|run_ipython|finish|..., thought,
                # command|code|content}, observations {observation, content}.
                #   tool_calls = observation events (one per executed action).
                #   assistant_turns = action events other than "message" (the
                #     only message in these rows is the user's issue text).
                #   patch: top-level git_patch.  label: success (the
                #   resolver's own verdict, not a test run).  No instance id,
                #   model or agent in the row: null.
                yield {
                    "row": n,
                    "instance_id": None,
                    "patch_files": count_diffs(r.get("git_patch")),
                    "patch_field": "git_patch",
                    "resolved": b01(r.get("success")),
                    "model": None,
                    "agent": None,
                    "tool_calls": sum(1 for e in hist if isinstance(e, dict) and "observation" in e),
                    "assistant_turns": sum(1 for e in hist if isinstance(e, dict) and "action" in e and e.get("action") != "message"),
                    "messages": len(hist),
                }
                continue
            yield {
                "row": n,
                "instance_id": r.get("instance_id"),
                "patch_files": count_diffs(tr.get("git_patch")),
                "patch_field": "test_result.git_patch" if "git_patch" in tr else None,
                "resolved": label,
                "model": model,
                "agent": md.get("agent_class"),
                "tool_calls": calls,
                "assistant_turns": turns,
                "messages": len(hist),
            }


def read_swe_agent_traj(path, rel):
    """SWE-agent .traj (one run per file, a JSON object):
      {environment, trajectory: [{action, observation, response, thought,
       state, execution_time?}], history: [{role: system|user|assistant|tool,
       content, agent, message_type?, thought?, action?, tool_calls?,
       tool_call_ids?, is_demo?}], info: {submission, exit_status,
       model_stats, edited_files30/50/70?}, replay_config?}
    patch: info.submission.  label: none in a .traj (null).  model:
    replay_config.agent.model.name when replay_config is present (a dict, or
    a JSON string of one), else null.  agent: null (the file names its
    sub-agent, "main"/"primary", not the harness).
    tool_calls: per assistant history entry, len(tool_calls) when the entry
    carries a non-empty tool_calls list (function-calling parser); otherwise
    the classic ThoughtActionParser rule: 1 when its content has a complete
    ``` fence (the last one is the command), else 0.
    assistant_turns = history entries with role assistant; messages =
    len(history)."""
    d = json.load(open(path, encoding="utf-8"))
    hist = d.get("history") or []
    info = d.get("info") or {}
    rc = d.get("replay_config")
    if isinstance(rc, str):
        try:
            rc = json.loads(rc)
        except ValueError:
            rc = None
    model = None
    if isinstance(rc, dict):
        m = ((rc.get("agent") or {}).get("model") or {})
        model = m.get("name") or m.get("model_name")
    calls = 0
    asst = [h for h in hist if h.get("role") == "assistant"]
    for h in asst:
        tc = h.get("tool_calls")
        if isinstance(tc, list) and tc:
            calls += len(tc)
        elif swe_agent_action(text_of(h.get("content"))) is not None:
            calls += 1
    yield {
        "row": 1,
        "instance_id": None,
        "patch_files": count_diffs(info.get("submission")),
        "patch_field": "info.submission",
        "resolved": None,
        "model": model,
        "agent": None,
        "tool_calls": calls,
        "assistant_turns": len(asst),
        "messages": len(hist),
    }


READERS = {
    # folder -> (format name, reader, file filter)
    "mini-swe-agent": ("mini-swe-agent", read_mini_swe_agent, lambda f: f.endswith(".traj.json")),
    "nebius-swe-agent": ("nebius-swe-agent-trajectories", read_nebius_swe_agent, lambda f: f.endswith(".json")),
    "swe-bench-preds": ("swe-bench-preds", read_swe_bench_preds, lambda f: f.endswith(".jsonl") or f.endswith(".json")),
    "openhands-output": ("openhands-output", read_openhands_output, lambda f: f.endswith(".jsonl")),
    "swe-agent-traj": ("swe-agent-traj", read_swe_agent_traj, lambda f: f.endswith(".traj")),
    "openhands-trajectory": ("openhands-trajectory", read_openhands_trajectory, lambda f: f.endswith(".json")),
    "sharegpt-llamafactory": ("sharegpt-llamafactory", read_sharegpt_llamafactory, lambda f: f.endswith(".json")),
}


def main():
    rows = []
    for folder in sorted(READERS):
        fmt, reader, want = READERS[folder]
        base = os.path.join(HERE, folder)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if not want(name):
                continue
            rel = folder + "/" + name
            for r in reader(os.path.join(base, name), rel):
                out = {"format": fmt, "file": rel}
                out.update(r)
                rows.append(out)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    by = {}
    for r in rows:
        by[r["format"]] = by.get(r["format"], 0) + 1
    for k, v in sorted(by.items()):
        print(f"{k}: {v} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
