#!/usr/bin/env bash
# Layer writer benchmark: our LayerWriter vs `tar -c | gzip` and `tar -c | pigz`.
# Usage: bench/run.sh [SIZE_MB] (default 256; the layer issue wants 500 and 2048 runs)
# Env: BENCH_DIR (default /tmp/kaniko-layer-bench), JAVA_OPTS (default -Xmx64m, to show
# that memory does not grow with the layer), LEVEL (gzip level for all tools, default 6).
# Needs: java 17, mvn, GNU tar, gzip, pigz, zstd (apt-get install -y pigz zstd).
set -euo pipefail
SIZE_MB=${1:-256}
DIR=${BENCH_DIR:-/tmp/kaniko-layer-bench}
JAVA_OPTS=${JAVA_OPTS:--Xmx64m}
LEVEL=${LEVEL:-6}
REPO=$(cd "$(dirname "$0")/.." && pwd)
CP_FILE="$DIR/classpath"
mkdir -p "$DIR/out"

(cd "$REPO" && mvn -B -q -pl core -am compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" >/dev/null)
CP="$REPO/core/target/classes:$(cat "$CP_FILE")"
mkdir -p "$DIR/classes"
javac -proc:none -d "$DIR/classes" -cp "$CP" "$REPO/bench/LayerBench.java"
bench() { java -Dslf4j.internal.verbosity=ERROR $JAVA_OPTS -cp "$DIR/classes:$CP" LayerBench "$@"; }

TREE="$DIR/tree-$SIZE_MB"
if [ ! -d "$TREE" ]; then
  echo "generating a ${SIZE_MB} MB tree in $TREE"
  bench generate "$TREE" "$SIZE_MB"
fi
tar -cf - -C "$TREE" . >/dev/null   # warm the page cache
TAR_MB=$(tar -cf - -C "$TREE" . | wc -c | awk '{printf "%.0f", $1/1048576}')
echo "tree: $TREE ($TAR_MB MB as tar), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)," \
  "gzip level $LEVEL, JAVA_OPTS=$JAVA_OPTS"

timed() { # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$DIR/rss" bash -o pipefail -c "$*"
  end=$(date +%s.%N)
  read -r rss user sys < "$DIR/rss"
  awk -v l="$label" -v s="$start" -v e="$end" -v mb="$TAR_MB" -v rss="$rss" -v cpu="$user + $sys" \
    'BEGIN { t = e - s; split(cpu, c, " + "); printf "%-28s %6.2f s %7.1f MB/s  cpu %6.2f s  peak RSS %d MB (largest process)\n", l, t, mb / t, c[1] + c[2], rss / 1024 }'
}

timed "tar | gzip -$LEVEL" "tar -cf - -C '$TREE' . | gzip -$LEVEL > '$DIR/out/gnu.tar.gz'"
timed "tar | pigz -$LEVEL" "tar -cf - -C '$TREE' . | pigz -$LEVEL > '$DIR/out/pigz.tar.gz'"
timed "tar | zstd -3 -T0" "tar -cf - -C '$TREE' . | zstd -q -3 -T0 > '$DIR/out/gnu.tar.zst'"
ls -l "$DIR/out" | awk 'NR>1 {printf "  %-14s %6.0f MB\n", $9, $5/1048576}'
for threads in 1 "$(nproc)"; do
  printf "%-28s " "LayerWriter gzip x$threads"
  bench write "$TREE" "$DIR/out" gzip "$threads" "$LEVEL"
done
printf "%-28s " "LayerWriter zstd x$(nproc)"
bench write "$TREE" "$DIR/out" zstd "$(nproc)"
rm -f "$DIR"/out/*
