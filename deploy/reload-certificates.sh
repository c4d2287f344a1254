#!/bin/sh
# certbot's --deploy-hook: copies the new certificate into deploy/certs, where
# the proxy and coturn read it, and has both load it without dropping calls
# (nginx reloads gracefully; coturn re-reads its certificate on SIGUSR2).
# certbot sets RENEWED_LINEAGE to /etc/letsencrypt/live/<name>.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cp -L "$RENEWED_LINEAGE/fullchain.pem" "$RENEWED_LINEAGE/privkey.pem" "$root/deploy/certs/"
chmod 644 "$root/deploy/certs/fullchain.pem" "$root/deploy/certs/privkey.pem"
cd "$root"
running=$(docker compose ps --status running --services)
if echo "$running" | grep -qx proxy; then docker compose exec -T proxy nginx -s reload; fi
if echo "$running" | grep -qx coturn; then docker compose kill -s SIGUSR2 coturn; fi
