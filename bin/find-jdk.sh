# Sourced by ./mvnw and ./s2spay: prints the home of a JDK >= 21 (JAVA_HOME, then java on PATH,
# then /usr/lib/jvm/*), or explains on stderr that there is none and returns 1.
s2spay_jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
s2spay_find_jdk() {
  for candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(s2spay_jdk_major "$candidate")
    case "$major" in ''|*.*) continue ;; esac
    if [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  echo "s2spay needs a JDK 21 or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm). Install one and set JAVA_HOME." >&2
  return 1
}
