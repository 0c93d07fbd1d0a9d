#!/usr/bin/env bash
# Regenerates the committed client from the OpenAPI document of a running DonDoc:
#   openapi/v1.json   the document (its server URL set to http://localhost:5080, the README's address)
#   Generated/        the C# client Kiota writes from it (dotnet-tools.json pins Kiota 1.38.0)
# usage: tests/DonDoc.Api.Tests/generate.sh http://127.0.0.1:5080
# CI runs it against the Release build and fails if the result differs from what is committed.
set -euo pipefail
cd "$(dirname "$0")"
url=${1:?usage: generate.sh URL-of-a-running-DonDoc}
mkdir -p openapi
node ../openapi/fetch.mjs "$url/openapi/v1.json" openapi/live.json
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync("openapi/live.json", "utf8"));
  doc.servers = [{ ...doc.servers[0], url: "http://localhost:5080" }];
  fs.writeFileSync("openapi/v1.json", JSON.stringify(doc, null, 2) + "\n");'
rm openapi/live.json
export KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
# Multipart first: progress, completion and the checklist take evidence files; everything else is JSON.
dotnet kiota generate --language CSharp --openapi openapi/v1.json --output Generated \
  --class-name DonDocClient --namespace-name DonDoc.Api.Client --exclude-backward-compatible --clean-output \
  --structured-mime-types "multipart/form-data" --structured-mime-types "application/json;q=0.9" --structured-mime-types "text/plain;q=0.5" \
  --log-level Warning
