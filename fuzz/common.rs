//! Shared by the fuzz targets: a small fixed set of datasets and an SVG well-formedness check.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use vitrine::markdown::{Context, FigureText};
use vitrine::model::Dataset;

/// Real datasets of the example site: one keyed by year, one by category, one of percentages.
pub fn datasets() -> &'static BTreeMap<String, Dataset> {
    static DATASETS: OnceLock<BTreeMap<String, Dataset>> = OnceLock::new();
    DATASETS.get_or_init(|| {
        let files = [
            ("patent-grants", include_str!("../data/patent-grants.yaml")),
            ("protection-cases-2021", include_str!("../data/protection-cases-2021.yaml")),
            ("invention-patents-per-10k", include_str!("../data/invention-patents-per-10k.yaml")),
            ("pledge-financing", include_str!("../data/pledge-financing.yaml")),
        ];
        files
            .into_iter()
            .map(|(id, text)| {
                let ds = vitrine::fuzzing::dataset(id, text).unwrap_or_else(|e| panic!("data/{id}.yaml: {e:?}"));
                (id.to_string(), ds)
            })
            .collect()
    })
}

/// A page context in `lang` over `datasets`.
pub fn context<'a>(datasets: &'a BTreeMap<String, Dataset>, lang: &'a str) -> Context<'a> {
    let text = if lang == "zh" {
        FigureText { source: "来源", table: "数据表", dataset: "数据集", unit: "单位", download: "下载" }
    } else {
        FigureText { source: "Source", table: "Data table", dataset: "Dataset", unit: "Unit", download: "Download" }
    };
    Context {
        datasets,
        lang,
        default_lang: "zh",
        lang_prefix: if lang == "zh" { "" } else { "/en" },
        path: "content/fuzz.md",
        body_line: 4,
        key: "releases/fuzz",
        text,
    }
}

/// Attributes that hold numbers or geometry: never `NaN` or `inf`.
#[rustfmt::skip]
const NUMERIC: &[&str] = &[
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points", "viewBox",
    "transform", "stroke-width", "font-size", "opacity", "fill-opacity", "stroke-opacity",
];

/// Panics unless `svg` is a well-formed XML document with an `<svg>` root, a `<title>`, and
/// finite numbers in its geometry.
pub fn check_svg(svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("SVG is not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "root element");
    assert!(root.children().any(|n| n.tag_name().name() == "title"), "SVG has no <title>");
    for node in doc.descendants().filter(|n| n.is_element()) {
        for a in node.attributes() {
            if NUMERIC.contains(&a.name()) {
                let v = a.value();
                assert!(
                    !v.contains("NaN") && !v.contains("inf"),
                    "non-finite number in <{} {}=\"{v}\">",
                    node.tag_name().name(),
                    a.name()
                );
            }
        }
    }
}

/// Panics unless an HTML fragment of ours (a shortcode's output) is well-formed as XML.
pub fn check_fragment(html: &str) {
    let doc = format!("<root>{html}</root>");
    if let Err(e) = roxmltree::Document::parse(&doc) {
        panic!("fragment is not well-formed: {e}\n{html}");
    }
}
