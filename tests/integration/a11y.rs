//! Accessibility beyond the automated checker (axe finds no violation; these are what it
//! cannot see), in headless Chromium over WebDriver and the DevTools protocol, on every page of
//! the bundled example in both languages and of the `a11y` fixture (a category dataset, a
//! grouped-bar chart, long English labels):
//!
//! - focus-ring contrast at every Tab stop (3:1 against what surrounds the ring, 2 px at least);
//! - no sideways scroll at 320 px, with and without the WCAG 1.4.12 text-spacing overrides,
//!   and no chart text cut at the chart's edge with them;
//! - nothing in `<main>` hidden at 320 px or at 200% zoom that is shown at 1280 px;
//! - chart text at least 12 px at 320 px;
//! - `lang` on every run of Chinese in a page in another language;
//! - table names (accessibility tree), `scope` on header cells, row headers, scrolling
//!   regions focusable and showing that they scroll; disclosures keep their marker;
//! - charts: accessible name = the visible title, description = the SVG's summary, read once;
//! - series apart in greyscale (patterns, or markers, or 3:1 in grey);
//! - links and disclosures with the same name lead to the same place; no two regions share a name;
//! - in forced colours, the current page's menu item is still marked.
//!
//! The checks themselves are in `a11y.js`; this file drives the browser and collects what they
//! find. `scripts/setup-test-tools.sh` installs Chromium and chromedriver.

use std::net::TcpListener;
use std::path::Path;

use serde_json::{Value, json};

use crate::browser::{Browser, Files};
use crate::support::Site;

const CHECKS: &str = include_str!("a11y.js");

/// Most Tab presses on one page (a page with more stops is reported).
const MAX_TAB_STOPS: usize = 250;

/// Every page of a built site: `/…/index.html` as `/…/`, sorted (not the search index).
fn pages(public: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walk(public) {
        let rel = entry.strip_prefix(public).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("pagefind/") {
            continue;
        }
        if let Some(dir) = rel.strip_suffix("index.html") {
            out.push(format!("/{dir}"));
        }
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

/// Sets the window's size in CSS px, its pixel ratio, and whether it is a phone (overlay
/// scrollbars, as phones have).
fn viewport(b: &Browser, width: u32, height: u32, scale: f64, mobile: bool) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}),
    );
}

/// Runs `expr` (a call into `window.vitrineA11y`) and returns its list of problems.
fn run(b: &Browser, expr: &str) -> Vec<String> {
    let v = b.eval(&format!("{CHECKS}\nreturn {expr};"));
    v.as_array()
        .unwrap_or_else(|| panic!("{expr}: no answer: {v}"))
        .iter()
        .map(|p| p.as_str().unwrap_or("?").to_string())
        .collect()
}

/// The accessibility tree's name and description of the `i`-th element matching `selector`.
fn ax(b: &Browser, selector: &str, i: usize) -> (String, String, String) {
    let expr = format!("document.querySelectorAll({})[{i}]", json!(selector));
    let obj = b.cdp("Runtime.evaluate", json!({"expression": expr}));
    let Some(id) = obj["result"]["objectId"].as_str() else { return Default::default() };
    let tree = b.cdp("Accessibility.getPartialAXTree", json!({"objectId": id, "fetchRelatives": false}));
    let node = tree["nodes"].as_array().and_then(|n| n.first()).cloned().unwrap_or(Value::Null);
    let text = |k: &str| node[k]["value"].as_str().unwrap_or_default().to_string();
    (text("role"), text("name"), text("description"))
}

/// Every name, description and text of the page's accessibility tree that holds `needle`.
fn ax_mentions(b: &Browser, needle: &str) -> usize {
    let tree = b.cdp("Accessibility.getFullAXTree", json!({}));
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    nodes
        .iter()
        .filter(|n| !n["ignored"].as_bool().unwrap_or(false))
        .map(|n| {
            ["name", "description"]
                .iter()
                .filter(|k| n[**k]["value"].as_str().is_some_and(|s| s.contains(needle)))
                .count()
        })
        .sum()
}

/// Tabs through the page from the top, checking the focus ring at each stop.
fn tab_stops(b: &Browser) -> (usize, Vec<String>) {
    b.eval("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); return true");
    let mut problems = Vec::new();
    let mut first: Option<String> = None;
    for n in 0..MAX_TAB_STOPS {
        for kind in ["rawKeyDown", "keyUp"] {
            b.cdp(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}),
            );
        }
        let r = b.eval(&format!("{CHECKS}\nreturn window.vitrineA11y.focusRing();"));
        if r["done"].as_bool().unwrap_or(true) && n > 0 {
            return (n, problems);
        }
        let key = r["key"].as_str().unwrap_or_default().to_string();
        if first.as_deref() == Some(key.as_str()) {
            return (n, problems);
        }
        first.get_or_insert(key);
        problems.extend(r["problems"].as_array().into_iter().flatten().map(|p| p.as_str().unwrap_or("?").to_string()));
    }
    problems.push(format!("more than {MAX_TAB_STOPS} Tab stops"));
    (MAX_TAB_STOPS, problems)
}

