# shellcheck shell=bash disable=SC2034
# (ENGINE and ENGINE_SKIP_REASON are read by the sourcing script.)
# Sourced by bin/build-image, bin/container-base and the container tests: finds a container
# engine that works here and sets ENGINE to its command (an array).
#
# podman is preferred: it needs no daemon and is what these scripts are tested with. On machines
# without systemd, or where crun refuses the cgroup layout, podman needs the runc runtime, the
# cgroupfs manager and no default ulimits (raising RLIMIT_NOFILE is refused there); a
# containers.conf with those settings is written under the cache directory and used unless
# CONTAINERS_CONF is already set. docker is used when podman is missing and `docker info` answers.
# Set CONTAINER_ENGINE=podman|docker to choose.

EXPORTS_CACHE_DIR="${EXPORTS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/exports-sandbox}"

# Writes the containers.conf these machines need and exports CONTAINERS_CONF (podman only).
podman_conf() {
  [ -n "${CONTAINERS_CONF:-}" ] && return 0
  mkdir -p "$EXPORTS_CACHE_DIR"
  local conf="$EXPORTS_CACHE_DIR/containers.conf" runtime="" manager=""
  command -v runc >/dev/null 2>&1 && runtime='runtime = "runc"'
  # Without systemd as init there is no systemd cgroup manager to talk to.
  [ -d /run/systemd/system ] || manager='cgroup_manager = "cgroupfs"'
  printf '[containers]\ndefault_ulimits = []\n\n[engine]\n%s\n%s\n' "$runtime" "$manager" >"$conf.tmp"
  mv "$conf.tmp" "$conf"
  export CONTAINERS_CONF="$conf"
}

# Sets ENGINE, or prints why no engine can run and returns 1.
find_engine() {
  ENGINE=()
  local wanted="${CONTAINER_ENGINE:-}"
  if [ "$wanted" != docker ] && command -v podman >/dev/null 2>&1; then
    podman_conf
    if podman info >/dev/null 2>&1; then ENGINE=(podman); return 0; fi
    ENGINE_SKIP_REASON="podman is installed but 'podman info' fails: $(podman info 2>&1 | tail -1)"
    [ "$wanted" = podman ] && return 1
  fi
  if [ "$wanted" != podman ] && command -v docker >/dev/null 2>&1; then
    if docker info >/dev/null 2>&1; then ENGINE=(docker); return 0; fi
    ENGINE_SKIP_REASON="${ENGINE_SKIP_REASON:+$ENGINE_SKIP_REASON; }docker is installed but its engine does not answer"
    return 1
  fi
  ENGINE_SKIP_REASON="${ENGINE_SKIP_REASON:-neither podman nor docker is installed}"
  return 1
}
