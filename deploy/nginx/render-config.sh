#!/bin/sh
# Prints the nginx configuration TEMPLATE with its placeholders (a NAME in
# braces after a dollar sign) filled in from the environment, and fails
# naming every one that is unset.
# The proxy's image runs it at start; the HTTPS test runs it on the same file.
#   render-config.sh deploy/nginx/samplan.conf > samplan.rendered.conf
set -eu
template=$1
names=$(grep -o '\${[A-Z_]*}' "$template" | sort -u)
missing=""
for placeholder in $names; do
  name=${placeholder#??}
  name=${name%?}
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "nginx configuration: set these environment variables:$missing" >&2
  exit 1
fi
envsubst "$(echo $names)" <"$template"
