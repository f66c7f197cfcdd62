#!/usr/bin/env python3
"""Runs vitrine and Hugo alternately on the same corpora and prints medians, the ratio,
pages per second and peak memory. Called by scripts/bench.sh; standard library only.

Rows, per corpus size:
  vitrine          cold build as published (search index included), no cache of an earlier build
  no-search        cold build without the search index, like for like with Hugo
  repeat           the build after a one-page edit, with the cache of the build before it
                   (search records and finished pages, src/cache.rs)
  hugo             Hugo (builds no search index)
  hugo+pagefind    Hugo, then Pagefind's own CLI on its output: what a Hugo site with search runs
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

COLD = dict(os.environ, VITRINE_CACHE_DIR="off")

def run(cmd, cwd, env=COLD):
    """Wall time in seconds and peak RSS in MiB of one build."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    rss_kib = int(p.stderr.strip().splitlines()[-1])
    return wall, rss_kib / 1024

def chain(*steps):
    """Runs (cmd, cwd) steps one after another: summed wall time, largest peak."""
    results = [run(cmd, cwd) for cmd, cwd in steps]
    return sum(w for w, _ in results), max(m for _, m in results)

def edited_page(site):
    """A page of the corpus to edit for the repeat build: the first Chinese page by name."""
    for d, dirs, files in sorted(os.walk(os.path.join(site, "content"))):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".zh.md") and not f.startswith("_index"):
                return os.path.join(d, f)
    sys.exit(f"no page to edit in {site}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vitrine", required=True)
    ap.add_argument("--pagefind", help="Pagefind's CLI, for the hugo+pagefind row")
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("sizes", nargs="+", type=int)
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        vdir, hdir = f"{a.work}/vitrine-{n}", f"{a.work}/hugo-{n}"
        vout, hout = f"{a.work}/out-vitrine-{n}", f"{a.work}/out-hugo-{n}"
        rdir, rout = f"{a.work}/repeat-{n}", f"{a.work}/out-repeat-{n}"
        cache = tempfile.mkdtemp(prefix="vitrine-cache-", dir=a.work)
        shutil.rmtree(rdir, ignore_errors=True)
        shutil.copytree(vdir, rdir)
        page = edited_page(rdir)
        warm = dict(os.environ, VITRINE_CACHE_DIR=cache)
        # The repeat build's cache starts from a build of the unedited site.
        run([a.vitrine, "build", "--quiet", "--out", rout], rdir, warm)
        tools = {
            "vitrine": lambda: run([a.vitrine, "build", "--quiet", "--out", vout], vdir),
            "no-search": lambda: run([a.vitrine, "build", "--quiet", "--no-search", "--out", vout + "-ns"], vdir),
            "hugo": lambda: run(["hugo", "--quiet", "--destination", hout], hdir),
        }
        if a.pagefind:
            tools["hugo+pagefind"] = lambda: chain(
                (["hugo", "--quiet", "--destination", hout + "-pf"], hdir),
                ([a.pagefind, "--site", hout + "-pf", "--silent"], hdir))
        edits = [0]
        def repeat():
            # One page edited (a sentence added, a different one each time), then built with the
            # cache of the build before.
            edits[0] += 1
            with open(page, "a", encoding="utf-8") as f:
                f.write(f"\n\n本段为基准测试第{edits[0]}次修改。\n")
            return run([a.vitrine, "build", "--quiet", "--out", rout], rdir, warm)
        tools["repeat"] = repeat
        # Each cold build starts without its output folder; the repeat build keeps its own.
        outs = {"vitrine": vout, "no-search": vout + "-ns", "hugo": hout, "hugo+pagefind": hout + "-pf"}
        res = {name: [] for name in tools}
        for i in range(a.runs + 1):  # the first round warms the page cache and is dropped
            for name, build in tools.items():
                if name in outs:
                    shutil.rmtree(outs[name], ignore_errors=True)
                r = build()
                if i > 0:
                    res[name].append(r)
        pages = sum(1 for _, _, fs in os.walk(vout) for f in fs if f.endswith(".html"))
        hpages = sum(1 for _, _, fs in os.walk(hout) for f in fs if f.endswith(".html"))
        med = {k: (statistics.median(w for w, _ in v), max(m for _, m in v)) for k, v in res.items()}
        rows.append((n, pages, hpages, med))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(rdir, ignore_errors=True)
    print(f"\n{'pairs':>7} {'tool':>13} {'median s':>9} {'pages':>7} {'pages/s':>9} {'peak MiB':>9}")
    for n, pages, hpages, med in rows:
        counts = {"vitrine": pages, "no-search": pages - 2, "repeat": pages, "hugo": hpages, "hugo+pagefind": hpages}
        for name in med:
            w, m = med[name]
            print(f"{n:>7} {name:>13} {w:>9.2f} {counts[name]:>7} {counts[name] / w:>9.0f} {m:>9.0f}")
    print("\nratios (wall time; memory in brackets) and the issue's targets:")
    for n, pages, hpages, med in rows:
        def ratio(a_, b_, target=None, mem=True):
            if a_ not in med or b_ not in med:
                return
            rw = med[a_][0] / med[b_][0]
            rm = med[a_][1] / med[b_][1]
            t = "" if target is None else f"  target <= {target}: {'met' if rw <= target else 'missed'}"
            m = f" (memory {rm:.2f})" if mem else ""
            print(f"{n:>7} {a_ + ' / ' + b_:>27} {rw:>6.2f}{m}{t}")
        ratio("vitrine", "hugo+pagefind", 0.3)
        ratio("vitrine", "hugo", 1.2)
        ratio("no-search", "hugo", 0.3)
        ratio("repeat", "vitrine", 0.2, mem=False)
        if "vitrine" in med and "hugo" in med:
            rm = med["vitrine"][1] / med["hugo"][1]
            print(f"{n:>7} {'vitrine memory / hugo':>27} {rm:>6.2f}  target <= 0.6: {'met' if rm <= 0.6 else 'missed'}")
    if len(rows) >= 2:
        (n1, _, _, m1), (n2, _, _, m2) = rows[0], rows[-1]
        for name in ("vitrine", "no-search"):
            print(f"\nscaling ({name}): {n2} pairs take {m2[name][0] / m1[name][0]:.1f}x the time of {n1} pairs "
                  f"(linear would be {n2 / n1:.0f}x)")

if __name__ == "__main__":
    main()
