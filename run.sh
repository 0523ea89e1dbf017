#!/usr/bin/env bash
# Runs the whole platform on this machine with only a JDK (17 or newer; the newest found, see
# local-platform/platform-java.sh): builds it (on JDK 25 or newer also each application's AOT cache, trained once per
# build), then starts a Kafka broker, a mail server, the six services and the gateway, each as its own process, and
# Prometheus with Alertmanager where they are installed (it says how to install them otherwise). Ctrl-C stops them all,
# in order.
#
#   ./run.sh                 build, then start
#   ./run.sh --demo          ... and send simulated users through the gateway
#   ./run.sh --no-build      start what was built last time
#   ./run.sh --data-dir DIR  keep data and logs in DIR instead of ./data
#   ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help|-h) build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

# shellcheck source=local-platform/platform-java.sh
. local-platform/platform-java.sh
if ! platform_java; then
  echo "run.sh needs a JDK 17 or newer: set JAVA_HOME or put java on the PATH." >&2
  exit 1
fi

if [ "$build" = true ]; then
  echo "Building the platform (./mvnw -B -q -DskipTests install); the first build downloads dependencies and takes a few minutes..."
  ./mvnw -B -q -DskipTests install
fi
case " ${args[*]-} " in
  *" --help "*|*" -h "*) ;;
  *) platform_startup_caches ;;
esac

# The launcher only starts and watches the parts (C1 is plenty for that); the applications run the JDK's default JIT.
exec "$java" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
  -cp "local-platform/target/classes:local-platform/target/lib/*" \
  io.eventplatform.local.LocalPlatformCommand ${args[@]+"${args[@]}"}
