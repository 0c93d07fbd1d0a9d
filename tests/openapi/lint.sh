#!/usr/bin/env bash
# Lints the OpenAPI document of a running DonDoc with Redocly's recommended rules; exits non-zero on any error.
# usage: tests/openapi/lint.sh http://127.0.0.1:5080   (or a saved v1.json)
set -euo pipefail
cd "$(dirname "$0")"
source=${1:?usage: lint.sh URL-or-file}
if [[ $source == http* ]]; then
  node fetch.mjs "$source/openapi/v1.json" v1.json
  source=v1.json
fi
[ -x node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --loglevel=error
NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off node_modules/.bin/redocly lint --config redocly.yaml --format=stylish "$source"
