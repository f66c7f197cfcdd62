#!/usr/bin/env python3
"""Runs vitrine and Hugo alternately on the same corpora and prints medians, the ratio,
pages per second and peak memory. Called by scripts/bench.sh; standard library only."""
import argparse, os, shutil, statistics, subprocess, sys, time

def run(cmd, cwd):
    """Wall time in seconds and peak RSS in MiB of one cold build (output removed first)."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return wall, rss_kib / 1024

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vitrine", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("sizes", nargs="+", type=int)
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        vdir, hdir = f"{a.work}/vitrine-{n}", f"{a.work}/hugo-{n}"
        vout, hout = f"{a.work}/out-vitrine-{n}", f"{a.work}/out-hugo-{n}"
        # "vitrine" builds the site as published, search index included; "no-search" leaves the
        # index out, like for like with Hugo, which builds none.
        tools = {
            "vitrine": ([a.vitrine, "build", "--quiet", "--out", vout], vdir, vout),
            "no-search": ([a.vitrine, "build", "--quiet", "--no-search", "--out", vout + "-ns"], vdir, vout + "-ns"),
            "hugo": (["hugo", "--quiet", "--destination", hout], hdir, hout),
        }
        res = {name: [] for name in tools}
        for i in range(a.runs + 1):  # the first round warms the page cache and is dropped
            for name, (cmd, cwd, out) in tools.items():
                shutil.rmtree(out, ignore_errors=True)
                r = run(cmd, cwd)
                if i > 0:
                    res[name].append(r)
        pages = sum(1 for _, _, fs in os.walk(vout) for f in fs if f.endswith(".html"))
        hpages = sum(1 for _, _, fs in os.walk(hout) for f in fs if f.endswith(".html"))
        med = {k: (statistics.median(w for w, _ in v), max(m for _, m in v)) for k, v in res.items()}
        rows.append((n, pages, hpages, med))
    print(f"\n{'pairs':>7} {'tool':>9} {'median s':>9} {'pages':>7} {'pages/s':>9} {'peak MiB':>9}")
    for n, pages, hpages, med in rows:
        for name, count in (("vitrine", pages), ("no-search", pages - 2), ("hugo", hpages)):
            w, m = med[name]
            print(f"{n:>7} {name:>9} {w:>9.2f} {count:>7} {count / w:>9.0f} {m:>9.0f}")
        for name in ("vitrine", "no-search"):
            rw = med[name][0] / med["hugo"][0]
            rm = med[name][1] / med["hugo"][1]
            print(f"{n:>7} {'ratio':>9} {rw:>9.2f}  ({name}/Hugo wall time; memory ratio {rm:.2f})")
    if len(rows) >= 2:
        (n1, _, _, m1), (n2, _, _, m2) = rows[0], rows[-1]
        for name in ("vitrine", "no-search"):
            print(f"\nscaling ({name}): {n2} pairs take {m2[name][0] / m1[name][0]:.1f}x the time of {n1} pairs "
                  f"(linear would be {n2 / n1:.0f}x)")

if __name__ == "__main__":
    main()
