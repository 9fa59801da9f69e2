#!/usr/bin/env bash
# Runs trace-curator.jar as `java -jar` does, with two start-up savings a jar cannot carry itself
# (JVM options cannot be given in a jar):
# - a class-data-sharing (CDS) archive of the classes a run loads: the first run writes it beside
#   the jar as it exits; later runs map it instead of reading and verifying some 14,000 classes
#   from a 250 MB jar;
# - for local inputs under SMALL_INPUT_MB (default 256) in all, only the JIT's first tier: on 2
#   cores the optimising compiler spends more CPU than a short run has rows to repay (README,
#   Performance: "Start-up"). `java -jar` alone now gets nearly that (a compiler directive it adds
#   itself, ShortRunJit); this flag is a little better still, and the jar leaves it alone.
#   runner-configs/fast-start/trace-curator.sh [curate options…]    (any command: inspect, bench…)
# TRACE_CURATOR_JAR picks another jar; JAVA_OPTS adds JVM options (e.g. -Xmx8g), and any -XX:Tiered
# option there replaces the choice above.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${TRACE_CURATOR_JAR:-$here/../../pipelines/target/trace-curator.jar}
archive=${jar%.jar}.jsa
small_mb=${SMALL_INPUT_MB:-256}
read -r -a opts <<< "${JAVA_OPTS:-}"
if [[ ! -f $jar ]]; then
  echo "trace-curator.sh: no jar at $jar (build it: mvn -B -q package -DskipTests)" >&2
  exit 2
fi

# Bytes of the local files the --input options match; empty when one is remote (gs://, hf://…).
input_bytes() {
  local total=0 arg glob file size
  for arg in "$@"; do
    [[ $arg == --input=* ]] || continue
    glob=${arg#--input=}
    glob=${glob%%#*}
    [[ $glob == *://* ]] && return 0
    while IFS= read -r -d '' file; do
      size=$(stat -c %s "$file" 2>/dev/null || echo 0)
      total=$((total + size))
    done < <(compgen -G "$glob" | tr '\n' '\0')
  done
  echo "$total"
}

if [[ " ${opts[*]} " != *" -XX:Tiered"* && " ${opts[*]} " != *" -XX:-Tiered"* ]]; then
  bytes=$(input_bytes "$@")
  if [[ -n $bytes && $bytes -lt $((small_mb << 20)) ]]; then
    opts+=(-XX:TieredStopAtLevel=1)
    # One compiler thread on 2 cores, unless JAVA_OPTS sets the count (ShortRunJit.java).
    if [[ $(nproc 2>/dev/null || echo 4) -le 2 && " ${opts[*]} " != *" -XX:CICompilerCount"* ]]; then
      opts+=(-XX:CICompilerCount=1)
    fi
  fi
fi

# An archive belongs to the jar it was made from (the JVM checks and ignores a stale one with a
# warning): a rebuilt jar gets a new one.
# The serial collector for small inputs and on hosts of at most 2 cores, unless JAVA_OPTS names one
# (SerialCollector.java has the measurements).
if [[ " ${opts[*]} " != *" -XX:+Use"*"GC "* && " ${opts[*]} " != *" -XX:-Use"*"GC "* ]]; then
  if [[ -z ${bytes:-} ]]; then bytes=$(input_bytes "$@"); fi
  if [[ $(nproc 2>/dev/null || echo 4) -le 2 || ( -n $bytes && $bytes -lt $((small_mb << 20)) ) ]]; then
    opts+=(-XX:+UseSerialGC)
  fi
fi
# Huge pages for the heap where the kernel gives them on request, unless JAVA_OPTS names a
# large-page option (TransparentHugePages.java has the measurements).
if [[ " ${opts[*]} " != *"LargePage"* && " ${opts[*]} " != *"HugePages"* ]] \
    && grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  opts+=(-XX:+UseTransparentHugePages)
fi
if [[ -f $archive && $archive -nt $jar ]]; then
  exec java -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "${opts[@]}" -jar "$jar" "$@"
fi
rm -f "$archive"
exec java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "${opts[@]}" -jar "$jar" "$@"
