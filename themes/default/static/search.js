// vitrine search: turns the search page's plain list of links into search results.
// Without JavaScript the page keeps its list of every page. With it, this module loads the
// Pagefind bundle from this site (/pagefind/), which searches the index of the page's own
// <html lang>, and shows, for the query in ?q= or in the search box, each result's title
// (linked) and an excerpt of its text with the typed words in <mark>. No inline script or style, no
// innerHTML: the excerpt is rebuilt from text nodes and <mark> elements.
// Needs script-src 'self' 'wasm-unsafe-eval' (Pagefind runs WebAssembly).
//
// Pagefind alone answers a word it does not know with the pages of the other words, or of a
// shorter prefix (著作权 would search 权). So Pagefind's results are only candidates: a page is
// shown only if its indexed text holds every word the reader typed, as typed (ignoring case
// and Pagefind's segmentation marks), and its excerpt is cut around the first of them.

const form = document.querySelector('form[role="search"]');
const input = document.getElementById("q");
const results = document.getElementById("search-results");
const status = document.getElementById("search-status");

if (form && input && results) {
  const bundle = new URL(results.dataset.bundle || "/pagefind/", document.baseURI);
  const limit = Number(results.dataset.limit) || 50;
  const fallback = Array.from(results.childNodes);
  let pagefind = null;
  let latest = 0;
  let timer = 0;

  const say = (key, values) => {
    if (!status) return;
    let text = status.dataset[key] || "";
    for (const [name, value] of Object.entries(values || {})) text = text.split(`{${name}}`).join(String(value));
    status.textContent = text;
  };

  const load = () => {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(async (pf) => {
        // Long pages (the white paper) hold most of what readers look for: a milder length penalty
        // than the default (0.75) keeps them near the top.
        await pf.options({ excerptLength: 24, ranking: { pageLength: 0.25 } });
        await pf.init();
        return pf;
      });
      pagefind.catch(() => { pagefind = null; });
    }
    return pagefind;
  };

  // Pages checked against the query at most; past this the count shows as "500+".
  const MAX_CHECKED = 500;
  const ZWSP = /\u200b/g; // Pagefind marks Chinese word boundaries in page text with U+200B

  // The words of a query: split at spaces, lower-cased; Chinese is kept whole as typed.
  const termsOf = (query) => query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);

  // A page's text ready for matching: without segmentation marks, spaces collapsed, and for
  // each character of the lower-cased text the position it came from (for the excerpt).
  const prepare = (content) => {
    const text = (content || "").replace(ZWSP, "").replace(/\s+/g, " ").trim();
    let lower = "";
    const from = [];
    for (let i = 0; i < text.length; i++) {
      const l = text[i].toLowerCase();
      lower += l;
      for (let k = 0; k < l.length; k++) from.push(i);
    }
    from.push(text.length);
    return { text, lower, from };
  };

  // Text nodes and <mark>s around the first place a term occurs, every term marked.
  const cut = (prepared, terms) => {
    const { text, lower, from } = prepared;
    const spans = [];
    for (const term of terms) {
      let at = lower.indexOf(term);
      while (at !== -1) {
        spans.push([from[at], from[at + term.length]]);
        at = lower.indexOf(term, at + term.length);
      }
    }
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const first = spans.length ? spans[0][0] : 0;
    const start = Math.max(0, first - 40);
    const end = Math.min(text.length, first + 120);
    const p = document.createElement("p");
    p.className = "search-excerpt";
    let pos = start;
    if (start > 0) p.appendChild(document.createTextNode("…"));
    for (const [a, b] of spans) {
      if (a < pos || a >= end) continue;
      if (a > pos) p.appendChild(document.createTextNode(text.slice(pos, a)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(a, b);
      p.appendChild(mark);
      pos = b;
    }
    if (pos < end) p.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  };

  const show = (items) => {
    const list = document.createElement("ol");
    list.className = "search-hits";
    for (const item of items) {
      const li = document.createElement("li");
      const h = document.createElement("h2");
      const a = document.createElement("a");
      a.href = item.url;
      a.textContent = (item.meta && item.meta.title) || item.url;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(item.cut);
      list.appendChild(li);
    }
    results.replaceChildren(list);
  };

  const restore = () => {
    results.replaceChildren(...fallback);
    say("all", {});
  };

  const search = async (raw) => {
    const query = raw.trim();
    const mine = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(history.state, "", url);
    if (!query) { restore(); return; }
    results.setAttribute("aria-busy", "true");
    try {
      const pf = await load();
      const found = await pf.search(query);
      if (mine !== latest) return;
      const terms = termsOf(query);
      const candidates = found ? found.results : [];
      const items = [];
      let count = 0;
      for (let i = 0; i < Math.min(candidates.length, MAX_CHECKED); i += 50) {
        const batch = await Promise.all(candidates.slice(i, i + 50).map((r) => r.data()));
        if (mine !== latest) return;
        for (const item of batch) {
          const prepared = prepare(item.content);
          if (!terms.every((t) => prepared.lower.includes(t))) continue;
          count++;
          if (items.length < limit) items.push({ ...item, cut: cut(prepared, terms) });
        }
      }
      const n = candidates.length > MAX_CHECKED ? `${count}+` : count;
      if (items.length) {
        show(items);
        say(n === 1 ? "one" : "many", { n, q: query });
      } else {
        results.replaceChildren(...fallback); // nothing found: offer the list of every page
        say("none", { q: query });
      }
    } catch (err) {
      if (mine !== latest) return;
      restore();
      say("error", { q: query });
      console.error("search:", err);
    } finally {
      if (mine === latest) results.removeAttribute("aria-busy");
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  input.addEventListener("input", (event) => {
    if (event.isComposing) return; // wait for the Chinese input method to finish the word
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 250);
  });
  input.addEventListener("compositionend", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 250);
  });

  const initial = new URLSearchParams(location.search).get("q") || "";
  if (initial.trim()) {
    input.value = initial;
    search(initial);
  } else {
    // Fetch the bundle while the reader types.
    input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  }
}
