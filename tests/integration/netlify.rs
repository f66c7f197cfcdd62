//! netlify.toml: it parses, publishes what `vitrine build` writes, and its security headers
//! allow every script, style and image the built pages actually use, and nothing more.

use std::path::Path;

use crate::support::Site;

fn netlify() -> toml::Table {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("netlify.toml")).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("netlify.toml does not parse: {e}"))
}

/// The header `name` of the rule for `/*`.
fn header(config: &toml::Table, name: &str) -> String {
    let rules = config["headers"].as_array().expect("[[headers]] rules");
    let all = rules.iter().find(|r| r["for"].as_str() == Some("/*")).expect("a rule for /*");
    all["values"][name].as_str().unwrap_or_else(|| panic!("{name} missing")).to_string()
}

/// The sources a CSP directive allows (falling back to default-src).
fn directive(csp: &str, name: &str) -> Vec<String> {
    let find = |n: &str| {
        csp.split(';').map(str::trim).find_map(|d| {
            let mut parts = d.split_whitespace();
            (parts.next() == Some(n)).then(|| parts.map(String::from).collect::<Vec<_>>())
        })
    };
    find(name).or_else(|| find("default-src")).unwrap_or_default()
}

/// Every value of attribute `attr` on tags named `tag` (minified HTML, quoted or not).
fn attributes<'a>(html: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices(&format!("<{tag}")) {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let open = &html[i..end];
        if let Some(j) = open.find(&format!(" {attr}=")) {
            let v = &open[j + attr.len() + 2..];
            let v = match v.strip_prefix('"') {
                Some(q) => &q[..q.find('"').unwrap_or(q.len())],
                None => &v[..v.find([' ', '>']).unwrap_or(v.len())],
            };
            out.push(v);
        }
    }
    out
}

#[test]
fn netlify_toml_builds_the_site_and_sets_the_headers() {
    let config = netlify();
    let build = config["build"].as_table().unwrap();
    assert_eq!(build["publish"].as_str(), Some("public"));
    assert!(build["command"].as_str().unwrap().contains("build"));
    let toolchain = build["environment"]["RUSTUP_TOOLCHAIN"].as_str().unwrap();
    assert!(toolchain.split('.').count() == 3, "pin an exact Rust release, not {toolchain}");
    assert_eq!(header(&config, "X-Content-Type-Options"), "nosniff");
    assert!(!header(&config, "Referrer-Policy").is_empty());
    assert!(header(&config, "Permissions-Policy").contains("camera=()"));
    let rules = config["headers"].as_array().unwrap();
    let immutable: Vec<&str> = rules
        .iter()
        .filter(|r| r["values"].get("Cache-Control").and_then(|v| v.as_str()).is_some_and(|v| v.contains("immutable")))
        .map(|r| r["for"].as_str().unwrap())
        .collect();
    assert!(immutable.contains(&"/style.*.css"), "{immutable:?}");
    let redirects = config["redirects"].as_array().unwrap();
    assert!(redirects.iter().any(|r| r["to"].as_str() == Some("/404.html") && r["status"].as_integer() == Some(404)));
    assert!(redirects.iter().any(|r| r["to"].as_str() == Some("/en/404.html")));
}

#[test]
fn the_csp_allows_what_every_built_page_uses() {
    let csp = header(&netlify(), "Content-Security-Policy");
    let scripts = directive(&csp, "script-src");
    let styles = directive(&csp, "style-src");
    let images = directive(&csp, "img-src");
    assert!(directive(&csp, "object-src") == ["'none'"], "{csp}");
    assert!(!scripts.iter().any(|s| s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "*"), "{csp}");

    let site = Site::example();
    site.build(&[]);
    let public = site.root().join("public");
    let mut pages = 0;
    let mut external_scripts = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        pages += 1;
        let rel = entry.path().strip_prefix(&public).unwrap().display().to_string();
        let html = std::fs::read_to_string(entry.path()).unwrap();
        // Scripts: only files of this site (script-src 'self'); inline only as data (JSON-LD).
        for (i, _) in html.match_indices("<script") {
            let open = &html[i..i + html[i..].find('>').unwrap()];
            if open.contains("src=") {
                external_scripts += 1;
                let src = attributes(open, "script", "src")[0];
                assert!(src.starts_with('/') && !src.starts_with("//"), "{rel}: script from elsewhere: {src}");
                assert!(scripts.iter().any(|s| s == "'self'"), "{rel}: {src} needs script-src 'self'");
                if src == "/search.js" {
                    assert!(
                        scripts.iter().any(|s| s == "'wasm-unsafe-eval'"),
                        "search runs WebAssembly: script-src needs 'wasm-unsafe-eval'"
                    );
                    let js = std::fs::read_to_string(public.join("search.js")).unwrap();
                    assert!(!js.contains("http://") && !js.contains("https://"), "search.js loads only from this site");
                }
            } else {
                assert!(open.contains("type=application/ld+json"), "{rel}: inline script would be blocked: {open}");
            }
        }
        // No inline styles or event handlers (style-src has no 'unsafe-inline').
        if !styles.iter().any(|s| s == "'unsafe-inline'") {
            assert!(!html.contains("<style"), "{rel}: <style> element");
            assert!(!html.contains(" style="), "{rel}: style attribute");
        }
        for handler in [" onload=", " onclick=", " onerror="] {
            assert!(!html.contains(handler), "{rel}: inline event handler {handler}");
        }
        // Stylesheets and images from this site (or data: images, where allowed).
        let mut sheets = 0;
        for (i, _) in html.match_indices("<link") {
            let open = &html[i..i + html[i..].find('>').unwrap()];
            if open.contains("stylesheet") {
                sheets += 1;
                let href = attributes(open, "link", "href")[0];
                assert!(href.starts_with('/') && !href.starts_with("//"), "{rel}: stylesheet from elsewhere: {href}");
                assert!(styles.iter().any(|s| s == "'self'"), "{rel}: {href} needs style-src 'self'");
            }
        }
        assert_eq!(sheets, 1, "{rel}: one stylesheet");
        for src in attributes(&html, "img", "src") {
            let ok = (src.starts_with('/') && !src.starts_with("//"))
                || (src.starts_with("data:") && images.iter().any(|s| s == "data:"));
            assert!(ok, "{rel}: image the CSP blocks: {src}");
        }
    }
    assert!(pages > 20, "{pages} pages");
    assert!(external_scripts >= 2, "the search pages' script was seen");
}

