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
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, port };
        let start = Instant::now();
        while server.get("/").is_none() {
            assert!(start.elapsed() < Duration::from_secs(20), "serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
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
