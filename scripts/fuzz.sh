#!/usr/bin/env bash
# Fuzzes vitrine's parsers and renderers with cargo-fuzz (libFuzzer). Not part of CI or of
# scripts/test.sh: run it by hand.
#
#   bash scripts/fuzz.sh [TARGET] [SECONDS]
#
#   TARGET   frontmatter | dataset | shortcode_chart | numfmt | chart_render | all (default: all,
#            one after another)
#   SECONDS  fuzzing time per target (default: 60); the runs of fuzz/README.md used 1800
#
# Examples: `bash scripts/fuzz.sh` (every target for a minute), `bash scripts/fuzz.sh dataset 1800`.
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz from
# crates.io (`cargo install cargo-fuzz --locked`) when it is missing. The fuzzer runs under
# `nice -n 19` (FUZZ_NICE to change). Before each run the corpus fuzz/corpus/TARGET/ is seeded
# with the site's own files (content/**/*.md, data/*.yaml, tests/fixtures/**); a crash is saved
# in fuzz/artifacts/TARGET/ and the run stops with its input and backtrace. Replay a crash with
# `cd fuzz && cargo +nightly fuzz run -s none TARGET artifacts/TARGET/crash-…`. The log of each
# run, ending with libFuzzer's final stats, is fuzz/logs/TARGET-<UTC time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(frontmatter dataset shortcode_chart numfmt chart_render)
target=${1:-all}
seconds=${2:-60}
nice_level=${FUZZ_NICE:-19}

if [[ $target != all ]] && [[ ! " ${targets[*]} " == *" $target "* ]]; then
    echo "unknown target \`$target\`; the targets are: ${targets[*]}" >&2
    exit 2
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "the nightly toolchain is missing: rustup toolchain install nightly" >&2
    exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# Copies files into a corpus folder, named by content hash (as libFuzzer names its own).
seed() {
    local dir=$1
    shift
    mkdir -p "$dir"
    local f
    for f in "$@"; do
        [[ -f $f ]] || continue
        cp "$f" "$dir/$(sha1sum <"$f" | cut -d' ' -f1)"
    done
}

seed_target() {
    local dir="$root/fuzz/corpus/$1"
    local md yaml
    mapfile -t md < <(find content tests/fixtures examples -name '*.md' 2>/dev/null | sort)
    mapfile -t yaml < <(find data tests/fixtures examples -name '*.yaml' 2>/dev/null | sort)
    case $1 in
        frontmatter) seed "$dir" "${md[@]}" ;;
        dataset) seed "$dir" "${yaml[@]}" ;;
        shortcode_chart) seed "$dir" "${md[@]}" ;;
        # Structured inputs (`arbitrary`): libFuzzer builds its corpus from scratch.
        *) mkdir -p "$dir" ;;
    esac
}

run() {
    local t=$1
    seed_target "$t"
    mkdir -p fuzz/logs
    local dict=()
    [[ -f fuzz/dicts/$t.dict ]] && dict=("-dict=dicts/$t.dict")
    echo "== $t: ${seconds}s"
    # -s none: the code under test is safe Rust, so panics (including overflow checks and debug
    # assertions, which cargo-fuzz turns on) are the findings; AddressSanitizer would halve the speed.
    (cd fuzz && nice -n "$nice_level" cargo +nightly fuzz run -s none "$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}") \
        2>&1 | tee "fuzz/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
}

if [[ $target == all ]]; then
    for t in "${targets[@]}"; do run "$t"; done
else
    run "$target"
fi
