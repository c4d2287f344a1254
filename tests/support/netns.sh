#!/usr/bin/env bash
# Runs a command inside a fresh, private network namespace:
#
#   bash tests/support/netns.sh npx vitest run --project media
#
# libwebrtc (the WebRTC bots) ignores loopback interfaces when it gathers ICE
# candidates, so the namespace gets a veth pair carrying two loopback-range
# addresses: v0 = 127.0.0.2 (Samplan listens here), v1 = 127.0.0.3. Nothing in
# the namespace can reach any other network, and it vanishes with the command.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

if [[ "${SAMPLAN_NETNS:-}" != "inside" ]]; then
  if ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
    echo "netns.sh needs unshare (util-linux) and ip (iproute2)" >&2
    exit 1
  fi
  # Without root, a user namespace maps us to root inside so we may configure the network.
  userns=()
  if [[ "$(id -u)" != "0" ]]; then userns=(--user --map-root-user); fi
  exec env SAMPLAN_NETNS=inside unshare "${userns[@]}" --net -- bash "$0" "$@"
fi

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 127.0.0.2/32 dev v0
ip addr add 127.0.0.3/32 dev v1
# IPv4 only, so that every ICE candidate is a 127.x address.
for dev in v0 v1; do echo 1 >"/proc/sys/net/ipv6/conf/$dev/disable_ipv6"; done
ip link set v0 up
ip link set v1 up

export SAMPLAN_TEST_HOST=127.0.0.2
exec "$@"
