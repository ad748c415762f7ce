# Sourced by ./mvnw and .ci/run (POSIX sh). Herald needs a JDK >= 21; this machine's default
# java may be older. Keeps JAVA_HOME when it already points at a JDK >= 21, else looks in the
# usual places and takes the newest; says clearly and stops when there is none.

herald_jdk_feature() { # prints the feature release of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

herald_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(herald_jdk_feature "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  herald_best=""
  set +f # ./mvnw runs with globbing off
  herald_best_feature=0
  for herald_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    herald_feature=$(herald_jdk_feature "$herald_candidate")
    if [ -n "$herald_feature" ] && [ "$herald_feature" -gt "$herald_best_feature" ]; then
      herald_best=$herald_candidate
      herald_best_feature=$herald_feature
    fi
  done
  set -f
  if [ "$herald_best_feature" -lt 21 ]; then
    echo "Herald needs a JDK 21 or newer and found none (JAVA_HOME='${JAVA_HOME-}', searched /usr/lib/jvm, /opt)." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it." >&2
    exit 1
  fi
  JAVA_HOME=$herald_best
  export JAVA_HOME
}

herald_find_jdk
