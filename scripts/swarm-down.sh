#!/usr/bin/env bash
# Stops the swarm of scripts/swarm-up.sh and deletes its data. Safe to run when it is not running.
set -uo pipefail
DIR=${COMPOSE4J_SWARM_DIR:-/tmp/compose4j-swarm}
export DOCKER_HOST=unix://$DIR/docker.sock
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ -f "$DIR/dockerd.pid" ]; then
  PID=$(cat "$DIR/dockerd.pid")
  docker swarm leave --force >/dev/null 2>&1
  as_root kill "$PID" 2>/dev/null
  for _ in $(seq 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$PID" 2>/dev/null; then
    echo "swarm-down: dockerd did not stop in 30 s; killing it" >&2
    as_root kill -9 "$PID" 2>/dev/null
  fi
  # containerd-shim processes of the engine's containers go with it
  pkill -f "containerd-shim.*$DIR" 2>/dev/null
fi
# vfs layers can hold read-only bits; unmount anything left under the data root first
grep -o " $DIR/[^ ]*" /proc/mounts 2>/dev/null | sort -r | while read -r m; do as_root umount -l "$m" 2>/dev/null; done
as_root rm -rf "$DIR"
echo "swarm-down: stopped" >&2
exit 0
