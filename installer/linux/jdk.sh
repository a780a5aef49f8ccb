# Sourced by build.sh and verify.sh: sets JDK to a JDK >= 25 that has jpackage.
# JAVA_HOME wins if it qualifies; else the newest /usr/lib/jvm/*25* (then any /usr/lib/jvm/* >= 25).
jdk_major() {  # feature version of the JDK in $1 (from its release file), or nothing
  [[ -f "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
usable_jdk() { local m; m=$(jdk_major "$1"); [[ -n "$m" && "$m" -ge 25 && -x "$1/bin/jpackage" ]]; }

find_jdk() {
  JDK=""
  if [[ -n "${JAVA_HOME:-}" ]] && usable_jdk "$JAVA_HOME"; then
    JDK="$JAVA_HOME"; return 0
  fi
  [[ -n "${JAVA_HOME:-}" ]] && echo "[installer] JAVA_HOME=$JAVA_HOME is not a JDK >= 25 with jpackage; searching /usr/lib/jvm" >&2
  local d
  for d in $(ls -d /usr/lib/jvm/*25* 2>/dev/null | sort -rV) $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    if usable_jdk "$d"; then JDK="$d"; return 0; fi
  done
  echo "[installer] ERROR: no JDK >= 25 with jpackage found (set JAVA_HOME, e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  return 1
}
