"""Prints {"id": trajectory_id, "text"} for every SFT row of a finished run's sft/ folder (argv[1])."""
import glob
import json
import sys

for path in sorted(glob.glob(sys.argv[1] + "/sft/*.jsonl")):
    with open(path, encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            print(json.dumps({"id": row["trajectory_id"], "text": row["text"]}))
