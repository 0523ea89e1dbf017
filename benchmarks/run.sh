#!/usr/bin/env bash
# Measures the platform and writes benchmarks/results/report.md and benchmarks/results/figures.json.
#
#   benchmarks/run.sh                      the full run (the issue's sizes, 5 repetitions; about 45 minutes on 2 quiet cores)
#   benchmarks/run.sh --smoke              seconds and small counts: proves the harness, not the figures
#   benchmarks/run.sh --no-build ...       use what was built last time
#   benchmarks/run.sh --help               every option (repetitions, sizes, attaching to a running platform)
#   benchmarks/run.sh codec [--quick]      no platform: the CloudEvents header codec against the CloudEvents SDK's
#                                          Kafka binding (JMH, about 8 minutes), to benchmarks/results/codec.md
#
# Installs wrk and nginx from Debian's packages when they are missing and it runs as root; otherwise says which
# figures cannot be measured without them.
set -euo pipefail
cd "$(dirname "$0")/.."

main=io.eventplatform.benchmarks.BenchmarkCommand
jvm_options=(-Xmx512m)
if [ "${1:-}" = codec ]; then
  shift
  main=io.eventplatform.benchmarks.codec.CodecBenchmarkCommand
  # No heap limit: JMH's forks inherit this JVM's options, and the codec's figures are taken with the JVM's defaults.
  jvm_options=()
fi

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done

if [ "$main" = io.eventplatform.benchmarks.BenchmarkCommand ]; then
  missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing ${missing[*]} from Debian's packages..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing: ${missing[*]}. Without wrk, H, R, G, N and B are not measured; without nginx, N is not." >&2
      echo "Install them with: sudo apt-get install ${missing[*]}  (the report lists what was not measured)" >&2
    fi
  fi
fi

# shellcheck source=local-platform/platform-java.sh
. local-platform/platform-java.sh
if ! platform_java; then
  echo "benchmarks/run.sh needs a JDK 17 or newer: set JAVA_HOME or put java on the PATH." >&2
  exit 1
fi

if [ "$build" = true ]; then
  echo "Building the platform and the benchmarks (./mvnw -B -q -DskipTests package -pl benchmarks -am)..."
  ./mvnw -B -q -DskipTests package -pl benchmarks -am
fi
if [ "$main" = io.eventplatform.benchmarks.BenchmarkCommand ]; then
  case " ${args[*]-} " in
    *" --help "*|*" -h "*|*" --gateway "*) ;;
    *) platform_startup_caches ;;
  esac
fi

exec "$java" ${jvm_options[@]+"${jvm_options[@]}"} -Dproject.root=. \
  -cp "$PWD/benchmarks/target/classes:$PWD/benchmarks/target/lib/*" \
  "$main" ${args[@]+"${args[@]}"}
