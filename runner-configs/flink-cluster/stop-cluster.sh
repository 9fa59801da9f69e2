#!/usr/bin/env bash
# Stops the session cluster start-cluster.sh started from the same --state-dir.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE_DIR="$HERE/target/run"
for arg in "$@"; do
  case "$arg" in
    --state-dir=*) STATE_DIR="${arg#*=}" ;;
    *) echo "stop-cluster.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
stopped=0
for pidfile in "$STATE_DIR"/taskmanager-*.pid "$STATE_DIR"/jobmanager.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    stopped=$((stopped + 1))
  fi
  rm -f "$pidfile"
done
echo "stopped $stopped Flink process(es) from $STATE_DIR"
