#!/usr/bin/env bash
# Load test of the sample app against its embedded Uploadcare emulator (loopback only, bounded).
# Not part of the default build. Usage, from anywhere:
#   sample-app/load-test/run.sh [CLIENTS=20] [SECONDS=60]
# Environment: APP_JAVA_OPTS (default -Xmx256m) for the app's JVM; APP_ARGS for extra app arguments
# (e.g. --uploadcare.upload.max-concurrent-files=16); SKIP_BUILD=1 to reuse the jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clients="${1:-20}"
seconds="${2:-60}"
jar="$root/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl sample-app -am package -DskipTests)
fi

# A free loopback port.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp -t sample-app-load.XXXXXX.log)"

# No uploadcare.public-key: the app starts the emulator in-process (offline).
java ${APP_JAVA_OPTS:--Xmx256m} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
  --logging.level.io.github.ucgroups=WARN ${APP_ARGS:-} >"$log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  # Bounded wait for the app to stop, then force it.
  for _ in $(seq 1 30); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
  kill -9 "$app" 2>/dev/null || true
}
trap cleanup EXIT

# Wait (at most 90 s) until the app answers its health endpoint.
for i in $(seq 1 90); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then echo "the app died; log: $log"; tail -50 "$log"; exit 1; fi
  if [[ $i == 90 ]]; then echo "the app did not start in 90 s; log: $log"; exit 1; fi
  sleep 1
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "java: $(java -version 2>&1 | head -1)"
echo "app: $jar on 127.0.0.1:$port, JVM options: ${APP_JAVA_OPTS:--Xmx256m}, arguments: ${APP_ARGS:-none}; log: $log"
timeout $((seconds + 180)) java "$here/LoadDriver.java" "http://127.0.0.1:$port" "$clients" "$seconds"

# The app's heap after a full GC (what the run left live: the embedded emulator keeps every
# uploaded file in memory, so this grows with the number of uploads).
if command -v jcmd >/dev/null 2>&1; then
  jcmd "$app" GC.run >/dev/null
  curl -fsS "http://127.0.0.1:$port/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | python3 -c 'import json,sys; m=json.load(sys.stdin); print("heap after full GC: %.1f MiB" % (m["measurements"][0]["value"]/1048576))'
fi
