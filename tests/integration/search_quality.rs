//! Search quality on the example, measured in headless Chromium: for a list of intellectual
//! property terms a reader might type (taken from the example's white paper, press releases and
//! datasets, plus a few that are on no page), the search page's results are compared with the
//! pages whose text holds the term. Prints recall and precision per language (run with
//! `--nocapture` to see them) and fails below the targets.
//!
//! A page "holds" a query when its `<main>` text holds every word of the query (split at spaces;
//! a Chinese term is one word), ignoring case and runs of white space. The page text leaves out
//! what the theme keeps out of the index on purpose: download tables with file sizes and
//! checksums and version lists (`data-pagefind-ignore`), navigation, forms and chart SVG (whose
//! text is repeated in the chart's description and data table). Every page but the two search
//! pages counts, indexed or not: a page left out of the index is a miss.

use std::net::TcpListener;
use std::path::Path;

use serde_json::Value;

use crate::browser::{Browser, Files};
use crate::support::Site;

/// Chinese terms: 22 on pages of the example, 3 on none, and one query whose second word is on none.
const ZH: &[&str] = &[
    "知识产权",
    "专利",
    "商标",
    "著作权",
    "质押融资",
    "发明专利",
    "行政裁决",
    "侵权",
    "专利转让",
    "地理标志",
    "行政执法",
    "白皮书",
    "司法保护",
    "刑事打击",
    "维权援助",
    "保护工作站",
    "实用新型",
    "外观设计",
    "结案率",
    "商标注册",
    "调解",
    "海关",
    "集成电路",
    "植物新品种",
    "武汉",
    "专利 集成电路",
];

/// English terms: 15 on pages of the example, 2 on none, and one query whose second word is on none.
const EN: &[&str] = &[
    "patent",
    "trademark",
    "copyright",
    "pledge financing",
    "infringement",
    "invention",
    "administrative ruling",
    "utility model",
    "geographical indication",
    "enforcement",
    "white paper",
    "court",
    "customs",
    "mediation",
    "Wuhan",
    "semiconductor",
    "plant variety",
    "patent semiconductor",
];

/// Lower case, white space collapsed, Pagefind's word marks (U+200B) removed.
fn normal(text: &str) -> String {
    text.replace('\u{200b}', "").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether a page's text holds every word of the query.
fn holds(text: &str, query: &str) -> bool {
    normal(query).split(' ').all(|w| text.contains(w))
}

/// The pages of the built example by language (`true` for English): URL paths, search pages
/// and `noindex` pages (embeds) left out.
fn pages(site: &Site) -> (Vec<String>, Vec<String>) {
    let public = site.root().join("public");
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for entry in walkdir::WalkDir::new(&public).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let rel = entry.path().parent().unwrap().strip_prefix(&public).unwrap();
        let rel = rel.to_string_lossy().replace('\\', "/");
        let url = if rel.is_empty() { "/".to_string() } else { format!("/{rel}/") };
        if url.ends_with("/search/") {
            continue;
        }
        // Pages kept out of search engines (the embed pages) are not searched either.
        if std::fs::read_to_string(entry.path()).unwrap().contains("<meta content=noindex name=robots>") {
            continue;
        }
        if url.starts_with("/en/") { en.push(url) } else { zh.push(url) }
    }
    (zh, en)
}

/// Counts over one language's terms.
#[derive(Default)]
struct Tally {
    found: usize,
    wrong: usize,
    missed: usize,
    /// Results whose excerpt does not show a word of the query.
    blind: Vec<String>,
}

impl Tally {
    fn recall(&self) -> f64 {
        self.found as f64 / (self.found + self.missed).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.wrong).max(1) as f64
    }
}

