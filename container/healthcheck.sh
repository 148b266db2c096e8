#!/bin/sh
# Health check of the exports-sandbox image: GET /health at the address the entry point wrote
# (200 once the sandbox is ready; answered with --no-admin too). Prints the JSON body, which
# `docker inspect` keeps in the health log. Uses curl, or wget where there is no curl (Alpine).
read -r host port 2>/dev/null </tmp/exports-sandbox.address || { host=127.0.0.1; port=8080; }
url="http://$host:$port/health"
case "$host" in *:*) url="http://[$host]:$port/health" ;; esac
if command -v curl >/dev/null 2>&1; then
  exec curl -fsS --max-time 4 "$url"
fi
exec wget -q -T 4 -O - "$url"
