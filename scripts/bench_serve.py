#!/usr/bin/env python3
"""Edit-to-served time of `vitrine serve` on a corpus: starts the server, appends a sentence to
one page's Markdown several times and measures how long until the server answers with it.
Called by scripts/bench.sh; standard library only.

    python3 scripts/bench_serve.py --vitrine target/release/vitrine --site DIR [--runs 5]
"""
import argparse, glob, os, socket, statistics, subprocess, sys, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vitrine", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--page", help="the page to edit, e.g. releases/2022/white-paper (default: one in the middle)")
    a = ap.parse_args()
    if a.page:
        pages = [f"{a.site}/content/{a.page}.en.md"]
    else:
        pages = sorted(p for p in glob.glob(f"{a.site}/content/*/*.en.md") if not p.endswith("_index.en.md"))
    if not pages or not os.path.exists(pages[0]):
        sys.exit(f"no pages under {a.site}/content")
    page = pages[len(pages) // 2]
    rel = os.path.relpath(page, f"{a.site}/content")[: -len(".en.md")]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/en/{rel}/"
    original = open(page, encoding="utf-8").read()
    # --no-search: the first build is faster; edits never re-index, so the measure is the same.
    server = subprocess.Popen([a.vitrine, "serve", "--no-search", "--port", str(port), "--root", a.site],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.perf_counter()
        while get(url) is None:
            if time.perf_counter() - start > 300 or server.poll() is not None:
                sys.exit("serve did not start")
            time.sleep(0.05)
        first = time.perf_counter() - start
        times = []
        for i in range(a.runs):
            marker = f"Edited while previewing, take {i} {time.time_ns()}."
            with open(page, "w", encoding="utf-8") as f:
                f.write(f"{original}\n{marker}\n")
            t = time.perf_counter()
            while True:
                body = get(url)
                if body and marker in body:
                    break
                if time.perf_counter() - t > 60:
                    sys.exit("the edit was not served within 60 s")
                time.sleep(0.005)
            times.append(time.perf_counter() - t)
            time.sleep(0.3)
        print(f"serve: first build served after {first:.1f} s; one page edited, served after "
              f"{statistics.median(times) * 1000:.0f} ms median of {a.runs} "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; includes the 60 ms "
              f"debounce of file events)")
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait()

if __name__ == "__main__":
    main()
