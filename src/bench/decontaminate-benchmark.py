#!/usr/bin/env python3
"""A generated benchmark file for timing --decontaminate in bench (generated, not real).

500 rows shaped like SWE-bench Verified's (instance_id, repo, base_commit, problem_statement,
patch): statements of 250 made-up words (SWE-bench Verified's average is of that order), a
12-line patch each. The first 10 take the instance ids of the first 10 rows bench generates
(openhands/minimax_m25, seed 20261125), so the rule has something to find.

usage: python3 src/bench/decontaminate-benchmark.py GENERATED.jsonl > benchmark.jsonl
where GENERATED.jsonl is `java -jar pipelines/target/trace-curator.jar generate --schema=hub
--harness=openhands --model=minimax_m25 --rows=125 --seed=20261125 --out=GENERATED.jsonl`.
"""
import json
import random
import sys

rng = random.Random(18)
ids = [json.loads(line)["instance_id"] for line in open(sys.argv[1], encoding="utf-8")][:10]
for i in range(500):
    words = " ".join("w" + format(rng.randrange(50_000), "x") for _ in range(250))
    lines = "\n".join("+    value_%d = compute(%d)" % (rng.randrange(10**6), j) for j in range(8))
    patch = ("diff --git a/pkg/mod%d.py b/pkg/mod%d.py\n--- a/pkg/mod%d.py\n+++ b/pkg/mod%d.py\n@@ -1,2 +1,10 @@\n"
             " import os\n%s\n" % (i, i, i, i, lines))
    print(json.dumps({
        "instance_id": ids[i] if i < len(ids) else "bench__generated-%d" % i,
        "repo": "bench/generated",
        "base_commit": "%040x" % rng.getrandbits(160),
        "problem_statement": words,
        "patch": patch,
    }))
