//! Headless Chromium (Debian's chromium + chromedriver, over WebDriver) sees what a reader
//! sees: a page that reloads by itself after an edit, the error overlay that appears on a
//! broken file and clears when it is fixed, and hostile text that stays text (no dialog, no
//! injected script). `scripts/setup-test-tools.sh` installs both.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::serve::{Server, free_port};
use crate::support::Site;

/// A chromedriver process with one headless Chromium session.
pub(crate) struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(self.port, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// One HTTP/1.1 request to chromedriver; returns the JSON body.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Option<Value> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(60))).ok()?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    // chromedriver keeps connections open: read the head, then exactly Content-Length bytes.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let (head_len, length) = loop {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            break (i + 4, length);
        }
    };
    while buf.len() < head_len + length {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_len..]).to_string();
    serde_json::from_str(&body).ok()
}

impl Browser {
    pub(crate) fn start() -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver not found: run `bash scripts/setup-test-tools.sh`");
        let start = Instant::now();
        while request(port, "GET", "/status", None).is_none() {
            assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        // Dialogs stay open (rather than being dismissed by the next command), so a test can see them.
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "unhandledPromptBehavior": "ignore", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.path().display())]
        }}}});
        let res = request(port, "POST", "/session", Some(&caps)).expect("no answer to new session");
        let session = res["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {res}")).to_string();
        Browser { driver, port, session, _profile: profile }
    }

    pub(crate) fn go(&self, url: &str) {
        request(self.port, "POST", &format!("/session/{}/url", self.session), Some(&json!({"url": url}))).unwrap();
    }

    /// The text of the open alert, confirm or prompt, if there is one.
    fn dialog(&self) -> Option<String> {
        let res = request(self.port, "GET", &format!("/session/{}/alert/text", self.session), None)
            .expect("no answer from chromedriver");
        match res["value"]["error"].as_str() {
            Some("no such alert") => None,
            Some(other) => panic!("unexpected answer to alert/text: {other}: {res}"),
            None => Some(res["value"].as_str().unwrap_or_default().to_string()),
        }
    }

    fn dismiss_dialog(&self) {
        request(self.port, "POST", &format!("/session/{}/alert/dismiss", self.session), Some(&json!({}))).unwrap();
    }

    pub(crate) fn eval(&self, script: &str) -> Value {
        let res = request(
            self.port,
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(&json!({"script": script, "args": []})),
        )
        .unwrap_or(Value::Null);
        res["value"].clone()
    }

    /// One Chrome DevTools Protocol command (chromedriver's `goog/cdp/execute`), for what
    /// WebDriver cannot do: viewport and media emulation, key events, the accessibility tree.
    pub(crate) fn cdp(&self, cmd: &str, params: Value) -> Value {
        let res = request(
            self.port,
            "POST",
            &format!("/session/{}/goog/cdp/execute", self.session),
            Some(&json!({"cmd": cmd, "params": params})),
        )
        .unwrap_or(Value::Null);
        res["value"].clone()
    }

    /// Polls a script until it returns true.
    pub(crate) fn wait_until(&self, script: &str, what: &str) -> Duration {
        let start = Instant::now();
        loop {
            if self.eval(script) == Value::Bool(true) {
                return start.elapsed();
            }
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn the_page_reloads_itself_and_shows_build_errors() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let browser = Browser::start();
    browser.go(&format!("http://127.0.0.1:{}/notes/public/", server.port));
    browser.wait_until("return document.querySelector('h1').textContent === '已发布'", "the page");
    // Wait for the reload stream to connect, then mark this page instance.
    browser.wait_until("return window.__vitrineGen !== undefined", "the reload stream");
    browser.eval("window.__marker = 'old'; return true");

    site.write("content/notes/public.zh.md", "---\ntitle: 自动刷新\n---\n\n新内容。\n");
    let took = browser.wait_until(
        "return window.__marker === undefined && document.querySelector('h1').textContent === '自动刷新'",
        "the page to reload with the edit",
    );
    eprintln!("edit to reload in the browser: {took:?}");

    // A broken file: the overlay appears over the last good page.
    browser.wait_until("return window.__vitrineGen !== undefined", "the reload stream");
    site.write("content/notes/public.zh.md", "---\ntitle： 坏\n---\n");
    browser.wait_until(
        "var o = document.getElementById('vitrine-error'); return !!o && o.textContent.includes('full-width colon')",
        "the error overlay",
    );
    assert_eq!(browser.eval("return document.querySelector('h1').textContent"), json!("自动刷新"));
    // The source line is shown whole, the offending text marked (no caret line to wrap).
    let mark = browser.eval("return document.querySelector('#vitrine-error pre mark').textContent");
    assert_eq!(mark, json!("："));

    // Closed, it stays closed; the next error brings it back.
    browser.eval("document.querySelector('#vitrine-error .ve-close').click(); return true");
    browser.wait_until("return !document.getElementById('vitrine-error')", "the overlay to close");
    site.write(
        "content/notes/public.zh.md",
        "---
title: [坏
---
",
    );
    browser.wait_until(
        "var o = document.getElementById('vitrine-error'); return !!o && o.textContent.includes('is not closed')",
        "the overlay to come back with the next error",
    );

    // Fixed: the overlay goes and the page reloads.
    site.write("content/notes/public.zh.md", "---\ntitle: 修好了\n---\n");
    browser.wait_until(
        "return !document.getElementById('vitrine-error') && document.querySelector('h1').textContent === '修好了'",
        "the overlay to clear",
    );
}

/// Text that would run as script if it reached the page unescaped.
const HOSTILE: [&str; 6] = [
    "</script><script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "\"><script>window.__pwned=1</script>",
    "{{ 7*7 }}",
    "\u{202e}evil",
];

/// Every hostile string in one, as a YAML double-quoted scalar (JSON is YAML).
fn yaml_all() -> String {
    serde_json::to_string(&HOSTILE.concat()).unwrap()
}

/// The basic fixture with the hostile strings in a page's front matter and text and in every
/// text field of the datasets (title, series label, notes, source name, a category's key and
/// label).
fn hostile_site() -> Site {
    let site = Site::fixture("basic");
    let all = yaml_all();
    let grants = std::fs::read_to_string(site.root().join("data/grants.yaml")).unwrap();
    let grants = grants
        .replace("title: {zh: 专利授权量, en: Patents granted}", &format!("title: {{zh: {all}, en: {all}}}"))
        .replace("label: {zh: 发明专利, en: Invention patents}", &format!("label: {{zh: {all}, en: {all}}}"))
        .replace("name: {zh: 测试局, en: Test Office}", &format!("name: {{zh: {all}, en: {all}}}"));
    site.write("data/grants.yaml", format!("{grants}notes: {{zh: {all}, en: {all}}}\n"));
    let channels = std::fs::read_to_string(site.root().join("data/channels.yaml")).unwrap();
    let channels = channels
        .replace("wuhan: {zh: 武汉, en: Wuhan}", &format!("{all}: {{zh: {all}, en: {all}}}"))
        .replace("{city: wuhan,", &format!("{{city: {all},"));
    site.write("data/channels.yaml", channels);
    // In the text, each string escaped for Markdown, so the author means it as text. (Raw
    // HTML in Markdown is passed through on purpose: authors are trusted staff.)
    let escaped = |s: &str| {
        s.chars().map(|c| if c.is_ascii_punctuation() { format!("\\{c}") } else { c.to_string() }).collect::<String>()
    };
    let text: Vec<String> = HOSTILE.iter().map(|s| escaped(s)).collect();
    let report = std::fs::read_to_string(site.root().join("content/releases/2023/report.zh.md")).unwrap();
    let report = report
        .replace("title: 报告", &format!("title: {all}\nsummary: {all}"))
        .replace("这是**“重要”**内容。", &format!("这是**“重要”**内容。\n\n{}\n", text.join("\n\n")))
        .replace("武汉 {{ value(data=\"channels\", series=\"cases\", period=\"wuhan\") }}。", "");
    site.write("content/releases/2023/report.zh.md", report);
    // A control page: raw HTML, which does run, to show that the checks below would notice.
    site.write(
        "content/notes/control.zh.md",
        "---\ntitle: 对照\n---\n\n<img src=x onerror=\"window.__pwned=1;alert('control')\">\n",
    );
    site
}

/// The built output folder served over HTTP on 127.0.0.1, stopped when dropped.
pub(crate) struct Files {
    /// The port it listens on.
    pub(crate) port: u16,
    stop: Arc<AtomicBool>,
}

impl Drop for Files {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

impl Files {
    pub(crate) fn serve(listener: TcpListener, dir: PathBuf) -> Files {
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let dir = dir.clone();
                if let Ok(stream) = stream {
                    std::thread::spawn(move || answer(stream, &dir));
                }
            }
        });
        Files { port, stop }
    }
}

