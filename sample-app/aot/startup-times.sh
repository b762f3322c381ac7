#!/usr/bin/env bash
# Startup time of the sample app with and without Spring AOT, same jar, same machine, same run.
# Build the AOT-processed jar first (from the repository root):
#   mvn -B -pl sample-app -am package -Paot -DskipTests
# then: sample-app/aot/startup-times.sh [repetitions per mode, default 7]
# Each start is a fresh JVM (-Xmx256m, embedded emulator, port 0), alternating the two modes after
# one unmeasured pair (file cache); it reads Boot's "Started SampleApplication in X seconds
# (process running for Y)" line, stops the app, and prints the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-7}"
JAR=target/sample-app-0.1.0-SNAPSHOT.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# grep without -q: with pipefail, an early exit of grep -q can fail the pipeline (SIGPIPE in unzip)
unzip -l "$JAR" | grep 'SampleApplication__ApplicationContextInitializer' >/dev/null \
  || { echo "$JAR is not AOT-processed: build it with -Paot" >&2; exit 1; }

start_once() { # $1 = true|false; prints "<started s> <process s>"
  local log; log=$(mktemp)
  "$JAVA" -Xmx256m -Dspring.aot.enabled="$1" -jar "$JAR" --server.port=0 --server.address=127.0.0.1 >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if grep -q 'Started SampleApplication in' "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sed -n 's/.*Started SampleApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$log"
  rm -f "$log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "load before: $(cat /proc/loadavg)"
start_once false >/dev/null; start_once true >/dev/null
jit=(); aot=(); jitp=(); aotp=()
for i in $(seq 1 "$REPS"); do
  read -r s p < <(start_once false); jit+=("$s"); jitp+=("$p")
  read -r s p < <(start_once true); aot+=("$s"); aotp+=("$p")
done
echo "load after: $(cat /proc/loadavg)"
echo "without AOT: started in ${jit[*]} s; process ${jitp[*]} s"
echo "with AOT:    started in ${aot[*]} s; process ${aotp[*]} s"
echo "median started-in: without $(printf '%s\n' "${jit[@]}" | median) s, with $(printf '%s\n' "${aot[@]}" | median) s"
echo "median process-running: without $(printf '%s\n' "${jitp[@]}" | median) s, with $(printf '%s\n' "${aotp[@]}" | median) s"
