#!/usr/bin/env bash
# The three reference builds of issue #10 (run, copy, multi) against a loopback docker-registry,
# each RUNS times with bin/executor (chroot mode, a fresh --kaniko-dir, pushed, --report), after
# one untimed warm-up run. Prints per build: median wall time, median CPU (user+sys of the
# executor and every process it waited for), peak RSS (largest process), and the median of each
# phase of the --report breakdown. Not a test: figures depend on the machine and its load.
# Usage: bench/reference.sh [RUNS] (default 5). Needs root (RUN uses namespaces), docker-registry,
# umoci, skopeo, busybox-static, jq, GNU time (/usr/bin/time). Env: DIST (default
# executor/target/kaniko, built with `mvn -B -q -pl executor -am package -DskipTests` if missing),
# KEEP=1 keeps the work dir, ONLY="copy multi" runs a subset, JAVA_OPTS passes through.
set -euo pipefail
RUNS=${1:-5}
REPO=$(cd "$(dirname "$0")/.." && pwd)
DIST=${DIST:-$REPO/executor/target/kaniko}
ONLY=${ONLY:-run copy multi}
for tool in docker-registry umoci skopeo jq busybox /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y docker-registry umoci skopeo jq busybox-static time)" >&2; exit 1; }
done
if [ ! -x "$DIST/bin/executor" ]; then
  echo "building the distribution in $DIST" >&2
  (cd "$REPO" && mvn -B -q -pl executor -am package -DskipTests)
fi
WORK=$(mktemp -d /tmp/kaniko-reference.XXXXXX)
REGISTRY_PID=
cleanup() {
  if [ -n "$REGISTRY_PID" ]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
  fi
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- a loopback registry, as test-support's RegistryExtension runs it -------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
mkdir -p "$WORK/registry/storage"
cat > "$WORK/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: "$WORK/registry/storage"
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
  secret: $(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
health:
  storagedriver:
    enabled: false
EOF
docker-registry serve "$WORK/registry/config.yml" > "$WORK/registry/log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null || { cat "$WORK/registry/log" >&2; exit 1; }
REGISTRY=127.0.0.1:$PORT

# --- the busybox base (test-support's BaseImages recipe: busybox-static, umoci, skopeo) ----------
BUSYBOX=$(readlink -f "$(command -v busybox)")
ROOTFS=$WORK/busybox-rootfs
mkdir -p "$ROOTFS"/{bin,sbin,usr/bin,usr/sbin,etc,root,home/app,tmp}
cp "$BUSYBOX" "$ROOTFS/bin/busybox"
chmod 0755 "$ROOTFS/bin/busybox"
for applet in $("$BUSYBOX" --list-full); do
  [ -e "$ROOTFS/$applet" ] || ln "$ROOTFS/bin/busybox" "$ROOTFS/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ROOTFS/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' > "$ROOTFS/etc/group"
chmod 0700 "$ROOTFS/root"; chmod 1777 "$ROOTFS/tmp"
case $(uname -m) in x86_64) ARCH=amd64 ;; aarch64) ARCH=arm64 ;; *) ARCH=$(uname -m) ;; esac
umoci init --layout "$WORK/oci" >/dev/null
umoci new --image "$WORK/oci:busybox" >/dev/null
umoci insert --image "$WORK/oci:busybox" "$ROOTFS" / >/dev/null
umoci config --image "$WORK/oci:busybox" --os linux --architecture "$ARCH" --config.cmd sh \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin >/dev/null
skopeo copy -q --format v2s2 --dest-tls-verify=false "oci:$WORK/oci:busybox" \
  "docker://$REGISTRY/base/busybox:latest"

# --- the context: files/ (1000 text files of ~4 KB) and the three Dockerfiles ----------------------
CTX=$WORK/context
mkdir -p "$CTX/files"
awk -v dir="$CTX/files" 'BEGIN {
  for (f = 0; f < 1000; f++) {
    file = sprintf("%s/file-%04d.txt", dir, f)
    for (l = 0; l < 64; l++) printf "file %04d line %02d: the quick brown fox jumps over the lazy dog\n", f, l > file
    close(file)
  } }'
