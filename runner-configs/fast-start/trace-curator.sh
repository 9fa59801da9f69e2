#!/usr/bin/env bash
# Runs trace-curator.jar as `java -jar` does, with a class-data-sharing (CDS) archive of the classes
# a run loads: the first run writes the archive beside the jar as it exits, later runs map it
# instead of reading and verifying some 14,000 classes from a 250 MB jar. `java -jar` alone cannot
# do this: JVM options cannot be carried in a jar.
#   runner-configs/fast-start/trace-curator.sh [curate options…]    (any command: inspect, bench…)
# TRACE_CURATOR_JAR picks another jar; JAVA_OPTS adds JVM options (e.g. -Xmx8g).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${TRACE_CURATOR_JAR:-$here/../../pipelines/target/trace-curator.jar}
archive=${jar%.jar}.jsa
read -r -a opts <<< "${JAVA_OPTS:-}"
if [[ ! -f $jar ]]; then
  echo "trace-curator.sh: no jar at $jar (build it: mvn -B -q package -DskipTests)" >&2
  exit 2
fi
# An archive belongs to the jar it was made from (the JVM checks and ignores a stale one with a
# warning): a rebuilt jar gets a new one.
if [[ -f $archive && $archive -nt $jar ]]; then
  exec java -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "${opts[@]}" -jar "$jar" "$@"
fi
rm -f "$archive"
exec java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "${opts[@]}" -jar "$jar" "$@"
