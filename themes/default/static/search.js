// vitrine search: turns the search page's plain list of links into search results.
// Without JavaScript the page keeps its list of every page. With it, this module loads the
// Pagefind bundle from this site (/pagefind/), which searches the index of the page's own
// <html lang>, and shows, for the query in ?q= or in the search box, each result's title
// (linked) and an excerpt with the matched words in <mark>. No inline script or style, no
// innerHTML: the excerpt is rebuilt from text nodes and <mark> elements.
// Needs script-src 'self' 'wasm-unsafe-eval' (Pagefind runs WebAssembly).

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
        await pf.options({ excerptLength: 24 });
        await pf.init();
        return pf;
      });
      pagefind.catch(() => { pagefind = null; });
    }
    return pagefind;
  };

  // Pagefind's excerpt is the page's text with < and > escaped and matches wrapped in <mark>.
  const excerpt = (html) => {
    const p = document.createElement("p");
    p.className = "search-excerpt";
    let marked = false;
    for (const part of html.split(/(<\/?mark>)/)) {
      if (part === "<mark>") { marked = true; continue; }
      if (part === "</mark>") { marked = false; continue; }
      if (!part) continue;
      const text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      if (marked) {
        const mark = document.createElement("mark");
        mark.appendChild(text);
        p.appendChild(mark);
      } else {
        p.appendChild(text);
      }
    }
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
      if (item.excerpt) li.appendChild(excerpt(item.excerpt));
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
      const items = await Promise.all((found ? found.results : []).slice(0, limit).map((r) => r.data()));
      if (mine !== latest) return;
      if (items.length) {
        show(items);
        say(found.results.length === 1 ? "one" : "many", { n: found.results.length, q: query });
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
