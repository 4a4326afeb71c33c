#!/bin/sh
# Snapshot benchmark (not a test): builds spi+core, then runs SnapshotBench.
# Usage: bench/snapshot/run.sh [workDir] [parallelism...]   e.g. run.sh /tmp/snapbench 1 2 4
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -pl core -am compile
exec java -Xmx512m -cp spi/target/classes:core/target/classes bench/snapshot/SnapshotBench.java "$@"
