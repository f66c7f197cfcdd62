//! Embeds the bundled example site (site.yaml, calendar.yaml, glossary.yaml, netlify.toml,
//! content/, data/) into the binary, for `vitrine init --from-example`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for name in ["site.yaml", "calendar.yaml", "glossary.yaml", "netlify.toml"] {
        if root.join(name).is_file() {
            files.push(PathBuf::from(name));
        }
    }
    for dir in ["content", "data"] {
        walk(&root, &root.join(dir), &mut files);
        println!("cargo:rerun-if-changed={dir}");
    }
    for name in ["site.yaml", "calendar.yaml", "glossary.yaml", "netlify.toml"] {
        println!("cargo:rerun-if-changed={name}");
    }
    files.sort();
    let mut out = String::from(
        "/// The example site's files: path (with `/`) and bytes.\npub(crate) static EXAMPLE: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        let rel: Vec<String> = f.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let abs = root.join(f);
        let _ = writeln!(out, "    ({:?}, include_bytes!({:?})),", rel.join("/"), abs.to_string_lossy());
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("example.rs");
    std::fs::write(dest, out).expect("write example.rs");
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(root, &p, out);
        } else if let Ok(rel) = p.strip_prefix(root) {
            out.push(rel.to_path_buf());
        }
    }
}
