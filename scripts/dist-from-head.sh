#!/usr/bin/env bash
# Rebuilds actions/*/dist from a clean clone of HEAD and copies it into this checkout. Use it when other
# people's uncommitted files are in the work tree: a local `npm run build` would bundle them, and CI
# (which builds the committed sources) would then find dist/ stale. Commit the result yourself.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$repo" "$tmp/clone"
(cd "$tmp/clone" && npm ci --no-audit --no-fund > /dev/null && npm run build > /dev/null)
for d in "$tmp"/clone/actions/*/dist; do
  a=$(basename "$(dirname "$d")")
  rm -rf "$repo/actions/$a/dist"
  cp -r "$d" "$repo/actions/$a/dist"
done
echo "actions/*/dist rebuilt from $(git -C "$tmp/clone" rev-parse --short HEAD); review and commit it"
