//! Citations: every dataset page and release landing page of the example, in both languages,
//! shows a citation and has `cite.bib`, `cite.ris` and `cite.json` beside it, which parse as
//! reference managers read them (bibtexparser, rispy, CSL-JSON) and agree with the page.

use std::path::{Path, PathBuf};

use crate::support::Site;

const BASE: &str = "https://ip.hubei.example.org";

/// The Python of `scripts/test.sh` (bibtexparser and rispy installed).
fn python() -> String {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    let fallback = if venv.exists() { venv.display().to_string() } else { "python3".into() };
    std::env::var("VITRINE_TEST_PYTHON").unwrap_or(fallback)
}

/// Reads the three files of each folder with the Python parsers: one JSON line per folder.
const READER: &str = r#"
import sys, json, bibtexparser, rispy
for d in sys.argv[1:]:
    lib = bibtexparser.parse_string(open(d + "/cite.bib", encoding="utf-8").read())
    assert not lib.failed_blocks, (d, [b.raw for b in lib.failed_blocks])
    assert len(lib.entries) == 1, d
    e = lib.entries[0]
    bib = {"type": e.entry_type, "key": e.key}
    for f in e.fields:
        v = f.value
        while v.startswith("{") and v.endswith("}"):
            v = v[1:-1]
        bib[f.key] = v
    with open(d + "/cite.ris", encoding="utf-8") as fh:
        ris = rispy.load(fh)
    assert len(ris) == 1, d
    csl = json.load(open(d + "/cite.json", encoding="utf-8"))
    print(json.dumps({"dir": d, "bib": bib, "ris": ris[0], "csl": csl}, ensure_ascii=False))
"#;

