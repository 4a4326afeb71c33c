#!/usr/bin/env bash
# Start-up cost of the stock plugins: median wall time of `executor --help` and of a tiny
# dir-context build (FROM scratch + COPY, --no-push: this one loads the plugins), run
# alternately with the distribution as built (plugins/ present) and a copy without plugins/.
# Usage: bench/startup.sh [RUNS] (default 11). Env: DIST (default executor/target/kaniko;
# build it with `mvn -B -q -pl executor -am package -DskipTests`).
set -euo pipefail
RUNS=${1:-11}
REPO=$(cd "$(dirname "$0")/.." && pwd)
DIST=${DIST:-$REPO/executor/target/kaniko}
[ -x "$DIST/bin/executor" ] || { echo "no $DIST/bin/executor: build the executor module first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/kaniko-startup-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/ctx"
# the same jars without plugins/, with a CDS archive of its own when the distribution has one
# (an archive is only used in the directory it was made for)
cp -a "$DIST" "$WORK/bare"
rm -rf "$WORK/bare/plugins" "$WORK/bare/lib/kaniko.jsa" "$WORK/bare/lib/kaniko.jsa.home"
if [ -f "$DIST/lib/kaniko.jsa" ]; then
  sh "$WORK/bare/bin/cds-archive" >/dev/null
fi
printf 'FROM scratch\nCOPY a.txt /\n' > "$WORK/ctx/Dockerfile"
echo a > "$WORK/ctx/a.txt"
unset JAVA_OPTS KANIKO_PLUGIN_DIR

millis() { # command... -> elapsed ms
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

bench() { # label, args...
  local label=$1; shift
  : > "$WORK/with"; : > "$WORK/without"
  for _ in $(seq "$RUNS"); do
    millis "$DIST/bin/executor" "$@" >> "$WORK/with"
    millis "$WORK/bare/bin/executor" "$@" >> "$WORK/without"
  done
  local with without
  with=$(median < "$WORK/with"); without=$(median < "$WORK/without")
  awk -v l="$label" -v w="$with" -v wo="$without" -v n="$RUNS" 'BEGIN {
    printf "%-22s median of %d: with plugins %5d ms, without %5d ms, ratio %.3f\n", l, n, w, wo, w / wo }'
}

bench "executor --help" --help
bench "dir-context build" --context "dir://$WORK/ctx" --no-push --kaniko-dir "$WORK/kaniko"