/// Answers one request for a file of `dir` (`/x/` is `/x/index.html`).
fn answer(mut s: TcpStream, dir: &Path) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let target = head.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut rel: Vec<&str> = path.split('/').filter(|c| !c.is_empty() && *c != "." && *c != "..").collect();
    if path.ends_with('/') || rel.is_empty() {
        rel.push("index.html");
    }
    let file = rel.iter().fold(dir.to_path_buf(), |p, c| p.join(c));
    let (status, body) = match std::fs::read(&file) {
        Ok(b) => ("200 OK", b),
        Err(_) => ("404 Not Found", b"not found".to_vec()),
    };
    let _ = write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        vitrine::serve::content_type(&file.to_string_lossy()),
        body.len()
    );
    let _ = s.write_all(&body);
}

/// Loads `url` and checks that nothing hostile ran: no dialog, no `window.__pwned`, no script
/// but the theme's own, no event-handler attribute or `javascript:` link, and every string in
/// `visible` shown as text once `ready` returns true. Returns the problems found.
fn problems(browser: &Browser, url: &str, ready: &str, visible: &[String]) -> Vec<String> {
    browser.go(url);
    let mut found = Vec::new();
    if let Some(text) = browser.dialog() {
        found.push(format!("a dialog opened: {text:?}"));
        browser.dismiss_dialog();
    }
    browser.wait_until("return document.readyState === 'complete'", "the page to load");
    browser.wait_until(ready, "the page to be ready");
    if let Some(text) = browser.dialog() {
        found.push(format!("a dialog opened after loading: {text:?}"));
        browser.dismiss_dialog();
    }
    if browser.eval("return typeof window.__pwned") != json!("undefined") {
        found.push("window.__pwned is set".into());
    }
    // The theme's scripts: JSON-LD data (which must still parse), /search.js, /print.js (the
    // print button), and serve's reload script.
    let bad = browser.eval(
        r#"var bad = [];
        document.querySelectorAll('script').forEach(function (s) {
            var type = s.getAttribute('type') || '', src = s.getAttribute('src');
            var ok = false;
            if (src === null && type === 'application/ld+json') {
                try { JSON.parse(s.textContent); ok = true; } catch (e) {}
            } else if (src !== null) {
                ok = ['/search.js', '/print.js'].indexOf(new URL(src, location.href).pathname) >= 0;
            } else {
                ok = s.textContent.indexOf('/__vitrine/events') >= 0;
            }
            if (!ok) bad.push('script: ' + s.outerHTML.slice(0, 200));
        });
        document.querySelectorAll('*').forEach(function (e) {
            for (var i = 0; i < e.attributes.length; i++) {
                var a = e.attributes[i];
                if (/^on/i.test(a.name)) bad.push('attribute: <' + e.localName + ' ' + a.name + '="' + a.value + '">');
                if (/^\s*javascript:/i.test(a.value)) bad.push('javascript: URL in <' + e.localName + ' ' + a.name + '>');
            }
        });
        return bad;"#,
    );
    found.extend(bad.as_array().unwrap_or_else(|| panic!("{url}: no answer: {bad}")).iter().map(|v| v.to_string()));
    let text = browser.eval("return document.body.innerText");
    let text = text.as_str().unwrap_or_default();
    for s in visible {
        if !text.contains(s.as_str()) {
            found.push(format!("not shown as text: {s:?}"));
        }
    }
    found
}

