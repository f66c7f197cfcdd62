#!/usr/bin/env bash
# Benchmark: vitrine against Hugo (Debian package) on the same generated corpora, in one run.
#
#   bash scripts/bench.sh                 # 1,000 and 10,000 page pairs, 5 runs each, then the
#                                         # fresh-clone compile time and the binary size
#   RUNS=3 SIZES="1000" FRESH=0 bash scripts/bench.sh
#   bash scripts/bench.sh scale           # on demand, not in CI: 10,000 and 50,000 pairs with and
#                                         # without search, 100,000 without; wall time, peak
#                                         # memory, bytes written (SCALE_SIZES, SCALE_DIR, RUNS)
#   bash scripts/bench.sh fresh           # only the fresh clone: `cargo run -- build` with an
#                                         # empty CARGO_HOME and target folder
#
# Installs what it needs (hugo and GNU time from Debian, as root; Pagefind 1.6's own CLI from
# the npm registry, for the Hugo + Pagefind row), builds vitrine in release mode, generates the
# corpora with ../shared/bench/gen_corpus.py on tmpfs (/dev/shm: disk writes here are erratic),
# and prints medians, ratios against Hugo and Hugo + Pagefind with the targets of issue 20,
# pages per second and peak memory; the repeat build after a one-page edit; the fresh clone.
# Also times 1,000 charts and the bundled example site.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
gen="${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}"
work="${BENCH_DIR:-/dev/shm/vitrine-bench}"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-5}"

need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "bench: please install ${need[*]} (Debian packages)" >&2; exit 1
  fi
fi
[ -f "$gen" ] || { echo "bench: corpus generator not found at $gen (set GEN_CORPUS)" >&2; exit 1; }

# A fresh clone of this repository built and run as a new user does (the README's first command),
# with an empty cargo cache: the time to a first site, and the release binary's size.
fresh_clone() {
  local dir
  dir=$(mktemp -d /var/tmp/vitrine-fresh.XXXXXX)
  git clone --quiet "$repo" "$dir/vitrine"
  local start end
  start=$(date +%s)
  (cd "$dir/vitrine" && CARGO_HOME="$dir/cargo-home" CARGO_TARGET_DIR="$dir/target" cargo run --quiet -- build --quiet >/dev/null)
  end=$(date +%s)
  local crates
  crates=$(ls "$dir/target/debug/.fingerprint" | wc -l)
  echo "fresh clone: cargo run -- build with an empty CARGO_HOME: $((end - start)) s ($(( (end - start) / 60 )) min $(( (end - start) % 60 )) s; target < 150 s), $crates compile units"
  rm -rf "$dir"
  local size
  size=$(stat -c %s "$repo/target/release/vitrine")
  echo "release binary: $((size / 1000000)) MB (target < 60 MB)"
}

# Pagefind 1.6's own CLI (the extended build, which segments Chinese), from the npm registry's
# package of the release binary; empty if it cannot be had (the row is then left out).
pagefind_cli() {
  local dir="$work/tools"
  local bin="$dir/package/bin/pagefind_extended"
  if [ ! -x "$bin" ]; then
    mkdir -p "$dir"
    curl -fsSL https://registry.npmjs.org/@pagefind/linux-x64/-/linux-x64-1.6.0.tgz 2>/dev/null | tar -xz -C "$dir" 2>/dev/null || true
  fi
  if [ -x "$bin" ]; then echo "$bin"; else echo "bench: Pagefind's CLI could not be downloaded; the hugo+pagefind row is left out" >&2; fi
}

if [ "${1:-}" = fresh ]; then
  cargo build --release --quiet
  fresh_clone
  exit 0
fi

if [ "${1:-}" = scale ]; then
  # Corpora and output on disk (not tmpfs, whose pages would count against the memory measured):
  # 100,000 pairs take about 1.5 GB of sources and 5.5 GB of output.
  scale_dir="${SCALE_DIR:-/var/tmp/vitrine-scale}"
  mkdir -p "$scale_dir"
  cargo build --release --quiet
  echo "vitrine $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, corpora in $scale_dir"
  # shellcheck disable=SC2086
  exec python3 scripts/bench_scale.py --vitrine "$repo/target/release/vitrine" --gen "$gen" --work "$scale_dir" \
    --runs "${RUNS:-1}" ${SCALE_SIZES:-10000 50000 100000:no-search}
fi

cargo build --release --quiet
cargo build --release --quiet --no-default-features --example chart_bench
mkdir -p "$work"
for n in $sizes; do
  for flavor in vitrine hugo; do
    [ -d "$work/$flavor-$n" ] || python3 "$gen" --pages "$n" --out "$work/$flavor-$n" --flavor "$flavor" >/dev/null
  done
done

echo "vitrine $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(hugo version | cut -d' ' -f1-2), $(nproc) cores"
pf=$(pagefind_cli)
python3 scripts/bench.py --vitrine "$repo/target/release/vitrine" ${pf:+--pagefind "$pf"} --work "$work" --runs "$runs" $sizes
echo
largest="${sizes##* }"
python3 scripts/bench_serve.py --vitrine "$repo/target/release/vitrine" --site "$work/vitrine-$largest" --runs "$runs"
ex_site="$work/example-site"
rm -rf "$ex_site" && mkdir -p "$ex_site" && cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$ex_site/"
echo "example site (white paper, 5 charts):"
python3 scripts/bench_serve.py --vitrine "$repo/target/release/vitrine" --site "$ex_site" --page releases/2022/white-paper --runs "$runs"
echo "charts: $("$repo/target/release/examples/chart_bench" 1000)"
ex_out="$work/example-public"
start=$(date +%s%N)
VITRINE_CACHE_DIR=off "$repo/target/release/vitrine" build --quiet --root "$repo" --out "$ex_out"
echo "example site: built in $(( ($(date +%s%N) - start) / 1000000 )) ms (release binary, output on tmpfs)"
if [ "${FRESH:-1}" != 0 ]; then
  echo
  fresh_clone
fi
