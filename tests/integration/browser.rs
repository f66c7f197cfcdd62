//! Headless Chromium (Debian's chromium + chromedriver, over WebDriver) sees what a reader
//! sees: a page that reloads by itself after an edit, and the error overlay that appears on a
//! broken file and clears when it is fixed. `scripts/setup-test-tools.sh` installs both.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
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
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
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

    // Fixed: the overlay goes and the page reloads.
    site.write("content/notes/public.zh.md", "---\ntitle: 修好了\n---\n");
    browser.wait_until(
        "return !document.getElementById('vitrine-error') && document.querySelector('h1').textContent === '修好了'",
        "the overlay to clear",
    );
}