cat > "$CTX/run.Dockerfile" <<EOF
FROM $REGISTRY/base/busybox:latest
ENV GREETING=hello APP_HOME=/app
WORKDIR /app
RUN echo "\$GREETING from kaniko" > /app/hello.txt && date > /app/built-at
CMD ["cat", "/app/hello.txt"]
EOF
cat > "$CTX/copy.Dockerfile" <<EOF
FROM $REGISTRY/base/busybox:latest
WORKDIR /app
COPY files/ /app/files/
RUN ls /app/files | wc -l > /app/count.txt
ENV COUNT_FILE=/app/count.txt
CMD ["sh", "-c", "cat \$COUNT_FILE"]
EOF
cat > "$CTX/multi.Dockerfile" <<EOF
FROM $REGISTRY/base/busybox:latest AS build
WORKDIR /src
COPY files/ /src/files/
RUN mkdir -p /dist && cat /src/files/*.txt > /dist/all.txt && wc -l /dist/all.txt > /dist/lines.txt
FROM $REGISTRY/base/busybox:latest
ENV APP=/opt/app
WORKDIR /opt/app
COPY --from=build /dist/ /opt/app/
CMD ["cat", "/opt/app/lines.txt"]
EOF

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One build: wall s, cpu s, rss KB appended to $WORK/<name>.times; the report to <name>-<i>.json.
build() { # name, index
  local name=$1 i=$2 start end
  local kaniko_dir=$WORK/kaniko-$name-$i
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$WORK/time" "$DIST/bin/executor" \
    --context "dir://$CTX" --dockerfile "$CTX/$name.Dockerfile" \
    --destination "$REGISTRY/bench/$name:latest" --kaniko-dir "$kaniko_dir" \
    --report "$WORK/$name-$i.json" > "$WORK/$name-$i.log" 2>&1 \
    || { cat "$WORK/$name-$i.log" >&2; exit 1; }
  end=$(date +%s%N)
  rm -rf "$kaniko_dir"
  read -r user sys rss < "$WORK/time"
  echo "$(( (end - start) / 1000000 )) $user $sys $rss" >> "$WORK/$name.times"
}

# Median of every number in the reports' breakdown, one "section key value" per line.
phases() { # name
  for report in "$WORK/$1"-[0-9]*.json; do
    jq -r '
      (.startupMillis | to_entries[] | "startup \(.key) \(.value)"),
      (.phasesMillis | to_entries[] | "phases \(.key) \(.value)"),
      (.breakdownMillis | to_entries[] | "breakdown \(.key) \(.value)"),
      (.instructionsMillis | to_entries[] |
        "instruction \(.key)|\(.value.stage)|\(.value.instruction) \(.value.millis)")' "$report"
  done | awk '{ v = $NF; $NF = ""; sub(/ $/, ""); if (!($0 in n)) order[++k] = $0; vals[$0, ++n[$0]] = v }
    END { for (i = 1; i <= k; i++) { key = order[i]; m = n[key];
      for (a = 1; a <= m; a++) s[a] = vals[key, a];
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
      med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2;
      split(key, parts, " "); section = parts[1]; name = substr(key, length(section) + 2);
      if (section == "instruction") { split(name, p, "|"); name = "stage " p[2] ": " p[3] }
      printf "    %-11s %-60s %6d ms\n", section, substr(name, 1, 60), med } }'
}

echo "kaniko-jvm reference builds: $RUNS runs each (+1 warm-up), $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "distribution: $DIST (CDS archive: $([ -f "$DIST/lib/kaniko.jsa" ] && echo yes || echo no))"
for name in $ONLY; do
  build "$name" 0 && rm -f "$WORK/$name.times" "$WORK/$name-0.json"   # warm-up: page cache, registry
  for i in $(seq "$RUNS"); do build "$name" "$i"; done
  wall=$(awk '{print $1}' "$WORK/$name.times" | median)
  cpu=$(awk '{printf "%.0f\n", ($2 + $3) * 1000}' "$WORK/$name.times" | median)
  rss=$(awk '{print $4}' "$WORK/$name.times" | sort -n | tail -1)
  printf '%-6s wall %6s ms (runs: %s)  cpu %6s ms  peak RSS %4d MB\n' "$name" "$wall" \
    "$(awk '{printf "%s ", $1}' "$WORK/$name.times")" "$cpu" $(( rss / 1024 ))
  phases "$name"
done
