#!/usr/bin/env python3
"""Scale benchmark: cold builds of large generated corpora, with and without search, printing
wall time, peak memory (GNU time) and bytes written. Called by `scripts/bench.sh scale`;
standard library only.

  bench_scale.py --vitrine BIN --gen GEN --work DIR [--runs N] 10000 50000 100000:no-search

A size followed by `:no-search` is built without search only."""
import argparse, os, shutil, statistics, subprocess, sys, time


def build(vitrine, site, out, search):
    """Wall time (s), peak RSS (MiB) and bytes written of one cold build (output removed first)."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = ["/usr/bin/time", "-f", "%M", vitrine, "build", "--quiet", "--out", out]
    if not search:
        cmd.append("--no-search")
    start = time.perf_counter()
    # Cold: no cache of an earlier build (see src/cache.rs).
    env = dict(os.environ, VITRINE_CACHE_DIR="off")
    p = subprocess.run(cmd, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    peak = int(p.stderr.strip().splitlines()[-1]) / 1024
    written = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    return wall, peak, written


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vitrine", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("sizes", nargs="+")
    a = ap.parse_args()
    rows = []
    for spec in a.sizes:
        n, _, only = spec.partition(":")
        n = int(n)
        site = f"{a.work}/vitrine-{n}"
        if not os.path.isdir(site):
            subprocess.run([sys.executable, a.gen, "--pages", str(n), "--out", site, "--flavor", "vitrine"],
                           check=True, stdout=subprocess.DEVNULL)
        for search in ([False] if only == "no-search" else [False, True]):
            out = f"{a.work}/out-{n}"
            res = [build(a.vitrine, site, out, search) for _ in range(a.runs)]
            shutil.rmtree(out, ignore_errors=True)
            wall = statistics.median(r[0] for r in res)
            peak = max(r[1] for r in res)
            written = res[-1][2]
            rows.append((n, "search" if search else "no-search", wall, peak, written))
            print(f"  {n} pairs, {rows[-1][1]}: {wall:.1f} s, {peak:.0f} MiB peak, {written / 1e9:.2f} GB written",
                  file=sys.stderr, flush=True)
    print(f"\n| pairs | build | wall (median of {a.runs}) | peak memory | written |")
    print("|---:|---|---:|---:|---:|")
    for n, mode, wall, peak, written in rows:
        mem = f"{peak / 1024:.2f} GiB" if peak >= 1024 else f"{peak:.0f} MiB"
        print(f"| {n:,} | {mode} | {wall:.1f} s | {mem} | {written / 1e9:.2f} GB |")


if __name__ == "__main__":
    main()
