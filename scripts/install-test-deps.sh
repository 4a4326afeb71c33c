#!/usr/bin/env bash
# Installs everything the kaniko-for-the-JVM test suites need on Debian/Ubuntu.
#
#   scripts/install-test-deps.sh           install what is missing (quick no-op when all is present)
#   scripts/install-test-deps.sh --check   only report what is missing; exit 1 if anything is
#
# Idempotent and non-interactive. Runs apt-get as root (through sudo when not root). It never starts a
# service: the test harness starts its own docker-registry per test class on a free loopback port, so
# the service the docker-registry package ships is kept from starting during installation.
set -euo pipefail

PACKAGES=(
  openjdk-17-jdk-headless  # javac/java 17
  maven                    # mvn
  docker-registry          # the CNCF distribution registry the harness starts
  skopeo                   # pushes/pulls/inspects fixtures
  umoci                    # builds and unpacks OCI layouts
  busybox-static           # /bin/busybox, the base-image fixture
  buildah                  # comparisons with another daemonless builder
  apache2-utils            # htpasswd -B (bcrypt) for the auth registry
  openssl                  # the TLS registry's throw-away CA
  pigz                     # layer-writer comparisons (parallel gzip)
  zstd                     # zstd layers read back by the reference tool
  attr                     # setfattr/getfattr for xattr tests
  git                      # context-git tests
  nodejs                   # runs Azurite (context-azure tests)
  ca-certificates
  coreutils                # chroot
  util-linux               # unshare
  iproute2                 # ip: RUN --network=none brings lo up in its own namespace
)

check_only=false
case "${1:-}" in
  --check) check_only=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: this script needs a Debian-based system (dpkg and apt-get)" >&2
  exit 1
fi

# npm packages, installed globally after the Debian ones: "name@version executable".
NPM_PACKAGES=(
  "azurite@3.37.0 azurite-blob"  # the Azure Storage emulator the context-azure IT starts on loopback
)

missing_npm=()
for entry in "${NPM_PACKAGES[@]}"; do
  read -r spec executable <<<"$entry"
  if ! command -v "$executable" >/dev/null 2>&1; then
    missing_npm+=("$spec")
  fi
done

install_npm() {
  if [ "${#missing_npm[@]}" -eq 0 ]; then
    return 0
  fi
  "${as_root[@]}" npm install -g --no-fund --no-audit "${missing_npm[@]}"
  echo "install-test-deps: installed (npm) ${missing_npm[*]}"
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# npm installs Azurite; Debian ships it as its own package, NodeSource's nodejs bundles it.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if [ "${#missing[@]}" -eq 0 ] && [ "${#missing_npm[@]}" -eq 0 ]; then
  echo "install-test-deps: all ${#PACKAGES[@]} packages and ${#NPM_PACKAGES[@]} npm packages present"
  exit 0
fi
echo "install-test-deps: missing: ${missing[*]} ${missing_npm[*]}"
if $check_only; then
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-deps: not root and no sudo: run as root" >&2
  exit 1
fi

if [ "${#missing[@]}" -eq 0 ]; then
  install_npm
  exit 0
fi

# Keep package scripts from starting services (docker-registry's would listen on :5000).
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  "${as_root[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
  created_policy=true
fi
cleanup() {
  if $created_policy; then "${as_root[@]}" rm -f "$policy"; fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"

# If we just installed docker-registry and systemd started its service anyway, stop it again: the harness
# does not need it and it would squat :5000.
if [[ " ${missing[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null 2>&1 \
    && systemctl is-active --quiet docker-registry 2>/dev/null; then
  "${as_root[@]}" systemctl disable --now docker-registry || true
fi
echo "install-test-deps: installed ${missing[*]}"
install_npm
