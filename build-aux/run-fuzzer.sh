#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: run-fuzzer.sh FUZZER SEEDS SECONDS [MORE_SEEDS...]
# Runs a libFuzzer target for SECONDS from the seed corpus SEEDS (and any
# further seed folders), writing what it finds to a temporary folder so
# the source tree stays as it is.  A crash leaves its input in the
# current folder (crash-*) and fails with status 1 (libFuzzer's own 77
# would read as "skipped" to meson).
set -eu
fuzzer=$1
seeds=$2
seconds=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -error_exitcode=1 -print_final_stats=1 "$work" "$seeds" "$@"
