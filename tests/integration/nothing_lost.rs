//! Nothing lost: a build killed at any moment leaves the previous `public/` exactly as it was
//! (the next good build clears what the killed one left), and `serve` never answers with a
//! half-written page while the sources change under it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::serve::Server;
use crate::support::{Site, main_of};

/// Every file and folder under `dir`: relative path -> bytes (`None` for a folder).
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().to_string();
            let bytes = e.file_type().is_file().then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect()
}

/// What differs between two snapshots, for the failure message.
fn differences(before: &BTreeMap<String, Option<Vec<u8>>>, after: &BTreeMap<String, Option<Vec<u8>>>) -> String {
    let mut out = Vec::new();
    for (path, bytes) in before {
        match after.get(path) {
            None => out.push(format!("missing: {path}")),
            Some(b) if b != bytes => out.push(format!("changed: {path}")),
            Some(_) => {}
        }
    }
    out.extend(after.keys().filter(|p| !before.contains_key(*p)).map(|p| format!("added: {p}")));
    out.truncate(20);
    out.join("\n")
}

/// The staging and set-aside folders a build keeps next to `public/`.
fn leftovers(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().to_string();
            name.starts_with(".public.vitrine-").then_some(name)
        })
        .collect();
    names.sort();
    names
}

/// Files under `dir` at this moment (the folder may be changing).
fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()).count()
}

#[test]
fn a_killed_build_leaves_the_previous_site_untouched() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let public = site.root().join("public");
    let before = snapshot(&public);
    assert!(before.len() > 20, "the first build wrote the site");

    // 6,000 small static files: the next build spends a noticeable time (about 0.15 s on a
    // quiet machine, seconds on a busy disk) writing its staging folder.
    const DIRS: usize = 12;
    const PER_DIR: usize = 500;
    const FILES: usize = DIRS * PER_DIR;
    for d in 0..DIRS {
        let dir = site.root().join(format!("static/bulk/{d:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..PER_DIR {
            std::fs::write(dir.join(format!("f{i:04}.txt")), format!("file {d}/{i}\n").repeat(20)).unwrap();
        }
    }

    // Kill the build as soon as its staging folder appears, a tenth of the way through
    // writing, and a third of the way (leaving a wide margin before it would finish).
    for threshold in [0, FILES / 10, FILES / 3] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vitrine"))
            .env("VITRINE_LANG", "en")
            .args(["build", "--quiet", "--root"])
            .env("VITRINE_CACHE_DIR", "off")
            .arg(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let staging = site.root().join(format!(".public.vitrine-new-{}", child.id()));
        let start = Instant::now();
        let mut appeared = None;
        let written = loop {
            if staging.exists() {
                appeared.get_or_insert_with(Instant::now);
                let n = if threshold == 0 { 0 } else { count_files(&staging) };
                if n >= threshold {
                    break n;
                }
            }
            // Leave the build the processor (the tests run two at a time on two cores).
            std::thread::sleep(Duration::from_millis(1));
            if let Some(status) = child.try_wait().unwrap() {
                panic!("the build ended ({status}) before {threshold} files were staged: make the site bigger");
            }
            assert!(start.elapsed() < Duration::from_secs(120), "the build never staged {threshold} files");
        };
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let since = appeared.map(|t| t.elapsed()).unwrap_or_default();
        eprintln!("killed with {written}+ of {FILES} files staged, {since:?} after staging began");
        assert_eq!(status.signal(), Some(9), "the build should have been killed, not finished: {status}");
        let after = snapshot(&public);
        assert!(
            after == before,
            "public/ changed under a killed build (at {threshold} files):\n{}",
            differences(&before, &after)
        );
        assert!(staging.exists(), "the killed build left its staging folder next to public/, not inside it");
    }
    assert_eq!(leftovers(site.root()).len(), 3, "{:?}", leftovers(site.root()));

    // The next good build replaces public/ and clears what the killed builds left behind.
    site.build(&[]);
    assert_eq!(leftovers(site.root()), Vec::<String>::new(), "staging folders left behind");
    assert_eq!(count_files(&public.join("bulk")), FILES);
    assert_eq!(site.read("bulk/07/f0123.txt"), "file 7/123\n".repeat(20));
    assert_eq!(site.bytes("index.html"), before["index.html"].clone().unwrap(), "same pages as before");
}

/// One GET, checked at the HTTP level: (status, body). The body must be exactly as long as
/// the `Content-Length` the server announced.
fn fetch(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("serve is listening");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response head");
    let head = String::from_utf8_lossy(&buf[..split]).to_ascii_lowercase();
    let body = &buf[split + 4..];
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no Content-Length in {head}"));
    assert_eq!(body.len(), length, "the body is as long as announced");
    (status, String::from_utf8(body.to_vec()).expect("UTF-8 HTML"))
}

