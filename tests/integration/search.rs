//! Site search: the Pagefind bundle written by `vitrine build`, the search page that lists
//! every page without JavaScript, and a reader searching in headless Chromium.

use serde_json::Value;

use crate::browser::Browser;
use crate::serve::Server;
use crate::support::{Site, html_lang, main_of};

#[test]
fn build_writes_the_index_and_a_search_page_per_language() {
    let site = Site::example();
    site.build(&[]);
    for f in ["pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json"] {
        assert!(site.exists(f), "{f} missing");
    }
    let entry: Value = serde_json::from_str(&site.read("pagefind/pagefind-entry.json")).unwrap();
    let langs = entry["languages"].as_object().unwrap();
    assert_eq!(langs.keys().collect::<Vec<_>>(), ["en", "zh-hans"], "one index per language");
    for lang in ["en", "zh-hans"] {
        assert!(langs[lang]["page_count"].as_u64().unwrap() >= 5, "{lang}: {}", langs[lang]);
    }

    // Indexed: every page a reader could look for (home pages, release landings, the data
    // catalogue, datasets, the calendar); not the search pages or 404.
    let paper = site.read("releases/2022/white-paper/index.html");
    assert!(paper.contains("<main data-pagefind-body id=main"));
    for page in [
        "index.html",
        "en/index.html",
        "releases/2022/index.html",
        "releases/index.html",
        "data/index.html",
        "en/data/index.html",
        "data/pledge-financing/index.html",
        "releases/calendar/index.html",
    ] {
        assert!(site.read(page).contains("data-pagefind-body"), "{page} is not indexed");
    }
    for page in ["search/index.html", "en/search/index.html", "404.html", "en/404.html"] {
        assert!(!site.read(page).contains("data-pagefind-body"), "{page} is indexed");
    }

    // Without JavaScript the search page lists every page and dataset of its language.
    let zh = site.read("search/index.html");
    assert_eq!(html_lang(&zh), "zh-Hans", "{}", &zh[..200]);
    assert!(zh.contains("<script src=/search.js type=module></script>"));
    let list = main_of(&zh);
    for href in ["/releases/2022/white-paper/", "/releases/2022/", "/data/pledge-financing/"] {
        assert!(list.contains(&format!("href={href}>")), "{href} not listed");
    }
    assert!(!list.contains("href=/en/"), "Chinese list has only Chinese pages");
    let en = site.read("en/search/index.html");
    assert!(main_of(&en).contains("href=/en/releases/2022/white-paper/>"));
    assert!(en.contains("href=/search/ hreflang=zh-Hans"), "the language switch goes to the other search page");
    // Every page links to its language's search page.
    assert!(paper.contains("class=search-link href=/search/>搜索</a>"));
    assert!(site.read("en/index.html").contains("class=search-link href=/en/search/>Search</a>"));
    assert!(site.exists("search.js"));
}

#[test]
fn a_reader_finds_the_white_paper_in_both_languages() {
    let site = Site::example();
    let server = Server::start(&site);
    let browser = Browser::start();
    for (path, query, want) in [
        ("/search/", "质押融资", "/releases/2022/white-paper/"),
        ("/en/search/", "pledge financing", "/en/releases/2022/white-paper/"),
    ] {
        browser.go(&format!("http://127.0.0.1:{}{path}", server.port));
        browser.wait_until("return !!document.getElementById('q')", "the search page");
        let typed = browser.eval(&format!(
            "const q = document.getElementById('q'); q.value = {}; q.form.requestSubmit(); return true",
            Value::from(query)
        ));
        assert_eq!(typed, Value::Bool(true));
        browser.wait_until("return document.querySelectorAll('.search-hits li').length > 0", "search results");
        // Among the first ten: the home page, release landing, data catalogue and dataset pages
        // that quote the figure are indexed too, and rank beside the white paper.
        let hits = browser.eval(
            "return Array.from(document.querySelectorAll('.search-hits li')).slice(0, 10).map(li => [new URL(li.querySelector('a').href).pathname, li.textContent])",
        );
        let hits = hits.as_array().unwrap();
        assert!(hits.iter().any(|h| h[0] == want), "{query}: {want} not among the first results: {hits:?}");
        // Titles and excerpts are in the reader's language, with the words marked.
        let first_text = hits[0][1].as_str().unwrap();
        assert!(!first_text.is_empty());
        let marked =
            browser.eval("return Array.from(document.querySelectorAll('.search-hits mark')).map(m => m.textContent)");
        assert!(!marked.as_array().unwrap().is_empty(), "{query}: no highlighted words");
        let status = browser.eval("return document.getElementById('search-status').textContent");
        assert!(status.as_str().unwrap().contains(query), "{status}");
    }
}

#[test]
fn no_search_leaves_out_the_index_the_page_and_the_link() {
    let site = Site::fixture("basic");
    site.build(&["--no-search"]);
    assert!(!site.exists("pagefind"));
    assert!(!site.exists("search/index.html"));
    assert!(!site.read("index.html").contains("search-link"));
    site.build(&[]);
    assert!(site.exists("pagefind/pagefind.js"));
    assert!(site.read("index.html").contains("class=search-link href=/search/"));
}