fn parse_all(dirs: &[PathBuf]) -> Vec<serde_json::Value> {
    let out = std::process::Command::new(python()).arg("-c").arg(READER).args(dirs).output().unwrap_or_else(|e| {
        panic!("cannot run Python: {e}; run `bash scripts/test.sh`, which installs bibtexparser and rispy")
    });
    assert!(
        out.status.success(),
        "the citation files do not parse (run `bash scripts/test.sh` to install the parsers):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The text of the first `<h1>` of a page, tags removed.
fn h1(html: &str) -> String {
    let start = html.find("<h1").unwrap();
    let inner = &html[start + html[start..].find('>').unwrap() + 1..];
    let inner = &inner[..inner.find("</h1>").unwrap()];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
}

#[test]
fn the_citation_files_parse_and_agree_with_their_pages() {
    let site = Site::example();
    site.build(&[]);
    let public = site.root().join("public");
    let ids: Vec<String> = std::fs::read_dir(site.root().join("data"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str().and_then(|n| n.strip_suffix(".yaml")).map(String::from))
        .collect();
    assert!(ids.len() >= 5, "{ids:?}");
    let mut pages: Vec<String> = Vec::new();
    for prefix in ["", "en/"] {
        for id in &ids {
            pages.push(format!("{prefix}data/{id}/"));
        }
        for year in ["2021", "2022"] {
            pages.push(format!("{prefix}releases/{year}/"));
        }
    }
    let dirs: Vec<PathBuf> = pages.iter().map(|p| public.join(p)).collect();
    let parsed = parse_all(&dirs);
    assert_eq!(parsed.len(), pages.len());
    for (page, c) in pages.iter().zip(&parsed) {
        let html = site.read(&format!("{page}index.html"));
        let url = format!("{BASE}/{page}");
        let title = h1(&html);
        let release = page.contains("releases/");
        let (bib, ris, csl) = (&c["bib"], &c["ris"], &c["csl"][0]);
        // The same work in the three formats, and on the page.
        assert_eq!(bib["title"], title, "{page}: {bib}");
        assert_eq!(ris["title"], title, "{page}: {ris}");
        assert_eq!(csl["title"], title, "{page}: {csl}");
        assert_eq!(bib["url"], url, "{page}");
        assert_eq!(ris["urls"][0], url, "{page}");
        assert_eq!(csl["URL"], url, "{page}");
        assert_eq!(bib["type"], if release { "report" } else { "dataset" }, "{page}");
        assert_eq!(ris["type_of_reference"], if release { "RPRT" } else { "DATA" }, "{page}");
        assert_eq!(csl["type"], if release { "report" } else { "dataset" }, "{page}");
        assert_eq!(csl["id"], bib["key"], "{page}");
        assert!(csl["author"][0]["literal"].as_str().is_some_and(|a| !a.is_empty()), "{page}: {csl}");
        assert_eq!(ris["authors"][0], csl["author"][0]["literal"], "{page}");
        // The year: the dataset's update, or the release's date; the same everywhere.
        let year = csl["issued"]["date-parts"][0][0].as_i64().unwrap_or_else(|| panic!("{page}: no issued date"));
        assert_eq!(bib["year"], year.to_string(), "{page}");
        assert_eq!(ris["year"], year.to_string(), "{page}");
        if release {
            assert_eq!(year.to_string(), page.trim_end_matches('/').rsplit('/').next().unwrap(), "{page}");
        }
        // The language of the page.
        let tag = if page.starts_with("en/") { "en" } else { "zh-Hans" };
        assert_eq!(csl["language"], tag, "{page}");
        assert_eq!(ris["language"], tag, "{page}");
        // The page shows the citation, in its language's style, with links to the files.
        let cite = &html[html.find("class=citation>").unwrap_or_else(|| panic!("{page}: no citation"))..];
        let cite = &cite[..cite.find("</p>").unwrap()];
        assert!(cite.contains(&url), "{page}: {cite}");
        if tag == "en" {
            assert!(cite.contains(&format!("({year}). <i>")), "{page}: APA: {cite}");
            assert_eq!(cite.contains("[Data set]"), !release, "{page}: {cite}");
        } else {
            let mark = if release { "[EB/OL]" } else { "[DS/OL]" };
            assert!(cite.contains(mark), "{page}: GB/T 7714: {cite}");
            assert!(cite.contains(&format!(". ({year}-")) && cite.ends_with(&format!(". {url}.")), "{page}: {cite}");
        }
        for f in ["cite.bib", "cite.ris", "cite.json"] {
            assert!(html.contains(&format!("href=/{page}{f} ")), "{page}: no link to {f}");
        }
    }
    // Court statistics are cited as the courts', published by the office.
    let courts = parsed.iter().find(|c| c["dir"].as_str().unwrap().ends_with("/en/data/court-cases/")).unwrap();
    assert_eq!(courts["csl"][0]["author"][0]["literal"], "Hubei High People's Court");
    assert_eq!(courts["csl"][0]["publisher"], "Hubei Intellectual Property Administration");
    let zh = parsed.iter().find(|c| c["dir"].as_str().unwrap().ends_with("public/data/patent-grants/")).unwrap();
    assert_eq!(zh["bib"]["title"], "专利授权量");
    assert_eq!(zh["bib"]["author"], "湖北省知识产权局");
    assert!(zh["bib"]["note"].as_str().unwrap().contains("许可协议：CC-BY-4.0"), "{}", zh["bib"]);
}

#[test]
fn an_embargoed_release_has_no_citation() {
    let site = Site::example();
    for lang in ["zh", "en"] {
        site.replace(
            &format!("content/releases/2022/_index.{lang}.md"),
            "date: 2022-04-26",
            "date: 2022-04-26\npublish_at: 2099-04-26T10:00:00+08:00",
        );
    }
    site.build(&[]);
    for prefix in ["", "en/"] {
        for f in ["cite.bib", "cite.ris", "cite.json"] {
            assert!(!site.exists(&format!("{prefix}releases/2022/{f}")), "{prefix}releases/2022/{f} written");
            assert!(site.exists(&format!("{prefix}releases/2021/{f}")), "{prefix}releases/2021/{f} missing");
        }
    }
    let public = site.root().join("public");
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.file_name().to_str().is_some_and(|n| n.starts_with("cite.")) {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!text.contains("release-2022") && !text.contains("2022年“4·26”发布"), "{}", entry.path().display());
        }
    }
}
