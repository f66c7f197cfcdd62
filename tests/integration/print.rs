//! Printing, as an official prints the white paper for a meeting: headless Chromium prints the
//! example's white paper in each language to PDF (DevTools `Page.printToPDF`, the page's own
//! `@page` size), and poppler reads it back (`pdfinfo`, `pdftotext`): A4 on every page, the
//! site's name, the page's address and the page number on every page, and no heading left at
//! the foot of a page, the table it introduces included. `scripts/setup-test-tools.sh`
//! installs Chromium, chromedriver and poppler-utils.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::browser::{Browser, Files};
use crate::support::Site;

/// Decodes standard base64 (the PDF as DevTools returns it).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Runs a poppler tool; its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}): run `bash scripts/setup-test-tools.sh`"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A heading of the page and, when a table follows it before the next heading, the text of
/// that table's first header cell and first row header.
#[derive(serde::Deserialize, Debug)]
struct Heading {
    text: String,
    table: Option<(String, String)>,
}

const HEADINGS: &str = r#"
const out = [];
for (const h of document.querySelectorAll("main h1, main h2, main h3")) {
  let table = null;
  for (let el = h.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
    // A table of the text (a figure's own data table is not printed).
    const t = el.matches("table") ? el : el.matches(".table-wrap") ? el.querySelector("table") : null;
    if (t && t.tHead && t.tBodies[0] && t.tBodies[0].rows[0]) {
      table = [t.tHead.rows[0].cells[0].textContent.trim(), t.tBodies[0].rows[0].cells[0].textContent.trim()];
      break;
    }
  }
  out.push({text: h.textContent.trim(), table});
}
return out;
"#;

/// The lines of a printed page's body: without the margin's head (the site's name) and foot
/// (address, page number), blank lines dropped, spaces squeezed.
fn body_lines<'a>(page: &'a str, site: &str, url: &str) -> Vec<&'a str> {
    page.lines().map(str::trim).filter(|l| !l.is_empty() && *l != site && !l.starts_with(url)).collect()
}

/// Prints `path` of the served site to PDF and checks its pages; returns the page count.
fn print_and_check(browser: &Browser, port: u16, path: &str, dir: &Path) -> usize {
    browser.go(&format!("http://127.0.0.1:{port}{path}"));
    browser.wait_until("return document.readyState === 'complete'", "the page");
    let site_name = browser.eval("return document.documentElement.dataset.printSite").as_str().unwrap().to_string();
    let url = browser.eval("return document.documentElement.dataset.printUrl").as_str().unwrap().to_string();
    assert!(url.starts_with("https://") && url.ends_with(path), "{url}");
    let headings: Vec<Heading> = serde_json::from_value(browser.eval(HEADINGS)).unwrap();
    assert!(headings.iter().any(|h| h.table.is_some()), "{path}: no heading introduces a table");
    // The print control is there for readers with JavaScript.
    assert_eq!(browser.eval("return document.querySelector('.print-control').hidden"), json!(false), "{path}");

    let res = browser.cdp("Page.printToPDF", json!({"preferCSSPageSize": true, "printBackground": true}));
    let data = res["data"].as_str().unwrap_or_else(|| panic!("no PDF: {res}"));
    let pdf = dir.join(format!("{}.pdf", path.trim_matches('/').replace('/', "-")));
    std::fs::write(&pdf, base64(data)).unwrap();

    // A4 on every page: 595 x 842 pt (210 x 297 mm), within a point.
    let info = poppler("pdfinfo", &["-f", "1", "-l", "1000"], &pdf);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 2, "{path}: {pages} pages");
    let sizes: Vec<(f64, f64)> = info
        .lines()
        .filter_map(|l| l.split_once(" size: "))
        .filter(|(k, _)| k.starts_with("Page"))
        .map(|(_, v)| {
            let mut n = v.split_whitespace();
            let w = n.next().unwrap().parse().unwrap();
            n.next();
            (w, n.next().unwrap().parse().unwrap())
        })
        .collect();
    assert_eq!(sizes.len(), pages, "{info}");
    for (i, (w, h)) in sizes.iter().enumerate() {
        assert!((w - 595.28).abs() <= 1.0 && (h - 841.89).abs() <= 1.0, "{path}: page {} is {w} x {h} pt", i + 1);
    }

    let text = poppler("pdftotext", &["-layout"], &pdf);
    let printed: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(printed.len(), pages, "{path}");
    for (i, page) in printed.iter().enumerate() {
        let n = i + 1;
        // The margin: the site's name at the head, the address and "n / pages" at the foot.
        let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.first(), Some(&site_name.as_str()), "{path}: page {n} head:\n{page}");
        let foot = lines.last().unwrap().replace(' ', "");
        assert!(foot.starts_with(&url) && foot.ends_with(&format!("{n}/{pages}")), "{path}: page {n} foot: {foot}");
        // No heading is the last line of a page's body.
        let body = body_lines(page, &site_name, &url);
        let last = body.last().copied().unwrap_or_default();
        for h in &headings {
            assert!(last != h.text, "{path}: heading `{}` stranded at the foot of page {n}", h.text);
        }
    }
    // A heading that introduces a table is printed on the page where the table begins (the
    // table of contents repeats the heading's text: any line of it may be the one).
    for h in headings.iter().filter(|h| h.table.is_some()) {
        let (col, row) = h.table.as_ref().unwrap();
        let together = printed.iter().any(|p| {
            let lines = body_lines(p, &site_name, &url);
            lines.iter().enumerate().filter(|(_, l)| **l == h.text).any(|(at, _)| {
                let header = lines[at..].iter().position(|l| l.starts_with(col.as_str()));
                let first_row = lines[at..].iter().position(|l| l.starts_with(row.as_str()));
                header.is_some() && first_row > header
            })
        });
        assert!(together, "{path}: heading `{}` printed apart from the start of its table ({col} / {row})", h.text);
    }
    pages
}

#[test]
fn the_white_paper_prints_on_a4_with_address_and_page_numbers() {
    let site = Site::example();
    site.build(&[]);
    let public = site.root().join("public");
    let files = Files::serve(TcpListener::bind("127.0.0.1:0").unwrap(), public);
    let browser = Browser::start();
    let dir = tempfile::tempdir().unwrap();
    for path in ["/releases/2022/white-paper/", "/en/releases/2022/white-paper/"] {
        let pages = print_and_check(&browser, files.port, path, dir.path());
        eprintln!("{path}: {pages} A4 pages");
    }
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("aGVsbG8h"), b"hello!");
    assert_eq!(base64("aGk="), b"hi");
}
