#!/usr/bin/env bash
# Rebuilds the actions' bundle, dist/actions, from a clean clone of HEAD and copies it into this
# checkout. Use it when other people's uncommitted files are in the work tree: a local `npm run build`
# would bundle them, and CI (which builds the committed sources) would then find dist/ stale.
# Commit the result yourself: git add -A dist/actions (and `git rm -r -q actions/*/dist` once, if the
# old per-action bundles are still tracked).
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$repo" "$tmp/clone"
(cd "$tmp/clone" && node scripts/install.mjs > /dev/null && npm run build > /dev/null)
mkdir -p "$repo/dist"
rm -rf "$repo/dist/actions"
cp -r "$tmp/clone/dist/actions" "$repo/dist/actions"
echo "dist/actions rebuilt from $(git -C "$tmp/clone" rev-parse --short HEAD); review and commit it"
