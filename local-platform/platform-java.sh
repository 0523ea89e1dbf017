# Sourced by run.sh and benchmarks/run.sh: picks the JDK the platform runs on and sets $java to its java executable.
# The newest JDK found, looking at $JAVA_HOME, then the java on the PATH, then the JDKs installed beside either (e.g.
# every JDK under /usr/lib/jvm); 17 is the minimum. The newest runs what production runs best: on 25 or newer each
# application starts with an AOT cache trained at build time (see README "Running it"). PLATFORM_JAVA_HOME, when set,
# is taken as it is.

java_feature_version() {
  "$1" -version 2>&1 | sed -n 's/^[^"]*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

platform_java() {
  if [ -n "${PLATFORM_JAVA_HOME:-}" ]; then
    java="$PLATFORM_JAVA_HOME/bin/java"
    return 0
  fi
  local candidates=() homes=() home candidate version best_version=0
  java=""
  if [ -n "${JAVA_HOME:-}" ]; then
    candidates+=("$JAVA_HOME/bin/java")
    homes+=("$JAVA_HOME")
  fi
  if command -v java >/dev/null 2>&1; then
    candidate="$(readlink -f "$(command -v java)")"
    candidates+=("$candidate")
    homes+=("$(dirname "$(dirname "$candidate")")")
  fi
  for home in ${homes[@]+"${homes[@]}"}; do
    for candidate in "$(dirname "$home")"/*/bin/java; do
      [ -x "$candidate" ] && candidates+=("$candidate")
    done
  done
  for candidate in ${candidates[@]+"${candidates[@]}"}; do
    [ -x "$candidate" ] || continue
    version="$(java_feature_version "$candidate")"
    if [ -n "$version" ] && [ "$version" -ge 17 ] && [ "$version" -gt "$best_version" ]; then
      java="$candidate"
      best_version="$version"
    fi
  done
  [ -n "$java" ]
}

# Writes the applications' AOT caches when the JDK has them and they are missing or older than the build's jars. A
# failed training costs start-up time only: the applications then start without a cache (the JVM ignores a bad one).
platform_startup_caches() {
  "$java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dproject.root=. \
    -cp "local-platform/target/classes:local-platform/target/lib/*" \
    io.eventplatform.local.StartupCacheTraining --if-stale ||
    echo "The AOT cache training failed (see above); starting without the caches it did not write." >&2
}
