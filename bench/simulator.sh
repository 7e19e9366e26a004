#!/usr/bin/env bash
# Simulator benchmark: cips-2023-year through the engine (RTGS_LSM and RTGS) beside a plain
# reference loop, in one JVM with a 1 GB heap. Usage: bench/simulator.sh [seed] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests compile
echo "machine: nproc $(nproc), loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1g -XX:+UseParallelGC -cp target/classes bench/SimulatorBench.java "$@"
