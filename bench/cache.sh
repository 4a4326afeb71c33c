#!/usr/bin/env bash
# Layer cache: wall time of a cold build (empty cache) vs a warm rebuild (every RUN a cache hit)
# of a 10-step Dockerfile, pushed to a loopback docker-registry with the default cache repo
# (<destination>/cache). Prints each run and the median of RUNS for both.
# Usage: bench/cache.sh [RUNS] (default 3). Env: DIST (default executor/target/kaniko; build it
# with `mvn -B -q -pl executor -am package -DskipTests`).
# Needs: docker-registry, skopeo, umoci, busybox-static (scripts/install-test-deps.sh), root
# (RUN uses chroot mode).
set -euo pipefail
RUNS=${1:-3}
REPO=$(cd "$(dirname "$0")/.." && pwd)
DIST=${DIST:-$REPO/executor/target/kaniko}
[ -x "$DIST/bin/executor" ] || { echo "no $DIST/bin/executor: build the executor module first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/kaniko-cache-bench.XXXXXX)
REGISTRY_PID=
cleanup() {
  [ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
unset JAVA_OPTS KANIKO_PLUGIN_DIR

# a loopback registry on a free port
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$WORK/storage"
cat > "$WORK/registry.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $WORK/storage}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$PORT}
YML
env -u REGISTRY_HTTP_ADDR docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null && break; sleep 0.1; done
REG=127.0.0.1:$PORT

# a busybox base image, built with umoci from the host's busybox-static
umoci init --layout "$WORK/oci" >/dev/null
umoci new --image "$WORK/oci:busybox" >/dev/null
umoci unpack --image "$WORK/oci:busybox" "$WORK/bundle" >/dev/null
mkdir -p "$WORK/bundle/rootfs/bin" "$WORK/bundle/rootfs/tmp" "$WORK/bundle/rootfs/etc"
cp /bin/busybox "$WORK/bundle/rootfs/bin/busybox"
chroot "$WORK/bundle/rootfs" /bin/busybox --install -s /bin
echo 'root:x:0:0:root:/root:/bin/sh' > "$WORK/bundle/rootfs/etc/passwd"
echo 'root:x:0:' > "$WORK/bundle/rootfs/etc/group"
umoci repack --image "$WORK/oci:busybox" "$WORK/bundle" >/dev/null
umoci config --image "$WORK/oci:busybox" --config.env PATH=/bin >/dev/null
skopeo copy -q --dest-tls-verify=false "oci:$WORK/oci:busybox" "docker://$REG/base/busybox:1"

# the 10-step Dockerfile
mkdir -p "$WORK/ctx/src"
for i in $(seq 1 50); do echo "source file $i" > "$WORK/ctx/src/f$i.txt"; done
cat > "$WORK/ctx/Dockerfile" <<DOCKERFILE
FROM $REG/base/busybox:1
ENV APP=/app
WORKDIR /app
COPY src /app/src
RUN seq 1 300000 > /app/numbers
RUN md5sum /app/numbers > /app/numbers.md5
RUN head -c 20000000 /dev/urandom > /app/blob
RUN for i in \$(seq 1 300); do echo \$i > /app/f\$i; done
RUN sha256sum /app/blob > /app/blob.sha
RUN sleep 2 && echo slow > /app/slow
RUN cat /app/numbers.md5 /app/blob.sha > /app/summary
DOCKERFILE

millis() { # command... -> elapsed ms
  local start end
  start=$(date +%s%N)
  "$@" >"$WORK/out.log" 2>&1 || { cat "$WORK/out.log" >&2; echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
build() { # destination repository
  "$DIST/bin/executor" --kaniko-dir "$WORK/kaniko" --context "$WORK/ctx" --cache \
    --insecure --insecure-pull --destination "$REG/$1:latest"
}

echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), registry $REG"
: > "$WORK/cold"; : > "$WORK/warm"
for i in $(seq "$RUNS"); do
  t=$(millis build "cold-$i"); echo "$t" >> "$WORK/cold"     # fresh cache repo: all misses
  echo "cold build $i: $t ms ($(grep -c 'cache miss' "$WORK/out.log") misses)"
done
millis build warm >/dev/null                                   # fills warm/cache
for i in $(seq "$RUNS"); do
  t=$(millis build warm); echo "$t" >> "$WORK/warm"
  echo "warm rebuild $i: $t ms ($(grep -c 'cache hit' "$WORK/out.log") hits)"
done
awk -v c="$(median < "$WORK/cold")" -v w="$(median < "$WORK/warm")" -v n="$RUNS" 'BEGIN {
  printf "median of %d: cold %d ms, warm %d ms (%.1fx faster)\n", n, c, w, c / w }'