/// Whether a Netlify header path pattern matches `path`: `*` matches any characters (a
/// splat), `:name` one segment; the rest literally.
fn matches(pattern: &str, path: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') => (0..=s.len()).any(|i| go(&p[1..], &s[i..])),
            Some(b':') => {
                let name_end = p.iter().position(|&c| c == b'/').unwrap_or(p.len());
                let seg_end = s.iter().position(|&c| c == b'/').unwrap_or(s.len());
                seg_end > 0 && go(&p[name_end..], &s[seg_end..])
            }
            Some(&c) => s.first() == Some(&c) && go(&p[1..], &s[1..]),
        }
    }
    go(pattern.as_bytes(), path.as_bytes())
}

/// The header rules of netlify.toml and of a built `_headers` file: (pattern, name, value).
fn rules(public: &Path) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for r in netlify()["headers"].as_array().unwrap() {
        let pattern = r["for"].as_str().unwrap();
        for (name, value) in r["values"].as_table().unwrap() {
            out.push((pattern.to_string(), name.clone(), value.as_str().unwrap().to_string()));
        }
    }
    let text = std::fs::read_to_string(public.join("_headers")).expect("the build writes _headers");
    let mut pattern = None;
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()) {
        if line.starts_with('/') {
            pattern = Some(line.trim().to_string());
        } else {
            let (name, value) = line.trim().split_once(':').expect("`Name: value`");
            out.push((pattern.clone().expect("a path first"), name.trim().to_string(), value.trim().to_string()));
        }
    }
    out
}

#[test]
fn only_the_embed_pages_may_be_framed() {
    let site = Site::example();
    site.build(&[]);
    let public = site.root().join("public");
    let rules = rules(&public);
    let (mut embeds, mut others) = (0, 0);
    for entry in walkdir::WalkDir::new(&public).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.file_name() == "_headers" {
            continue;
        }
        let rel = entry.path().strip_prefix(&public).unwrap().to_str().unwrap().replace('\\', "/");
        // The address a reader asks for: folders for their index.html.
        let url = format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel));
        // Every policy Netlify would send for it (it joins the values of every matching rule).
        let policies: Vec<&str> = rules
            .iter()
            .filter(|(p, name, _)| name.eq_ignore_ascii_case("Content-Security-Policy") && matches(p, &url))
            .map(|(_, _, v)| v.as_str())
            .collect();
        let embed = url.starts_with("/embed/") || url.starts_with("/en/embed/");
        if rel.ends_with(".html") {
            assert!(policies.iter().any(|p| p.contains("default-src 'self'")), "{url}: no site CSP: {policies:?}");
        }
        let frame = policies.iter().filter(|p| p.contains("frame-ancestors")).collect::<Vec<_>>();
        if embed {
            embeds += 1;
            assert!(frame.is_empty(), "{url}: an embed page may be framed, but gets {frame:?}");
        } else {
            others += 1;
            assert!(
                policies.iter().any(|p| p.split(';').any(|d| d.trim() == "frame-ancestors 'none'")),
                "{url}: may be framed by any site: {policies:?}"
            );
        }
    }
    assert!(embeds >= 20 && others > 100, "{embeds} embed files, {others} others");
    assert!(matches("/data/*", "/data/x/") && matches("/data/:id/:year/*", "/data/a/2022/v1.csv"));
    assert!(!matches("/data/*", "/en/data/x/") && !matches("/:id/x", "//x"));
}