/// All checks on one page; returns its problems.
fn audit_page(b: &Browser, url: &str) -> Vec<String> {
    let mut found = Vec::new();
    viewport(b, 1280, 900, 1.0, false);
    b.go(url);
    b.eval(&format!("{CHECKS}\nreturn true;"));
    let wide = b.eval(&format!("{CHECKS}\nreturn window.vitrineA11y.seen();"));
    found.extend(run(b, "window.vitrineA11y.langOfParts()"));
    found.extend(run(b, "window.vitrineA11y.tables()"));
    found.extend(run(b, "window.vitrineA11y.links()"));
    found.extend(run(b, "window.vitrineA11y.landmarks()"));
    found.extend(run(b, "window.vitrineA11y.greyscale()"));
    found.extend(run(b, "window.vitrineA11y.chartText(0)"));

    // Names from the accessibility tree: tables and their scrolling regions (disclosures open),
    // charts.
    b.eval(&format!("{CHECKS}\nreturn window.vitrineA11y.disclose(true);"));
    let tables = b.eval("return document.querySelectorAll('main table').length").as_u64().unwrap_or(0) as usize;
    for i in 0..tables {
        let (role, name, _) = ax(b, "main table", i);
        if name.trim().is_empty() {
            found.push(format!("table {} ({role}) has no accessible name", i + 1));
        }
    }
    let regions = b.eval("return document.querySelectorAll('main .table-wrap').length").as_u64().unwrap_or(0) as usize;
    for i in 0..regions {
        let (role, name, _) = ax(b, "main .table-wrap", i);
        if role != "region" || name.trim().is_empty() {
            found
                .push(format!("scrolling table region {} is not a named region (role {role:?}, name {name:?})", i + 1));
        }
    }
    b.eval(&format!("{CHECKS}\nreturn window.vitrineA11y.disclose(false);"));
    let charts = b.eval(&format!("{CHECKS}\nreturn window.vitrineA11y.charts();"));
    let charts = charts.as_array().cloned().unwrap_or_default();
    let opening = |c: &Value| c["desc"].as_str().unwrap_or_default().chars().take(40).collect::<String>();
    for (i, c) in charts.iter().enumerate() {
        let (role, name, description) = ax(b, "main svg[role=img]", i);
        let title = c["title"].as_str().unwrap_or_default();
        let desc = c["desc"].as_str().unwrap_or_default();
        if c["captionHidden"].as_bool().unwrap_or(false) {
            found.push(format!("chart {:?}: the title is shown only inside the SVG", title));
        }
        if role != "image" || name != title {
            found.push(format!(
                "chart {}: accessible name {name:?} (role {role}), not its visible title {title:?}",
                i + 1
            ));
        }
        if description != desc || desc.is_empty() {
            found.push(format!("chart {title:?}: description {description:?}, not its summary {desc:?}"));
        }
        // Read once: the summary's opening is nowhere else in the tree (but in charts of the
        // same figures on the same page).
        let opening = opening(c);
        let same = charts.iter().filter(|o| o["desc"].as_str().unwrap_or_default().starts_with(&opening)).count();
        let mentions = ax_mentions(b, &opening);
        if !opening.is_empty() && mentions != same {
            found.push(format!("chart {title:?}: its description is read {mentions} times"));
        }
    }

    // Forced colours.
    b.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "forced-colors", "value": "active"}]}));
    found.extend(run(b, "window.vitrineA11y.currentMarker()"));
    b.cdp("Emulation.setEmulatedMedia", json!({"features": []}));

    // Keyboard.
    let (_, focus) = tab_stops(b);
    found.extend(focus);

    // A 320 px phone, then with text spacing.
    viewport(b, 320, 640, 2.0, true);
    found.extend(run(b, "window.vitrineA11y.noSidewaysScroll('at 320 px')"));
    found.extend(run(b, &format!("window.vitrineA11y.stillSeen({wide}, 'at 320 px')")));
    found.extend(run(b, "window.vitrineA11y.chartText(12)"));
    b.eval(&format!("{CHECKS}\nwindow.vitrineA11y.textSpacing(true); return true;"));
    found.extend(run(b, "window.vitrineA11y.noSidewaysScroll('at 320 px with text spacing')"));
    found.extend(run(b, "window.vitrineA11y.chartText(0)"));
    b.eval(&format!("{CHECKS}\nwindow.vitrineA11y.textSpacing(false); return true;"));

    // 200% zoom of a 1280 px window: 640 CSS px at twice the pixels.
    viewport(b, 640, 450, 2.0, false);
    found.extend(run(b, "window.vitrineA11y.noSidewaysScroll('at 200% zoom')"));
    found.extend(run(b, &format!("window.vitrineA11y.stillSeen({wide}, 'at 200% zoom')")));
    found.into_iter().map(|p| format!("{url}: {p}")).collect()
}

/// Builds `site`, serves it, and audits every page.
fn audit(site: &Site) -> Vec<String> {
    site.build(&[]);
    let public = site.root().join("public");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let files = Files::serve(listener, public.clone());
    let browser = Browser::start();
    let mut found = Vec::new();
    let pages = pages(&public);
    assert!(pages.len() > 4, "{pages:?}");
    for page in &pages {
        found.extend(audit_page(&browser, &format!("http://127.0.0.1:{}{page}", files.port)));
    }
    found
}

#[test]
fn the_example_is_accessible_beyond_axe() {
    let found = audit(&Site::example());
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
}

#[test]
fn charts_tables_and_long_labels_are_accessible_beyond_axe() {
    let found = audit(&Site::fixture("a11y"));
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
}
