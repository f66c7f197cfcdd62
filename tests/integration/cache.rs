//! Repeat builds: the search records and finished pages of the last build, kept in the cache
//! folder, are reused for the pages whose HTML has not changed, and the site written is the same
//! byte for byte as a build without the cache.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::Site;

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

fn same(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let differ: Vec<&String> = a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
    assert!(differ.is_empty(), "{what}: {} files differ, e.g. {:?}", differ.len(), &differ[..differ.len().min(5)]);
}

#[test]
fn repeat_builds_reuse_search_records_and_write_the_same_site() {
    let site = Site::example();
    let cache = tempfile::tempdir().unwrap();
    let env = [("VITRINE_CACHE_DIR", cache.path().to_str().unwrap())];
    let build = |out: &str, env: &[(&str, &str)]| {
        let out = site.root().join(out);
        let r = site.run_with(&["build", "--quiet", "--out", out.to_str().unwrap()], env);
        assert_eq!(r.code, 0, "{}", r.stderr);
        tree(&out)
    };

    // A first build makes the cache: one records file per language, in a folder of the site's,
    // nothing left half-written.
    let cold = build("public", &env);
    let files = cache_files(cache.path());
    let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().to_string()).collect();
    assert_eq!(names, ["pages.list", "en.records", "zh-Hans.records"], "{files:?}");
    assert!(files[1].parent().unwrap().ends_with("search"));
    assert!(!site.root().join(".vitrine-cache").exists(), "nothing is written in the site folder");

    // The second build reads them: the same site.
    same(&cold, &build("public", &env), "repeat build");

    // One page edited: the same site as a build without the cache, and the index has the edit.
    site.replace("content/releases/2022/white-paper.zh.md", "湖北", "湖北省");
    let warm = build("public", &env);
    let fresh = build("fresh", &[]);
    same(&fresh, &warm, "build after an edit, with and without the cache");
    assert_ne!(
        cold.iter().filter(|(k, _)| k.starts_with("pagefind/")).collect::<Vec<_>>(),
        warm.iter().filter(|(k, _)| k.starts_with("pagefind/")).collect::<Vec<_>>(),
        "the edit is indexed"
    );

    // A page of the output edited by hand is made again, not reused.
    let paper = site.root().join("public/releases/2022/white-paper/index.html");
    std::fs::write(&paper, std::fs::read_to_string(&paper).unwrap().replace("湖北", "某省")).unwrap();
    same(&fresh, &build("public", &env), "build after an output page was edited by hand");

    // Damaged records (a byte changed in the middle of each file, then a file cut short) are
    // not used: still the same site.
    for f in cache_files(cache.path()) {
        let mut bytes = std::fs::read(&f).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(&f, bytes).unwrap();
    }
    same(&fresh, &build("public", &env), "build with damaged records");
    for f in cache_files(cache.path()) {
        let bytes = std::fs::read(&f).unwrap();
        std::fs::write(&f, &bytes[..bytes.len() / 3]).unwrap();
    }
    same(&fresh, &build("public", &env), "build with records cut short");

    // Records written by another vitrine binary are not read.
    for f in cache_files(cache.path()) {
        let mut bytes = std::fs::read(&f).unwrap();
        bytes[0] = b'X';
        std::fs::write(&f, bytes).unwrap();
    }
    same(&fresh, &build("public", &env), "build with a foreign records file");

    // The cache can be deleted at any time.
    std::fs::remove_dir_all(cache.path()).unwrap();
    same(&fresh, &build("public", &env), "build after the cache was deleted");
    assert_eq!(cache_files(cache.path()).len(), 3);

    // Another output folder: last build's pages are not looked for there.
    same(&fresh, &build("elsewhere", &env), "build into another folder");
    same(&fresh, &build("public", &env), "build back into the first folder");
}
