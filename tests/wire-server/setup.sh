#!/usr/bin/env bash
# Installs the MongoDB wire-protocol server the store tests start: "CongoDB", the folder dist_ts/congodb of the npm
# package @push.rocks/smartmongo (its full install fails here, so only that folder is unpacked), plus the exact
# packages it imports. Everything goes into tests/wire-server/.cache (git-ignored); a complete install is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${PIPELINESDK_WIRE_SERVER_CACHE:-$here/.cache}"

smartmongo="@push.rocks/smartmongo@2.2.0"
dependencies=(bson@6.10.4 mingo@7.2.7 @push.rocks/smartfs@1.5.0 @push.rocks/smartpath@6.0.0
  @push.rocks/smartpromise@4.2.3 @push.rocks/smartrx@3.0.10)
# The stamp names everything installed, so changing a version above forces a fresh install.
stamp="$smartmongo ${dependencies[*]}"

if [ -f "$cache/.complete" ] && [ "$(cat "$cache/.complete")" = "$stamp" ] && [ -f "$cache/congodb/index.js" ]; then
  exit 0
fi

for tool in node npm tar; do
  command -v "$tool" >/dev/null || { echo "wire-server setup: '$tool' is not installed; the MongoDB store tests need Node.js and npm" >&2; exit 1; }
done

echo "wire-server setup: installing $smartmongo (dist_ts/congodb) and ${dependencies[*]} into $cache"
rm -rf "$cache"
mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The congodb folder is ES modules: the cache's package.json marks it so and holds the exact dependency versions.
cat > "$cache/package.json" <<JSON
{ "name": "pipelinesdk-wire-server", "private": true, "type": "module" }
JSON
(cd "$cache" && npm install --no-audit --no-fund --save-exact --loglevel=error "${dependencies[@]}")

(cd "$work" && npm pack --silent "$smartmongo" >/dev/null)
tar -xzf "$work"/push.rocks-smartmongo-*.tgz -C "$work" package/dist_ts/congodb
mv "$work/package/dist_ts/congodb" "$cache/congodb"
# Loading the entry point proves the folder needs nothing from its package besides the dependencies above.
(cd "$cache" && node --input-type=module -e "await import('./congodb/index.js')") || {
  echo "wire-server setup: congodb does not load with the installed packages; see the error above" >&2
  exit 1
}

echo "$stamp" > "$cache/.complete"
echo "wire-server setup: done"
