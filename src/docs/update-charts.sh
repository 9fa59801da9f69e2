#!/usr/bin/env bash
# Regenerates the chart README.md shows, from a run over the bundled sample (repository root).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
out="$(mktemp -d)/out"
java -jar pipelines/target/trace-curator.jar --output="$out" --progressIntervalSeconds=0 > /dev/null
cp "$out/report/token_lengths.png" src/docs/token_lengths.png
echo "updated src/docs/token_lengths.png"
