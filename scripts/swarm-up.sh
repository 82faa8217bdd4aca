#!/usr/bin/env bash
# Starts a throwaway single-node Docker Swarm for the `swarm` test profile, on a private socket.
#
#   scripts/swarm-up.sh          prints the DOCKER_HOST to export (also written to $DIR/env)
#   scripts/swarm-down.sh        stops it and deletes its data
#
# Installs Debian's docker.io (and busybox-static) when no dockerd is on the machine. The engine
# runs without iptables, bridge or overlay storage (what works in containers and sandboxes), and
# the swarm listens on loopback only. No registry is needed: services that use the image
# local/busybox:1 (imported from busybox-static) run real tasks with --resolve-image never.
set -euo pipefail
DIR=${COMPOSE4J_SWARM_DIR:-/tmp/compose4j-swarm}
PORT=${COMPOSE4J_SWARM_PORT:-2397}
export DOCKER_HOST=unix://$DIR/docker.sock

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

install_packages() {
  echo "swarm-up: installing $* (apt-get)" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v dockerd >/dev/null || install_packages docker.io
command -v docker >/dev/null || install_packages docker.io
[ -x /bin/busybox ] || install_packages busybox-static

mkdir -p "$DIR"
if ! docker info >/dev/null 2>&1; then
  echo "swarm-up: starting dockerd on $DOCKER_HOST (log: $DIR/dockerd.log)" >&2
  # The daemon must not inherit the caller's descriptors: under `flock /tmp/swarm.lock ...` it would
  # otherwise hold the lock for as long as it runs.
  (
    for fd in /proc/self/fd/*; do
      n=${fd##*/}
      if [ "$n" -gt 2 ]; then eval "exec $n>&-" 2>/dev/null || true; fi
    done
    as_root setsid nohup dockerd --data-root "$DIR/root" --exec-root "$DIR/exec" --pidfile "$DIR/dockerd.pid" \
      -H "$DOCKER_HOST" --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
      >"$DIR/dockerd.log" 2>&1 </dev/null
  ) >/dev/null 2>&1 </dev/null &
  # (the subshell waits for the daemon: it must not hold the caller's stdout either, or a caller
  # reading this script's output through a pipe, as .ci/run does, would wait for ever)
  for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "swarm-up: dockerd did not start; last log lines:" >&2; tail -20 "$DIR/dockerd.log" >&2; exit 1; }
fi
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
  docker swarm init --advertise-addr 127.0.0.1 --listen-addr "127.0.0.1:$PORT" >/dev/null
fi
if ! docker image inspect local/busybox:1 >/dev/null 2>&1; then
  ROOTFS=$(mktemp -d)
  chmod 755 "$ROOTFS"  # mktemp makes it 0700: the image root would be closed to non-root users
  mkdir -p "$ROOTFS/bin"
  cp /bin/busybox "$ROOTFS/bin/"
  for c in sh sleep echo cat ls wget true env; do ln -s busybox "$ROOTFS/bin/$c"; done
  tar -C "$ROOTFS" -c . | docker import -c 'CMD ["/bin/sleep","3600"]' - local/busybox:1 >/dev/null
  rm -rf "$ROOTFS"
fi
docker node ls >/dev/null
echo "export DOCKER_HOST=$DOCKER_HOST" >"$DIR/env"
echo "swarm-up: swarm active, engine $(docker version --format '{{.Server.Version}}'), image local/busybox:1" >&2
echo "DOCKER_HOST=$DOCKER_HOST"
