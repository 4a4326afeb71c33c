#!/usr/bin/env bash
# Builds the distribution and then the example image (example/: FROM scratch, no network needed)
# into an OCI layout and a docker-archive tarball under target/. Debian 12, as root or via sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ] 2>/dev/null \
    || ! command -v mvn >/dev/null; then
  echo "Installing JDK 17 and Maven (apt)..."
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven
fi

export LC_ALL=C.UTF-8
mvn -B -ntp -DskipTests package

mkdir -p target
rm -rf target/example-oci target/example.tar
executor/target/kaniko/bin/executor \
  --context "dir://$PWD/example" \
  --no-push \
  --destination kaniko-jvm/example:latest \
  --oci-layout-path target/example-oci \
  --tar-path target/example.tar \
  --digest-file target/example.digest \
  --kaniko-dir "$PWD/target/kaniko"

cat <<INFO

Built image $(cat target/example.digest)
  OCI layout:      target/example-oci  (tag: latest)
  docker archive:  target/example.tar
Inspect it with, for example:
  skopeo inspect oci:target/example-oci:latest
  skopeo inspect --config oci:target/example-oci:latest
  umoci unpack --image target/example-oci:latest /tmp/example-bundle
  skopeo copy docker-archive:target/example.tar oci:/tmp/copy:latest
INFO
