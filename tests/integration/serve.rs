//! `vitrine serve`: pages served from memory, rebuilt on change, errors kept out of the site.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Site;

/// A running `vitrine serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// Where the server's terminal output goes, when started with [`Server::start_logged`].
    log: Option<tempfile::NamedTempFile>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Server {
    pub fn start(site: &Site) -> Server {
        Server::launch(site, None)
    }

    /// Starts the server with its stdout and stderr kept, to read with [`Server::log`].
    pub fn start_logged(site: &Site) -> Server {
        Server::launch(site, Some(tempfile::NamedTempFile::new().unwrap()))
    }

    fn launch(site: &Site, log: Option<tempfile::NamedTempFile>) -> Server {
        let port = free_port();
        let (out, err) = match &log {
            Some(f) => (Stdio::from(f.reopen().unwrap()), Stdio::from(f.reopen().unwrap())),
            None => (Stdio::null(), Stdio::null()),
        };
        let child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .env("VITRINE_LANG", "en")
            .arg(site.root())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap();
        let server = Server { child, port, log };
        let start = Instant::now();
        while server.get("/").is_none() {
            assert!(start.elapsed() < Duration::from_secs(20), "serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// What the server has printed so far.
    pub fn log(&self) -> String {
        self.log.as_ref().map(|f| std::fs::read_to_string(f.path()).unwrap()).unwrap_or_default()
    }

    /// Polls the server's output until `needle` appears `n` times.
    pub fn wait_log(&self, needle: &str, n: usize) {
        let start = Instant::now();
        while self.log().matches(needle).count() < n {
            assert!(start.elapsed() < Duration::from_secs(20), "`{needle}` x{n} not in the log:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// GET a path: (status, body), or None when nothing answers.
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).ok()?;
        let text = String::from_utf8_lossy(&buf).to_string();
        let status = text.split_whitespace().nth(1)?.parse().ok()?;
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        Some((status, body))
    }

    /// Polls `path` until its body contains `needle`; returns how long that took.
    pub fn wait_for(&self, path: &str, needle: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if let Some((_, body)) = self.get(path)
                && body.contains(needle)
            {
                return start.elapsed();
            }
            assert!(start.elapsed() < limit, "`{needle}` did not appear on {path} within {limit:?}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

#[test]
fn an_edit_is_served_within_two_seconds() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, body) = server.get("/notes/public/").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("<h1>已发布</h1>"));
    assert!(body.contains("/__vitrine/events"), "the reload script is injected");
    site.write("content/notes/public.zh.md", "---\ntitle: 改过的标题\n---\n\n新内容。\n");
    let took = server.wait_for("/notes/public/", "<h1>改过的标题</h1>", Duration::from_secs(2));
    eprintln!("edit served after {took:?}");
}

#[test]
fn drafts_and_embargoes_are_shown_and_marked() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, body) = server.get("/notes/draft/").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("class=\"banner\""));
    let (_, body) = server.get("/notes/embargoed/").unwrap();
    assert!(body.contains("2099-04-26 10:00 +08:00"));
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_deleted_pages_disappear() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.write("content/notes/public.zh.md", "---\ntitle： 坏\n---\n");
    std::thread::sleep(Duration::from_millis(800));
    let (status, body) = server.get("/notes/public/").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("<h1>已发布</h1>"), "the last good page is still served");
    std::fs::remove_file(site.root().join("content/notes/public.zh.md")).unwrap();
    let start = Instant::now();
    while server.get("/notes/public/").map(|r| r.0) != Some(404) {
        assert!(start.elapsed() < Duration::from_secs(3), "a deleted page should disappear");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(server.get("/../../etc/passwd").unwrap().0, 404);
}

#[test]
fn a_port_in_use_is_explained() {
    let site = Site::fixture("basic");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let r = site.run(&["serve", "--port", &port]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("port {port} is in use")), "{}", r.stderr);
    assert!(r.stderr.contains("--port"), "{}", r.stderr);
}

#[test]
fn rebuilds_render_only_what_changed() {
    let site = Site::example();
    let server = Server::start_logged(&site);
    let paper = "content/releases/2022/white-paper.en.md";
    let original = std::fs::read_to_string(site.root().join(paper)).unwrap();

    // A body edit: only that page is rendered again.
    site.write(paper, format!("{original}\nA sentence added while previewing.\n"));
    server.wait_for("/en/releases/2022/white-paper/", "A sentence added while previewing.", Duration::from_secs(5));
    server.wait_log("updated in", 1);
    assert!(!server.log().contains("rebuilt in"), "{}", server.log());

    // A dataset edit: its data page and files show the new figure; the 2022 release, whose
    // figures are frozen, keeps the figure it published (a correction needs `vitrine freeze`).
    let data = "data/pledge-financing.yaml";
    let yaml = std::fs::read_to_string(site.root().join(data)).unwrap();
    site.write(data, yaml.replace("{year: 2021, ip: 5026000000", "{year: 2021, ip: 6026000000"));
    server.wait_for("/data/pledge-financing/", "60.26亿", Duration::from_secs(5));
    server.wait_for("/data/pledge-financing.csv", "6026000000", Duration::from_secs(5));
    let (_, paper_html) = server.get("/releases/2022/white-paper/").unwrap();
    assert!(
        paper_html.contains("50.26亿元") && !paper_html.contains("60.26亿元"),
        "a frozen release keeps its figures"
    );
    server.wait_log("rebuilt in", 1);

    // A release landing page's text also shows on the home page.
    let landing = "content/releases/2022/_index.en.md";
    let landing_text = std::fs::read_to_string(site.root().join(landing)).unwrap();
    site.write(landing, format!("{landing_text}\nA note on the release.\n"));
    server.wait_for("/en/", "A note on the release.", Duration::from_secs(5));
    server.wait_log("updated in", 2);

    // A new title shows in listings and navigation: every page is rendered again.
    site.write(
        paper,
        original.replace("title: Intellectual Property Protection in Hubei, 2021", "title: IP in Hubei, 2021"),
    );
    server.wait_for("/en/releases/2022/", "IP in Hubei, 2021", Duration::from_secs(5));
    server.wait_log("rebuilt in", 2);

    // An error stays until it is fixed, even when another file is edited meanwhile.
    let press = "content/releases/2022/press-release.en.md";
    let press_text = std::fs::read_to_string(site.root().join(press)).unwrap();
    site.write(paper, format!("{original}\n{{{{ value(data=\"no-such-data\", series=\"x\", period=2021) }}}}\n"));
    server.wait_log("no-such-data", 1);
    site.write(press, format!("{press_text}\nPress edit while broken.\n"));
    server.wait_log("no-such-data", 2);
    let (_, body) = server.get("/en/releases/2022/press-release/").unwrap();
    assert!(!body.contains("Press edit while broken."), "nothing is applied while the site has an error");
    site.write(paper, &original);
    server.wait_for("/en/releases/2022/press-release/", "Press edit while broken.", Duration::from_secs(5));
}
