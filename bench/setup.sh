#!/usr/bin/env bash
# Installs the proxies phiwall is measured against (Debian packages), and makes sure none of
# them runs as a service: the benchmark starts each on a loopback port of its own.
set -euo pipefail
pkgs=(squid tinyproxy mitmproxy)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for s in squid tinyproxy; do
  (command -v systemctl >/dev/null && systemctl disable --now "$s" 2>/dev/null) || service "$s" stop 2>/dev/null || true
done
echo "peers ready: $(squid -v | head -1); $(tinyproxy -v 2>&1 | head -1); mitmdump $(mitmdump --version | head -1)"
