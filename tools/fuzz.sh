#!/usr/bin/env bash
# Builds every fuzz target and runs each for N seconds (default 30): `bash tools/fuzz.sh 30`.
# Installs cargo-fuzz when it is missing. cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets this
# stable toolchain accept them. Runs at low priority (nice). Exits non-zero when a target crashes
# (the crashing input is left in fuzz/artifacts/<target>/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: bash tools/fuzz.sh SECONDS [TARGET...]" >&2; exit 2 ;;
esac
shift || true
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
fi

nice cargo fuzz build --fuzz-dir fuzz
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" fuzz/artifacts
  echo "==> fuzz $t for ${seconds}s"
  if ! nice cargo fuzz run --fuzz-dir fuzz "$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 2>"fuzz/artifacts/$t.log"; then
    echo "fuzz target $t failed; see fuzz/artifacts/$t.log and fuzz/artifacts/$t/" >&2
    tail -n 40 "fuzz/artifacts/$t.log" >&2
    status=1
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "fuzz/artifacts/$t.log" | sed "s/^/$t: /" || true
done
exit "$status"