/// Searches each term on one language's search page and compares with the pages' texts.
fn measure(browser: &Browser, port: u16, search: &str, urls: &[String], terms: &[&str]) -> Tally {
    browser.go(&format!("http://127.0.0.1:{port}{search}"));
    browser.wait_until("return !!document.getElementById('q')", "the search page");
    // The pages' texts, as a reader's browser parses them.
    let started = browser.eval(&format!(
        "window.__texts = null;
         Promise.all({}.map(u => fetch(u).then(r => r.text()).then(h => {{
           const main = new DOMParser().parseFromString(h, 'text/html').querySelector('main');
           if (!main) return '';
           main.querySelectorAll('[data-pagefind-ignore], nav, form, svg, script, style, footer').forEach(e => e.remove());
           return main.textContent;
         }}))).then(t => {{ window.__texts = t; }});
         return true",
        serde_json::to_string(urls).unwrap()
    ));
    assert_eq!(started, Value::Bool(true));
    browser.wait_until("return Array.isArray(window.__texts)", "the pages' texts");
    let texts: Vec<String> =
        browser.eval("return window.__texts").as_array().unwrap().iter().map(|t| normal(t.as_str().unwrap())).collect();
    assert_eq!(texts.len(), urls.len());
    assert!(texts.iter().all(|t| !t.is_empty()), "every page has text in <main>");

    let mut tally = Tally::default();
    println!("{search}: term | pages holding it | results | right");
    for term in terms {
        let want: Vec<&str> =
            urls.iter().zip(&texts).filter(|(_, t)| holds(t, term)).map(|(u, _)| u.as_str()).collect();
        // Submit, then wait for the answer: the status is emptied first so an earlier answer
        // cannot be taken for this one.
        let typed = browser.eval(&format!(
            "document.getElementById('search-status').textContent = '';
             const q = document.getElementById('q'); q.value = {}; q.form.requestSubmit(); return true",
            Value::from(*term)
        ));
        assert_eq!(typed, Value::Bool(true));
        browser.wait_until(
            "return !document.getElementById('search-results').hasAttribute('aria-busy') && document.getElementById('search-status').textContent !== ''",
            &format!("the results for {term}"),
        );
        let status = browser.eval("return document.getElementById('search-status').textContent");
        assert!(status.as_str().unwrap().contains(term), "{term}: {status}");
        let hits = browser.eval(
            "return Array.from(document.querySelectorAll('.search-hits li')).map(li => [new URL(li.querySelector('a').href).pathname, Array.from(li.querySelectorAll('mark')).map(m => m.textContent.toLowerCase())])",
        );
        let hits: Vec<(String, Vec<String>)> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                let marks = h[1].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()).collect();
                (h[0].as_str().unwrap().to_string(), marks)
            })
            .collect();
        assert!(hits.len() < 50, "{term}: more results than one page of them shows");
        let words: Vec<String> = normal(term).split(' ').map(str::to_string).collect();
        for (url, marks) in &hits {
            if !marks.iter().any(|m| words.contains(m)) {
                tally.blind.push(format!("{term}: {url} {marks:?}"));
            }
        }
        let right = hits.iter().filter(|(u, _)| want.contains(&u.as_str())).count();
        tally.found += right;
        tally.wrong += hits.len() - right;
        tally.missed += want.len() - right;
        let missed: Vec<&&str> = want.iter().filter(|u| !hits.iter().any(|(h, _)| h == *u)).collect();
        println!(
            "  {term} | {} | {} | {right}{}",
            want.len(),
            hits.len(),
            if missed.is_empty() { String::new() } else { format!(" (missed {missed:?})") }
        );
    }
    tally
}

#[test]
fn search_finds_every_page_holding_the_term_and_no_other() {
    let site = Site::example();
    site.build(&[]);
    let (zh, en) = pages(&site);
    assert!(zh.len() >= 15 && en.len() >= 15, "{zh:?} {en:?}");
    let files = Files::serve(TcpListener::bind("127.0.0.1:0").unwrap(), site.root().join("public"));
    let browser = Browser::start();
    let zh_tally = measure(&browser, files.port, "/search/", &zh, ZH);
    let en_tally = measure(&browser, files.port, "/en/search/", &en, EN);
    let mut table = String::from("search quality | recall | precision\n");
    for (lang, t) in [("Chinese", &zh_tally), ("English", &en_tally)] {
        table += &format!(
            "{lang} ({} results, {} without the term in the excerpt) | {:.2} | {:.2}\n",
            t.found + t.wrong,
            t.blind.len(),
            t.recall(),
            t.precision()
        );
    }
    print!("{table}");
    // Also kept for the test command to print after the suite (cargo captures test output).
    let _ = std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-quality.txt"), &table);
    for (lang, t) in [("Chinese", &zh_tally), ("English", &en_tally)] {
        assert!(t.recall() >= 0.98, "{lang}: recall {:.3} below 0.98", t.recall());
        assert!(t.precision() >= 0.95, "{lang}: precision {:.3} below 0.95", t.precision());
        assert!(t.blind.is_empty(), "{lang}: excerpts without the term: {:#?}", t.blind);
    }
}