#[test]
fn serve_never_answers_with_a_half_written_page() {
    const VERSIONS: usize = 60;
    let title = |i: usize| format!("版本-{i:04}-完");
    let paragraphs = |i: usize| 1 + (i % 4) * 150;
    // Versions of very different sizes, so a page cut short or mixed from two would show.
    let source = |i: usize| {
        let para = format!("第{i}版的段落：这里的文字足够长，页面因此有一定的大小。\n\n");
        format!("---\ntitle: {}\n---\n\n{}结束。\n", title(i), para.repeat(paragraphs(i)))
    };
    let page = "content/notes/public.zh.md";
    let site = Site::fixture("basic");
    site.write(page, source(0));
    let server = Server::start(&site);
    server.wait_for("/notes/public/", &format!("<h1>{}</h1>", title(0)), Duration::from_secs(20));
    let port = server.port;
    let done = AtomicBool::new(false);

    let (fetches, seen) = std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut fetches = 0;
            let mut seen = BTreeSet::new();
            while !done.load(Ordering::SeqCst) {
                let (status, body) = fetch(port, "/notes/public/");
                fetches += 1;
                assert_eq!(status, 200, "the page is always served (the last good version): {body}");
                let tail: String =
                    body.trim_end().chars().rev().take(200).collect::<Vec<_>>().into_iter().rev().collect();
                assert!(tail.ends_with("</html>"), "a complete document, got the end: {tail}");
                assert!(body.to_ascii_lowercase().starts_with("<!doctype html>"), "a complete document");
                assert_eq!(body.matches("</html>").count(), 1, "one document, not two run together");
                let h1 = body.split("<h1>").nth(1).and_then(|r| r.split("</h1>").next()).expect("an <h1>");
                let version: usize = h1
                    .strip_prefix("版本-")
                    .and_then(|r| r.strip_suffix("-完"))
                    .and_then(|n| n.parse().ok())
                    .filter(|v| *v <= VERSIONS)
                    .unwrap_or_else(|| panic!("the title is one of the versions, got `{h1}`"));
                // Every paragraph belongs to the version in the title: nothing mixed from two.
                let own = format!("第{version}版的段落");
                assert_eq!(body.matches("版的段落").count(), body.matches(&own).count(), "{h1}: mixed versions");
                let text = main_of(&body);
                // Even versions are written in place, so a rebuild may read them half saved; odd
                // ones (and the first) are saved whole with a rename and must be served whole.
                if version % 2 == 1 || version == 0 {
                    assert_eq!(text.matches(&own).count(), paragraphs(version), "{h1}: paragraphs lost");
                    assert!(text.contains("结束。"), "{h1}: the text is there to its end");
                }
                seen.insert(version);
            }
            (fetches, seen)
        });
        // Rewrite the source in bursts: some saves back to back, some a little apart.
        for i in 1..=VERSIONS {
            if i % 2 == 1 {
                let tmp = site.root().join(".next-version");
                std::fs::write(&tmp, source(i)).unwrap();
                std::fs::rename(&tmp, site.root().join(page)).unwrap();
            } else {
                site.write(page, source(i));
            }
            std::thread::sleep(Duration::from_millis([0, 10, 40][i % 3]));
        }
        let last = format!("<h1>{}</h1>", title(VERSIONS));
        let took = server.wait_for("/notes/public/", &last, Duration::from_secs(30));
        eprintln!("last version served {took:?} after the last save");
        done.store(true, Ordering::SeqCst);
        reader.join().unwrap()
    });
    eprintln!("{fetches} fetches while rewriting, versions seen: {seen:?}");
    assert!(fetches >= 10, "the reader kept fetching ({fetches})");
    assert!(seen.len() >= 2, "rebuilds were served during the test: {seen:?}");
}

/// The build writes each file to its staging folder as soon as it is made (pages from the
/// threads that render them, the search index from the pages read back): what lands in
/// `public/` is byte for byte what the in-memory render (`serve`, `check`) makes, links
/// moved under a base URL's path and search index included.
#[test]
fn a_streamed_build_writes_what_the_in_memory_render_makes() {
    let site = Site::example();
    let mut opts = vitrine::build::BuildOptions::new(site.root());
    opts.base_url = Some("https://example.org/ip/".into());
    opts.now = "2026-05-01T00:00:00+08:00".parse().unwrap();
    let report = vitrine::build::build(&opts).unwrap_or_else(|e| panic!("{e:?}"));
    let loaded = vitrine::build::load(&opts).unwrap_or_else(|e| panic!("{e:?}"));
    let memory = vitrine::build::render(&loaded, &opts).unwrap_or_else(|e| panic!("{e:?}"));
    let written: BTreeMap<String, Vec<u8>> =
        snapshot(&opts.out).into_iter().filter_map(|(path, bytes)| Some((path, bytes?))).collect();
    assert!(memory.files.keys().any(|p| p.starts_with("pagefind/")), "the search index is made");
    assert!(String::from_utf8_lossy(&written["index.html"]).contains("href=\"/ip/"), "links moved under /ip/");
    let (w, m): (BTreeSet<&String>, BTreeSet<&String>) = (written.keys().collect(), memory.files.keys().collect());
    assert_eq!(w, m, "the same files");
    for (path, bytes) in &memory.files {
        assert!(written[path] == *bytes, "`{path}` differs between the streamed build and the in-memory render");
    }
    assert_eq!((report.files, report.bytes), (memory.files.len(), memory.size()));
}
