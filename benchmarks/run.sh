#!/usr/bin/env bash
# Runs every benchmark scenario against the emulator (loopback, same run, baselines side by side)
# and prints one table. Takes about 5 minutes on a 2-core machine.
#
#   mvn -B -q install -DskipTests      # once, from the repository root (installs the starter and emulator)
#   benchmarks/run.sh                  # from anywhere
#
# Environment:
#   MAVEN_OPTS_EXTRA  extra Maven arguments, e.g. "-Dmaven.repo.local=/path/to/repo"
#   SKIP_BUILD=1      reuse benchmarks/target from a previous run
#   ONLY="1 2 3 4 5"  run only some scenarios (1 = group creation per HTTP engine + threads per call
#                     at 1, 2 and 8 CPUs + JMH, 2 = submission, 3 = large uploads, 4 = startup,
#                     5 = many submissions, platform and virtual threads, on Java 21+)
#   ENGINES=...       uploadcare.http.client-factory values compared in scenario 1
#                     (default http-components,jdk,simple,jetty,reactor)
#   JAVA21=...        a Java 21+ "java" for scenario 5 (default: the Temurin 25 of our machines)
#   QUICK=1           shorter windows and fewer repetitions (smoke test; numbers not for publishing)
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
ONLY=${ONLY:-"1 2 3 4 5"}
ENGINES=${ENGINES:-http-components,jdk,simple,jetty,reactor}
JAVA21=${JAVA21:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
MVN="mvn -B -q ${MAVEN_OPTS_EXTRA:-}"
JAVA=${JAVA:-java}

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "== building benchmarks (needs the other modules installed: mvn -B -q install -DskipTests at the root)"
  $MVN -f pom.xml package
  $MVN -f startup/pom.xml dependency:build-classpath -Dmdep.outputFile="$HERE/target/cp-without-starter.txt"
  $MVN -f startup/pom.xml -Pwith-starter dependency:build-classpath -Dmdep.outputFile="$HERE/target/cp-with-starter.txt"
fi

CP="target/classes:$(cat target/classpath.txt)"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p results
RESULTS="$HERE/results/$STAMP.tsv"
: > "$RESULTS"
if [[ "${QUICK:-}" == 1 ]]; then
  S1="-Dbench.warmupMs=1000 -Dbench.roundMs=1000 -Dbench.rounds=1"; JMH="-f 1 -wi 1 -w 1s -i 2 -r 1s"
  S2="-Dbench.warmups=1 -Dbench.reps=2"; S3="-Dbench.reps=1"; S4="-Dbench.runs=2"; S5=5
else
  S1="-Dbench.warmupMs=3000 -Dbench.roundMs=2000 -Dbench.rounds=3"; JMH="-f 1 -wi 3 -w 2s -i 5 -r 2s"
  S2="-Dbench.warmups=2 -Dbench.reps=5"; S3="-Dbench.reps=3"; S4="-Dbench.runs=7"; S5=20
fi
run() { echo "== $1"; shift; timeout 900 "$JAVA" -Dbench.results="$RESULTS" "$@"; }
run21() { echo "== $1"; shift; timeout 900 "$JAVA21" -Dbench.results="$RESULTS" "$@"; }
start=$(date +%s)
LOAD_BEFORE=$(uptime | sed 's/.*load/load/')
echo "== $LOAD_BEFORE (a load near or above $(nproc) means another job shares the CPUs: numbers will be noisy)"

for s in $ONLY; do
  case $s in
    1)
      run "1: group creation per engine ($ENGINES), harness (concurrency 1 and 32)" $S1 -Dbench.engines="$ENGINES" \
        -cp "$CP" io.github.ucgroups.benchmarks.GroupCreationBenchmark
      for cpus in 1 2 8; do
        run "1: threads started per call at $cpus CPUs" -XX:ActiveProcessorCount=$cpus -Dbench.threadsOnly=true \
          -Dbench.engines="$ENGINES" -cp "$CP" io.github.ucgroups.benchmarks.GroupCreationBenchmark
      done
      echo "== 1: group creation, JMH -prof gc"
      timeout 900 "$JAVA" -cp "$CP" org.openjdk.jmh.Main GroupCreationJmh $JMH -prof gc -rf csv -rff "target/jmh-$STAMP.csv" > "results/jmh-$STAMP.txt"
      tail -n 20 "results/jmh-$STAMP.txt"
      run "1: JMH rows" -cp "$CP" io.github.ucgroups.benchmarks.JmhRows "target/jmh-$STAMP.csv" ;;
    2) run "2: 10 x 1 MiB submission into a group, 0 and 50 ms latency" $S2 -cp "$CP" io.github.ucgroups.benchmarks.SubmissionBenchmark ;;
    3) run "3: 200 MiB and 1 GiB uploads in a -Xmx128m JVM" -Xmx128m $S3 -cp "$CP" io.github.ucgroups.benchmarks.LargeUploadBenchmark 200 1024 ;;
    4) run "4: startup with and without the starter" $S4 -Dbench.cpWithout=target/cp-without-starter.txt \
         -Dbench.cpWith=target/cp-with-starter.txt -cp "$CP" io.github.ucgroups.benchmarks.StartupBenchmark ;;
    5)
      # 200 callers, 5 x 2 KiB files each, 50 ms latency; the default limit of files at once, then 200
      for files in 10 200; do
        for mode in platform virtual; do
          run21 "5: many submissions, $mode threads, max-concurrent-files=$files" -Xmx512m \
            -cp "$CP" io.github.ucgroups.benchmarks.SubmissionLoadBenchmark $mode $files 200 $S5
        done
      done ;;
    *) echo "unknown scenario $s" >&2; exit 2 ;;
  esac
done

{
  echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/{print $2}') RAM; $("$JAVA" -version 2>&1 | head -1)"
  echo "Run $STAMP, $(( $(date +%s) - start )) s; before: $LOAD_BEFORE; after: $(uptime | sed 's/.*load/load/')"
  echo
  "$JAVA" -Dbench.results="$RESULTS" -cp "$CP" io.github.ucgroups.benchmarks.Report
} | tee "results/$STAMP.md"
echo "(saved: benchmarks/results/$STAMP.md$([[ -f results/jmh-$STAMP.txt ]] && echo ", raw JMH output benchmarks/results/jmh-$STAMP.txt"))"
