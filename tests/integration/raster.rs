//! Chart PNGs: one beside every standalone SVG, valid, of the stated size, the same from build to
//! build, under the same embargo as the SVGs; Chinese text drawn with ink, not blank or boxes.

use std::collections::BTreeMap;
use std::path::Path;

use vitrine::chart::{ChartInput, ChartKind, SeriesData, render_svg};
use vitrine::numfmt::{Style, Unit, UnitKind};

use crate::support::Site;

/// The width of every chart PNG (`render::CHART_PNG_WIDTH`).
const WIDTH: u32 = 1200;

/// A decoded PNG: width, height, RGBA pixels (the decoder checks the chunks' CRCs and the
/// image data's zlib stream).
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    // The header as written: the signature, then IHDR with the width and height.
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "IHDR is not the first chunk");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    let (w, h) = (be(16), be(20));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!((info.width, info.height), (w, h));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (w, h, buf)
}

/// The viewBox width and height of an SVG document.
fn view_box(svg: &str) -> (f64, f64) {
    let at = svg.find("viewBox=\"").expect("viewBox") + "viewBox=\"".len();
    let v: Vec<f64> = svg[at..].split('"').next().unwrap().split(' ').map(|n| n.parse().unwrap()).collect();
    (v[2], v[3])
}

/// The files of `public/charts/` by name.
fn charts(public: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(public.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn every_chart_has_a_valid_png_of_the_stated_size_identical_across_builds() {
    let site = Site::example();
    site.build(&[]);
    let first = charts(&site.root().join("public"));
    let svgs: Vec<&String> = first.keys().filter(|n| n.ends_with(".svg")).collect();
    let pngs = first.keys().filter(|n| n.ends_with(".png")).count();
    assert!(svgs.len() >= 20, "{svgs:?}");
    assert_eq!(pngs, svgs.len(), "one PNG per SVG: {:?}", first.keys());
    for name in &svgs {
        let svg = String::from_utf8(first[*name].clone()).unwrap();
        let png_name = name.replace(".svg", ".png");
        let png = first.get(&png_name).unwrap_or_else(|| panic!("no {png_name}"));
        let (w, h, pixels) = decode(png);
        let (vw, vh) = view_box(&svg);
        assert_eq!(w, WIDTH, "{png_name}");
        assert_eq!(h, (vh * WIDTH as f64 / vw).round() as u32, "{png_name}: the SVG is {vw}x{vh}");
        // Opaque, and not blank: the chart is drawn on white.
        assert!(pixels.chunks(4).all(|p| p[3] == 255), "{png_name} has transparent pixels");
        let ink = pixels.chunks(4).filter(|p| p[0] < 128 && p[1] < 128 && p[2] < 128).count();
        assert!(ink > 2000, "{png_name} is nearly blank ({ink} dark pixels)");
    }
    // A second build gives the same bytes.
    site.build(&[]);
    let second = charts(&site.root().join("public"));
    for (name, bytes) in &first {
        assert!(second.get(name) == Some(bytes), "{name} differs between two builds");
    }
    assert_eq!(first.len(), second.len());
}

#[test]
fn standalone_charts_say_their_title_source_licence_and_address() {
    let site = Site::example();
    site.build(&[]);
    let svg = site.read("charts/data-patent-grants.en.svg");
    assert!(svg.contains("<title id=\"chart-data-title\">Patents granted</title>"), "{svg}");
    let foot: Vec<&str> = svg.lines().filter(|l| l.starts_with("<text class=\"credit\"")).collect();
    let text = foot.iter().map(|l| l.split('>').nth(1).unwrap().trim_end_matches("</text")).collect::<Vec<_>>();
    let joined = text.join(" ");
    assert!(joined.starts_with("Source: Hubei"), "{joined}");
    assert!(joined.contains("Licence: CC-BY-4.0"), "{joined}");
    // The address is broken after a slash, if at all.
    assert!(text.concat().contains("https://ip.hubei.example.org/en/data/patent-grants/"), "{joined}");
    assert!(text.iter().filter(|l| l.contains("example.org") || l.starts_with("patent")).all(|l| l.ends_with('/')));
    let desc = svg.split("<desc").nth(1).unwrap();
    assert!(desc.contains("Licence: CC-BY-4.0"), "{desc}");
    // The page links the PNG next to the SVG, and shows the chart's title once (its heading).
    let page = site.read("en/data/patent-grants/index.html");
    assert!(page.contains("/charts/data-patent-grants.en.png"), "no PNG link");
    assert!(page.contains(">PNG image</a>"));
    let zh = site.read("data/patent-grants/index.html");
    assert!(zh.contains("/charts/data-patent-grants.zh.png") && zh.contains(">PNG 图片</a>"));
    let paper = site.read("releases/2022/white-paper/index.html");
    assert!(paper.contains("/charts/releases-2022-white-paper-patent-grants.zh.png"), "no PNG link in a figure");
}

#[test]
fn a_dataset_value_is_escaped_in_the_standalone_svg_and_its_png_still_draws() {
    let site = Site::example();
    site.replace(
        "data/patent-grants.yaml",
        "湖北省知识产权局《关于对省政协十二届五次会议第20220022号提案会办工作的意见》（2022年）",
        "湖北省知识产权局 <b>&amp;</b> \"x\"",
    );
    site.build(&[]);
    let svg = site.read("charts/data-patent-grants.zh.svg");
    assert!(svg.contains("来源：湖北省知识产权局 &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot;"), "{svg}");
    assert!(!svg.contains("<b>"));
    decode(&site.bytes("charts/data-patent-grants.zh.png"));
}

#[test]
fn embargoed_charts_have_no_png_either() {
    let site = crate::embargo::example_with_embargoed_release();
    let r = site.run_at(crate::embargo::BEFORE, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = charts(&site.root().join("public"));
    assert!(before.keys().all(|n| !n.contains("2025")), "{:?}", before.keys());
    assert!(!before.contains_key("data-ip-insurance.zh.png"));
    // The dataset page's chart leaves out the embargoed 2024 row: its PNG is the example's.
    let plain = Site::example();
    let r = plain.run_at(crate::embargo::BEFORE, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(before["data-patent-grants.zh.png"] == plain.bytes("charts/data-patent-grants.zh.png"));
    let r = site.run_at(crate::embargo::AFTER, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = charts(&site.root().join("public"));
    for name in ["releases-2025-white-paper-ip-insurance.zh.png", "data-ip-insurance.en.png"] {
        decode(after.get(name).unwrap_or_else(|| panic!("no {name}: {:?}", after.keys())));
    }
    assert!(after["data-patent-grants.zh.png"] != before["data-patent-grants.zh.png"]);
}

/// A one-series bar chart titled `title`, as a standalone SVG drawn at 1200 px; without the
/// title's text element when `drop_title`, and otherwise the same document.
fn chart_png(title: &str, drop_title: bool) -> (u32, u32, Vec<u8>) {
    let input = ChartInput {
        id: "t",
        kind: ChartKind::Bar,
        title,
        style: Style::Chinese,
        unit: Unit { kind: UnitKind::Count, label: "件", currency: None, precision: None },
        categories: vec!["2020".into(), "2021".into()],
        series: vec![SeriesData { label: "授权量".into(), values: vec![Some(1.0), Some(2.0)], hollow: vec![] }],
        breaks: vec![],
        notes: String::new(),
    };
    let mut svg = render_svg(&input);
    let drawn = format!(">{title}</text>\n");
    assert_eq!(svg.matches(&drawn).count(), 1, "{svg}");
    if drop_title {
        let end = svg.find(&drawn).unwrap() + drawn.len();
        let start = svg[..end - drawn.len()].rfind("<text ").unwrap();
        svg.replace_range(start..end, "");
    }
    decode(&vitrine::raster::svg_to_png(&svg, WIDTH).unwrap())
}

/// Pixels that are not white in rows `rows` of an RGBA image `width` wide.
fn ink(pixels: &[u8], width: u32, rows: std::ops::Range<u32>) -> usize {
    let row = width as usize * 4;
    pixels[rows.start as usize * row..rows.end as usize * row].chunks(4).filter(|p| p[..3] != [255, 255, 255]).count()
}

#[test]
fn a_chinese_title_is_drawn_in_ink_where_the_title_is() {
    let title = "二〇二一年专利授权量";
    let (w, h, with) = chart_png(title, false);
    let (w2, h2, without) = chart_png(title, true);
    assert_eq!((w, h), (w2, h2), "the same layout");
    // Where the two differ: only in the title's band, at the top (the title is 18 units high
    // at a 12-unit margin, 3 px a unit).
    let differing_rows: Vec<u32> = (0..h).filter(|&y| ink(&with, w, y..y + 1) != ink(&without, w, y..y + 1)).collect();
    assert!(!differing_rows.is_empty(), "the title drew nothing");
    let (top, bottom) = (differing_rows[0], *differing_rows.last().unwrap());
    assert!(top >= 24 && bottom < 3 * (12 + 24), "the title is drawn at rows {top}..{bottom}");
    let band = 0..3 * (12 + 24);
    assert_eq!(ink(&without, w, band.clone()), 0, "the blank title draws nothing");
    let inked = ink(&with, w, band.clone());
    assert!(inked > 10 * 400, "too little ink for ten characters: {inked}");
    // Not boxes: a missing glyph draws the same box for every character, so two titles of
    // different characters would draw the same pixels. They do not, and each character differs.
    let (_, _, other) = chart_png("二〇二一年商标注册量", false);
    assert_ne!(&with[..(band.end * w * 4) as usize], &other[..(band.end * w * 4) as usize]);
    let glyph = |px: &[u8], i: u32| -> Vec<u8> {
        // Character i of the title: 18 units (54 px) wide from the 12-unit (36 px) margin.
        (band.clone())
            .flat_map(|y| {
                let start = ((y * w + 36 + i * 54) * 4) as usize;
                px[start..start + 54 * 4].to_vec()
            })
            .collect()
    };
    let shapes: Vec<Vec<u8>> = (0..10).map(|i| glyph(&with, i)).collect();
    // 二 (0) and 二 (2) are the same character: the same shape; 二 and 〇 are not.
    assert_eq!(shapes[0], shapes[2]);
    assert_ne!(shapes[0], shapes[1]);
    assert_ne!(shapes[5], shapes[6]);
}
