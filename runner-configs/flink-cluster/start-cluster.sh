#!/usr/bin/env bash
# Starts a Flink 1.19 session cluster on 127.0.0.1 from jars Maven resolves (no Flink download):
# one JobManager (StandaloneSessionClusterEntrypoint) and N TaskManagers, each its own JVM.
#
#   runner-configs/flink-cluster/start-cluster.sh [--rest-port=8081] [--rpc-port=6123]
#       [--taskmanagers=1] [--slots=2] [--state-dir=runner-configs/flink-cluster/target/run]
#
# Prints the --flinkMaster address when the REST API reports every TaskManager registered.
# Stop it with stop-cluster.sh and the same --state-dir.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REST_PORT=8081
RPC_PORT=6123
TASKMANAGERS=1
SLOTS=2
STATE_DIR="$HERE/target/run"
for arg in "$@"; do
  case "$arg" in
    --rest-port=*) REST_PORT="${arg#*=}" ;;
    --rpc-port=*) RPC_PORT="${arg#*=}" ;;
    --taskmanagers=*) TASKMANAGERS="${arg#*=}" ;;
    --slots=*) SLOTS="${arg#*=}" ;;
    --state-dir=*) STATE_DIR="${arg#*=}" ;;
    *) echo "start-cluster.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

LIB="$HERE/target/lib"
if [ ! -f "$LIB/flink-runtime-1.19.0.jar" ]; then
  echo "Resolving Flink 1.19.0 jars with Maven into $LIB ..."
  mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB"
fi
CLASSPATH="$LIB/*"

mkdir -p "$STATE_DIR/conf" "$STATE_DIR/log"
if [ -f "$STATE_DIR/jobmanager.pid" ] && kill -0 "$(cat "$STATE_DIR/jobmanager.pid")" 2>/dev/null; then
  echo "start-cluster.sh: a cluster already runs from $STATE_DIR (stop it with stop-cluster.sh)" >&2
  exit 1
fi
# The versioned config, with this run's ports and slots.
sed -e "s/^rest.port:.*/rest.port: $REST_PORT/" \
    -e "s/^jobmanager.rpc.port:.*/jobmanager.rpc.port: $RPC_PORT/" \
    -e "s/^taskmanager.numberOfTaskSlots:.*/taskmanager.numberOfTaskSlots: $SLOTS/" \
    "$HERE/conf/flink-conf.yaml" > "$STATE_DIR/conf/flink-conf.yaml"
echo "blob.server.port: 0" >> "$STATE_DIR/conf/flink-conf.yaml"
echo "taskmanager.rpc.port: 0" >> "$STATE_DIR/conf/flink-conf.yaml"
echo "io.tmp.dirs: $STATE_DIR/tmp" >> "$STATE_DIR/conf/flink-conf.yaml"
mkdir -p "$STATE_DIR/tmp"
cp "$HERE/conf/log4j.properties" "$STATE_DIR/conf/log4j.properties"
mapfile -t JVM_OPTS < <(grep -v '^\s*#' "$HERE/conf/jvm.options" | grep -v '^\s*$')

# Flink's own scripts ask BashJavaUtils for the memory settings a process needs; so do we.
resource_params() {
  java "${JVM_OPTS[@]}" -cp "$CLASSPATH" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
    --configDir "$STATE_DIR/conf" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

start() {
  local name="$1" class="$2" params="$3"
  local jvm dynamic
  jvm="$(echo "$params" | sed -n 1p)"
  dynamic="$(echo "$params" | sed -n 2p) ${4:-}"
  # shellcheck disable=SC2086
  nohup java "${JVM_OPTS[@]}" $jvm \
    -Dlog.file="$STATE_DIR/log/$name.log" -Dlog4j.configurationFile="file:$STATE_DIR/conf/log4j.properties" \
    -cp "$CLASSPATH" "$class" --configDir "$STATE_DIR/conf" $dynamic \
    > "$STATE_DIR/log/$name.out" 2>&1 &
  echo $! > "$STATE_DIR/$name.pid"
}

start jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$(resource_params GET_JM_RESOURCE_PARAMS)"
TM_PARAMS="$(resource_params GET_TM_RESOURCE_PARAMS)"
for i in $(seq 1 "$TASKMANAGERS"); do
  # Named after its pid and log files: the REST API and web UI list it as taskmanager-<i>.
  start "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$TM_PARAMS" \
    "-D taskmanager.resource-id=taskmanager-$i"
done

for _ in $(seq 1 120); do
  registered="$(curl -fsS "http://127.0.0.1:$REST_PORT/overview" 2>/dev/null | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p' || true)"
  if [ -n "$registered" ] && [ "$registered" -ge "$TASKMANAGERS" ]; then
    echo "Flink session cluster up: REST UI http://127.0.0.1:$REST_PORT, $TASKMANAGERS TaskManager(s) x $SLOTS slots"
    echo "Submit with: --runner=FlinkRunner --flinkMaster=127.0.0.1:$REST_PORT"
    exit 0
  fi
  for pidfile in "$STATE_DIR"/*.pid; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "start-cluster.sh: $(basename "$pidfile" .pid) exited; see $STATE_DIR/log/" >&2
      tail -20 "$STATE_DIR/log/$(basename "$pidfile" .pid).out" >&2 || true
      "$HERE/stop-cluster.sh" --state-dir="$STATE_DIR" >/dev/null 2>&1 || true
      exit 1
    fi
  done
  sleep 0.5
done
echo "start-cluster.sh: the cluster did not come up within 60 s; see $STATE_DIR/log/" >&2
exit 1
