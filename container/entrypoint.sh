#!/bin/sh
# Entry point of the exports-sandbox image: `docker run IMAGE [sandbox options]`.
#
# Runs the standalone jar with SANDBOX_OPTS and then the given options, adding --port 8080 and
# --bind 0.0.0.0 unless they are given (the jar refuses an option given twice, and its own
# default address, 127.0.0.1, is unreachable from outside a container). The heap follows the
# container's memory limit (75 %), the other JVM options are bin/sandbox's (/app/java-options,
# from bin/lib/java-options); JAVA_OPTS comes after the defaults and may override them.
set -eu
set -f # SANDBOX_OPTS is split on spaces, never globbed
# shellcheck disable=SC2086
set -- ${SANDBOX_OPTS:-} "$@"

port=8080 bind=0.0.0.0 given_port="" given_bind="" previous=""
for arg in "$@"; do
  case "$previous" in
    --port) port=$arg given_port=1 ;;
    --bind) bind=$arg given_bind=1 ;;
  esac
  case "$arg" in
    --port=*) port=${arg#--port=} given_port=1 ;;
    --bind=*) bind=${arg#--bind=} given_bind=1 ;;
  esac
  previous=$arg
done
[ -n "$given_bind" ] || set -- --bind "$bind" "$@"
[ -n "$given_port" ] || set -- --port "$port" "$@"

# Where the health check asks (best effort: a read-only /tmp leaves it at 127.0.0.1:8080).
case "$bind" in 0.0.0.0|::|"[::]") bind=127.0.0.1 ;; esac
printf '%s %s\n' "$bind" "$port" >/tmp/exports-sandbox.address 2>/dev/null || true

# The class-data archive recorded when the image was built (Containerfile); a JVM that cannot
# use it (other options) starts without it, silently. The sandbox runs in this JVM: the jar's
# launcher, which records an archive and starts a second JVM, is for hosts without one.
share=""
[ -f /app/exports-sandbox.jsa ] && share="-XX:SharedArchiveFile=/app/exports-sandbox.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
# shellcheck disable=SC2086
exec java $share @/app/java-options -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError \
  -Dexports.sandbox.launch=direct ${JAVA_OPTS:-} -jar /app/exports-sandbox.jar "$@"