/// Both the built site (minified, as published) and `serve` (unminified, with the reload
/// script), on the report page, two dataset pages and the home page.
#[test]
fn hostile_text_stays_text_in_the_browser() {
    let site = hostile_site();
    // `{{ 7*7 }}` in a page's text is a shortcode error, not output; `javascript:` source
    // links are refused (hostile::javascript_source_links_are_refused).
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    site.build(&["--base-url", &format!("http://127.0.0.1:{port}")]);
    let files = Files::serve(listener, site.root().join("public"));
    let server = Server::start(&site);
    let browser = Browser::start();

    let all = HOSTILE.concat();
    let each: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    let loaded = "return true";
    let hits = "return document.querySelectorAll('.search-hits li').length > 0";
    let pages: [(&str, &str, Vec<String>); 6] = [
        ("/releases/2023/report/", loaded, [vec![all.clone()], each].concat()),
        ("/data/grants/", loaded, vec![all.clone()]),
        ("/en/data/grants/", loaded, vec![all.clone()]),
        ("/data/channels/", loaded, vec![all.clone()]),
        ("/", loaded, vec![all.clone()]),
        // Search results are built by search.js from the index, which holds the hostile title.
        ("/search/?q=alert", hits, vec![all.clone()]),
    ];
    for base in [files.port, server.port] {
        let mut all_problems = Vec::new();
        for (path, ready, visible) in &pages {
            let url = format!("http://127.0.0.1:{base}{path}");
            all_problems.extend(problems(&browser, &url, ready, visible).into_iter().map(|p| format!("{url}: {p}")));
        }
        assert!(all_problems.is_empty(), "hostile text ran or vanished:\n{}", all_problems.join("\n"));
        // The checks notice script that does run.
        let control = problems(&browser, &format!("http://127.0.0.1:{base}/notes/control/"), loaded, &[]);
        assert!(control.iter().any(|p| p.contains("a dialog opened")), "{control:?}");
        assert!(control.iter().any(|p| p.contains("window.__pwned")), "{control:?}");
        assert!(control.iter().any(|p| p.contains("onerror")), "{control:?}");
    }
}
