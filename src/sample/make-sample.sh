#!/usr/bin/env bash
# Regenerates the bundled sample with the seeded generator (run from the repository root after
# `mvn -B -q package -DskipTests`). Same jar, same seeds → same rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=pipelines/target/trace-curator.jar
gen() { java -cp "$JAR" dev.tracecurator.pipelines.generate.TraceGenerator "$@"; }

rm -rf src/sample/data src/sample/tutorial-schema
gen --schema=hub --harness=openhands --model=minimax_m25 --rows=40 --seed=101 --out=src/sample/data/openhands/minimax_m25/swe_smith/train-00000.jsonl.gz
gen --schema=hub --harness=openhands --model=minimax_m25 --rows=25 --seed=102 --out=src/sample/data/openhands/minimax_m25/nemo_swe_gym/train-00000.jsonl.gz
gen --schema=hub --harness=openhands --model=qwen35_122b --rows=65 --seed=201 --out=src/sample/data/openhands/qwen35_122b/swe_smith/train-00000.jsonl.gz
gen --schema=hub --harness=sweagent --model=minimax_m25 --rows=65 --seed=301 --out=src/sample/data/sweagent/minimax_m25/swe_smith/train-00000.jsonl.gz
gen --schema=hub --harness=sweagent --model=qwen35_122b --rows=65 --seed=401 --out=src/sample/data/sweagent/qwen35_122b/nemo_swe_gym/train-00000.jsonl.gz
gen --schema=tutorial --harness=openhands --model=qwen35_122b --rows=25 --seed=501 --out=src/sample/tutorial-schema/openhands__qwen35_122b.jsonl
gen --schema=tutorial --harness=sweagent --model=minimax_m25 --rows=25 --seed=601 --out=src/sample/tutorial-schema/sweagent__minimax_m25.jsonl

# Three malformed lines, so that a run over the sample shows the dead-letter output at work.
cat >> src/sample/tutorial-schema/openhands__qwen35_122b.jsonl <<'BAD'
{"instance_id": "truncated__row-1", "repo": "truncated/row", "trajectory": [{"role": "user", "content": "cut he
[1, 2, 3]
this line is plain text, not a JSON row
BAD
