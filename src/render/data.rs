//! Open data pages: the catalogue `/data/` and one page per dataset; the files themselves come
//! from [`crate::export`].

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::context::{Link, PageCtx};
use super::pages::{self, display_date};
use super::{PageOut, RenderContext};
use crate::chart::ChartKind;
use crate::diag::{Failure, Result};
use crate::export::{self, csv, datapackage, json, license_url};
use crate::markdown::figure::{self, ChartSpec, FigureText};
use crate::model::dataset::{Dataset, KeyKind};
use crate::model::layout::{dataset_url, page_file};
use crate::model::{Lang, Site};
use crate::numfmt::{self, Style, Unit};
use crate::output::Output;

/// One downloadable file of a dataset.
#[derive(serde::Serialize, Clone)]
struct Download {
    name: String,
    url: String,
    format: &'static str,
    size: usize,
    size_text: String,
    sha256: String,
}

fn size_text(n: usize) -> String {
    let kb = n as f64 / 1024.0;
    if n < 1024 {
        format!("{n} B")
    } else if kb < 1024.0 {
        format!("{kb:.1} KB")
    } else {
        format!("{:.1} MB", kb / 1024.0)
    }
}

/// A file of a dataset, before it is written.
struct DataFile {
    name: String,
    format: &'static str,
    bytes: Vec<u8>,
}

/// The file with every data file and the data package.
pub const ARCHIVE: &str = "vitrine-data.zip";

/// Output path and bytes of rendered files.
type Files = Vec<(String, Vec<u8>)>;

/// Writes the data files and renders the catalogue and one page per dataset per language.
pub fn render(cx: &RenderContext<'_>, output: &mut Output) -> Result<()> {
    let (site, rendered, opts) = (cx.site, cx.pages, cx.opts);
    if site.datasets.is_empty() {
        return Ok(());
    }
    let mut downloads: BTreeMap<&str, Vec<DataFile>> = BTreeMap::new();
    for ds in site.datasets.values() {
        let csv = csv(ds, site).map_err(Failure::Other)?;
        let xlsx = export::xlsx(ds, site).map_err(|e| {
            anyhow::anyhow!(crate::msg::cannot_write_because(&format!("{}.xlsx", ds.id), &e.to_string()))
        })?;
        let files = downloads.entry(&ds.id).or_default();
        files.push(DataFile { name: format!("{}.csv", ds.id), format: "CSV", bytes: csv });
        files.push(DataFile { name: format!("{}.json", ds.id), format: "JSON", bytes: json(ds, site) });
        files.push(DataFile { name: format!("{}.xlsx", ds.id), format: "XLSX", bytes: xlsx });
    }
    // Every published version, at addresses whose content never changes.
    let mut version_files: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for v in site.versions.values().flatten() {
        let Some(f) = &v.frozen else { continue };
        let base = format!("data/{}/{}/v{}", v.id, f.release, f.version);
        let csv = csv(v, site).map_err(Failure::Other)?;
        let xlsx = export::xlsx(v, site)
            .map_err(|e| anyhow::anyhow!(crate::msg::cannot_write_because(&format!("{base}.xlsx"), &e.to_string())))?;
        version_files.entry(v.id.as_str()).or_default().push(json!({
            "release": f.release, "version": f.version, "date": f.date.to_string(),
            "csv": format!("/{base}.csv"), "json": format!("/{base}.json"), "xlsx": format!("/{base}.xlsx"),
            "sha256": hex(&Sha256::digest(&csv)),
        }));
        output.add(format!("{base}.csv"), csv);
        output.add(format!("{base}.json"), json(v, site));
        output.add(format!("{base}.xlsx"), xlsx);
    }
    let package = datapackage(site);
    // Each entry of the zip is dated from its dataset's `updated`; the data package, which
    // describes them all, from the newest.
    let newest = site.datasets.values().filter_map(|d| d.updated).max();
    let mut all: BTreeMap<String, (&[u8], Option<jiff::civil::Date>)> = BTreeMap::new();
    all.insert("datapackage.json".into(), (&package, newest));
    for (id, files) in &downloads {
        let updated = site.datasets.get(*id).and_then(|d| d.updated).or(newest);
        for f in files {
            all.insert(f.name.clone(), (&f.bytes, updated));
        }
    }
    let archive = export::zip_all(all.iter().map(|(k, (v, date))| (k.as_str(), *v, *date)))
        .map_err(|e| anyhow::anyhow!(crate::msg::cannot_write_because(ARCHIVE, &e.to_string())))?;
    output.add(format!("data/{ARCHIVE}"), archive);
    output.add("data/datapackage.json", package);
    for f in downloads.values().flatten() {
        output.add(format!("data/{}", f.name), f.bytes.clone());
    }

    // Which pages use each dataset.
    let mut used_by: BTreeMap<&str, Vec<&PageOut<'_>>> = BTreeMap::new();
    for p in rendered {
        for id in &p.body.datasets {
            used_by.entry(id.as_str()).or_default().push(p);
        }
    }
    let jobs: Vec<(&crate::model::Lang, Option<&Dataset>)> = site
        .config
        .languages
        .iter()
        .flat_map(|l| std::iter::once((l, None)).chain(site.datasets.values().map(move |d| (l, Some(d)))))
        .collect();
    let results: Vec<Result<Files>> = jobs
        .par_iter()
        .map(|&(lang, ds)| {
            let sh = cx.langs.get(lang);
            let key = match ds {
                Some(d) => format!("data/{}", d.id),
                None => "data".to_string(),
            };
            let alts = pages::generated_alternates(cx, &key, lang);
            let url = lang.url(&key);
            let mut ctx = pages::base_context(cx, lang, &alts, "data", &site.config.absolute(&url));
            let mut files = Vec::new();
            let t = |k: &str| sh.t.get(k).cloned().unwrap_or_default();
            let mut crumbs = vec![Link { title: t("home"), url: lang.url(""), active: false }];
            match ds {
                None => {
                    let mut sorted: Vec<&Dataset> = site.datasets.values().collect();
                    sorted.sort_by_cached_key(|d| (title_order(d.title.get(lang), lang), d.id.as_str()));
                    let catalogue: Vec<Value> = sorted.into_iter().map(|d| dataset_summary(d, lang)).collect();
                    let page =
                        PageCtx::generated(site, lang, t("data_catalogue"), url.clone(), t("data_catalogue_intro"));
                    ctx.insert("page", &page);
                    ctx.insert("datasets", &catalogue);
                    ctx.insert("searchable", &opts.search);
                    ctx.insert("breadcrumbs", &crumbs);
                    let html = cx.templates.render("data-list.html", &ctx)?;
                    files.push(pages::finished(page_file(&url), html, opts));
                }
                Some(d) => {
                    crumbs.push(Link { title: t("data_catalogue"), url: lang.url("data"), active: false });
                    ctx.insert("breadcrumbs", &crumbs);
                    let dl: Vec<Download> = downloads[d.id.as_str()]
                        .iter()
                        .map(|f| Download {
                            url: format!("/data/{}", f.name),
                            name: f.name.clone(),
                            format: f.format,
                            size: f.bytes.len(),
                            size_text: size_text(f.bytes.len()),
                            sha256: hex(&Sha256::digest(&f.bytes)),
                        })
                        .collect();
                    let (chart_html, fig) = if d.rows.len() <= CHART_ROWS {
                        dataset_chart(d, lang, sh, &site.config.base_url, &site.config.absolute(&url))
                    } else {
                        (String::new(), None)
                    };
                    if let Some(fig) = fig {
                        let back = super::embed::Back { url: &url, title: d.title.get(lang) };
                        files.push(super::embed::page(cx, lang, &fig, &back, &|_| true)?);
                        let name = format!("data-{}", d.id);
                        let png = super::chart_png(&fig.svg, &name, &format!("data/{}.yaml", d.id))?;
                        files.push((format!("charts/{name}.{lang}.svg"), fig.svg.into_bytes()));
                        files.push((format!("charts/{name}.{lang}.png"), png));
                    }
                    let pages_using: Vec<_> = used_by
                        .get(d.id.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|p| p.page.lang == *lang)
                        .map(|p| pages::page_ref(site, p))
                        .collect();
                    let mut info = dataset_summary(d, lang);
                    let permalink = site.config.absolute(&url);
                    info["chart"] = json!(chart_html);
                    info["table"] = json!(table_html(d, lang));
                    let note = (d.rows.len() > TABLE_ROWS).then(|| {
                        let text = sh.t.get("table_truncated").map_or("", String::as_str);
                        text.replace("{shown}", &TABLE_ROWS.to_string()).replace("{total}", &d.rows.len().to_string())
                    });
                    info["table_note"] = json!(note);
                    info["downloads"] = json!(dl);
                    info["pages"] = json!(pages_using);
                    let users: Vec<&PageOut<'_>> = used_by.get(d.id.as_str()).into_iter().flatten().copied().collect();
                    info["releases_quoting"] =
                        json!(super::continuity::releases_quoting(site, &cx.index, &users, lang));
                    let work = super::citations::dataset(d, site, lang, &permalink, &sh.t);
                    info["citation"] = json!(super::citations::context(&work, lang, &url));
                    files.extend(super::citations::files(&work, &url));
                    info["versions"] = json!(versions_of(d, site, lang, version_files.get(d.id.as_str())));
                    info["json_ld"] = json!(json_ld(d, site, lang, &permalink, &dl));
                    ctx.insert("dataset", &info);
                    ctx.insert("searchable", &opts.search);
                    let description = meta_description(d, lang, &sh.t);
                    let page = PageCtx::generated(site, lang, d.title.get(lang).to_string(), url.clone(), description);
                    ctx.insert("page", &page);
                    let html = cx.templates.render("dataset.html", &ctx)?;
                    files.push(pages::finished(page_file(&url), html, opts));
                }
            }
            Ok(files)
        })
        .collect();
    for r in results {
        for (path, bytes) in r? {
            output.add(path, bytes);
        }
    }
    Ok(())
}

/// The catalogue's sort key of a title, in the page's language. Chinese: the title encoded in
/// GB18030, whose 3,755 level-1 hanzi (GB2312's first level, which holds the common
/// characters) are in pinyin order, so byte order is pinyin order for them (a character with
/// two readings sits under one: 行 under xing); level-2 hanzi follow by radical and stroke,
/// Latin letters and digits come first, caseless. Other languages: caseless, by character.
fn title_order(title: &str, lang: &Lang) -> Vec<u8> {
    let caseless = title.trim().to_lowercase();
    if lang.is_chinese() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(&caseless);
        bytes.into_owned()
    } else {
        caseless.into_bytes()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The version list of a dataset page: newest first, each with its release, number, date,
/// why it was made (first publication, or the corrections it applies), files and checksum.
fn versions_of(d: &Dataset, site: &Site, lang: &Lang, files: Option<&Vec<Value>>) -> Vec<Value> {
    let style = lang.style();
    let list = site.versions.get(&d.id).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let Some(f) = &v.frozen else { continue };
        let previous =
            i.checked_sub(1).map(|p| &list[p]).filter(|p| p.frozen.as_ref().is_some_and(|pf| pf.release == f.release));
        let reasons: Vec<&str> =
            crate::publication::corrections_applied(previous, v).map(|c| c.text.get(lang)).collect();
        let file = files.and_then(|fs| fs.iter().find(|x| x["release"] == f.release && x["version"] == f.version));
        out.push(json!({
            "release": f.release,
            "release_text": match style { Style::Chinese => format!("{}年发布", f.release), Style::English => format!("{} release", f.release) },
            "version": f.version,
            "version_text": match style { Style::Chinese => format!("第{}版", f.version), Style::English => format!("v{}", f.version) },
            "date": f.date.to_string(),
            "date_text": numfmt::date(f.date, style),
            "correction": previous.is_some(),
            "reasons": reasons,
            "files": file,
        }));
    }
    out.reverse();
    out
}

/// The meta description of a dataset's page: its description, or where it has none (or an
/// empty one), its title and source in the words of the theme's `dataset_description` string.
fn meta_description(d: &Dataset, lang: &Lang, t: &BTreeMap<String, String>) -> String {
    if let Some(text) = d.description.as_ref().map(|t| t.get(lang)).filter(|s| !s.trim().is_empty()) {
        return text.to_string();
    }
    let (title, source) = (d.title.get(lang).trim(), d.source.name.get(lang).trim());
    match t.get("dataset_description") {
        Some(words) if !source.is_empty() => words.replace("{title}", title).replace("{source}", source),
        _ => title.to_string(),
    }
}

fn dataset_summary(d: &Dataset, lang: &Lang) -> Value {
    let first = d.rows.first().map(|r| d.key_label(&r.key, lang));
    let last = d.rows.last().map(|r| d.key_label(&r.key, lang));
    json!({
        "id": d.id,
        "title": d.title.get(lang),
        "description": d.description.as_ref().map(|t| t.get(lang)),
        "url": dataset_url(lang.prefix(), &d.id),
        "source_name": d.source.name.get(lang),
        "source_url": d.source.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        "license": d.license,
        "license_url": license_url(&d.license),
        "publisher": d.publisher.as_ref().map(|t| t.get(lang)),
        "series_credits": d.series.iter().filter(|s| s.source.is_some() || s.publisher.is_some() || s.license.is_some()).map(|s| json!({
            "label": s.label.get(lang),
            "source_name": s.source.as_ref().map(|x| x.name.get(lang)),
            "source_url": s.source.as_ref().and_then(|x| x.url.as_deref()),
            "publisher": s.publisher.as_ref().map(|t| t.get(lang)),
            "license": s.license,
        })).collect::<Vec<_>>(),
        "updated": d.updated.map(|u| u.to_string()),
        "updated_text": d.updated.and_then(|u| u.to_zoned(jiff::tz::TimeZone::UTC).ok()).map(|z| display_date(&z, lang)),
        "key_kind": d.key.kind.name(),
        "coverage": match (first, last) { (Some(a), Some(b)) if d.key.kind != KeyKind::Category => Some(format!("{a}–{b}")), _ => None },
        "rows": d.rows.len(),
        "series": d.series.iter().map(|s| s.label.get(lang)).collect::<Vec<_>>(),
        "notes": d.notes.as_ref().map(|t| t.get(lang)),
        "corrections": d.corrections.iter().map(|c| json!({
            "date": c.date.to_string(),
            "date_text": c.date.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| display_date(&z, lang)),
            "text": c.text.get(lang),
        })).collect::<Vec<_>>(),
    })
}

/// The dataset's overview chart: its series that share the first series' unit (its HTML and
/// figure); `address` is the page's absolute URL, written at the foot of the standalone SVG.
fn dataset_chart(
    d: &Dataset,
    lang: &Lang,
    sh: &pages::LangShared,
    base_url: &str,
    address: &str,
) -> (String, Option<figure::Figure>) {
    if d.rows.is_empty() || d.series.is_empty() {
        return (String::new(), None);
    }
    let first = d.series[0].unit.kind;
    let series: Vec<usize> = (0..d.series.len()).filter(|&i| d.series[i].unit.kind == first).collect();
    let kind = match (d.key.kind, series.len()) {
        (KeyKind::Category, _) => ChartKind::HorizontalBar,
        (_, 1) => ChartKind::Bar,
        _ => ChartKind::Line,
    };
    let spec = ChartSpec { dataset: d, kind, series, rows: 0..d.rows.len(), title: None };
    let get = |k: &'static str| sh.t.get(k).map_or(k, String::as_str);
    let text = FigureText {
        source: get("source"),
        table: get("data_table"),
        dataset: get("dataset_page"),
        unit: get("unit"),
        download: get("download"),
        license: get("license"),
        png: get("png_image"),
        address,
    };
    let name = format!("data-{}", d.id);
    let (html, fig) = figure::render(
        &spec,
        &name,
        "chart-data",
        &figure::Place { lang, text: &text, on_dataset_page: true, base_url },
    );
    (html, Some(fig))
}

/// At most this many rows are shown in a dataset page's table; the downloads have them all.
/// A page of 100,000 rows would take seconds to build and minutes to read on a phone.
pub const TABLE_ROWS: usize = 1000;

/// Datasets with more rows than this get no chart on their page: no reader can tell apart
/// thousands of bars or points on a phone, and the SVG would weigh megabytes.
pub const CHART_ROWS: usize = 5000;

fn table_html(d: &Dataset, lang: &Lang) -> String {
    use crate::markdown::shortcode::escape;
    let style = lang.style();
    // Named by the section heading around it (`dataset.html`).
    let mut h = String::from("<table aria-labelledby=\"table-title\"><thead><tr>");
    h.push_str(&format!("<th scope=\"col\">{}</th>", escape(d.key.label.get(lang))));
    for s in &d.series {
        let unit = numfmt::unit_name(
            &Unit {
                kind: s.unit.kind,
                label: s.unit.label.get(lang),
                currency: s.unit.currency.as_deref(),
                precision: None,
            },
            style,
        );
        h.push_str(&format!(
            "<th scope=\"col\">{} <span class=\"unit\">({})</span></th>",
            escape(s.label.get(lang)),
            escape(unit)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for (ri, r) in d.rows.iter().enumerate().take(TABLE_ROWS) {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&d.key_label(&r.key, lang))));
        for (si, (s, v)) in d.series.iter().zip(&r.values).enumerate() {
            let u = Unit {
                kind: s.unit.kind,
                label: s.unit.label.get(lang),
                currency: s.unit.currency.as_deref(),
                precision: s.precision,
            };
            let class = if v.is_none() { " class=\"missing\"" } else { "" };
            h.push_str(&format!(
                "<td{class}>{}{}</td>",
                escape(&numfmt::table(*v, &u, style)),
                crate::markdown::marks::cell(d, ri, si, style)
            ));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    let rows: Vec<usize> = (0..d.rows.len().min(TABLE_ROWS)).collect();
    let series: Vec<usize> = (0..d.series.len()).collect();
    h.push_str(&crate::markdown::marks::legend(d, &rows, &series, lang));
    h
}

/// schema.org `Dataset` JSON-LD, safe to place inside `<script>`.
fn json_ld(d: &Dataset, site: &Site, lang: &Lang, url: &str, dl: &[Download]) -> String {
    let tag = lang.tag();
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.title.get(lang),
        "description": d.description.as_ref().map_or_else(|| d.title.get(lang), |t| t.get(lang)),
        "url": url,
        "inLanguage": tag,
        "license": license_url(&d.license),
        "isAccessibleForFree": true,
        "publisher": {"@type": "Organization", "name": site.config.publisher.get(lang)},
        // The source a dataset cites: where its figures come from, with its address if known.
        "isBasedOn": match d.source.url.as_deref() {
            Some(u) => json!({"@type": "CreativeWork", "name": d.source.name.get(lang), "url": u}),
            None => json!({"@type": "CreativeWork", "name": d.source.name.get(lang)}),
        },
        "creator": {"@type": "Organization", "name": d.publisher.as_ref().unwrap_or(&site.config.publisher).get(lang)},
        "distribution": dl.iter().map(|f| json!({
            "@type": "DataDownload",
            "encodingFormat": media_type(f.format),
            "contentUrl": site.config.absolute(&f.url),
        })).collect::<Vec<_>>(),
    });
    if let Some(u) = d.updated {
        doc["dateModified"] = json!(u.to_string());
    }
    if d.key.kind != KeyKind::Category
        && let (Some(a), Some(b)) = (d.rows.first(), d.rows.last())
    {
        doc["temporalCoverage"] = json!(format!("{}/{}", a.key, b.key));
    }
    serde_json::to_string(&doc)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The IANA media type of a download format.
fn media_type(format: &str) -> &'static str {
    match format {
        "CSV" => "text/csv",
        "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(titles: &[&str], lang: &Lang) -> Vec<String> {
        let mut v: Vec<&str> = titles.to_vec();
        v.sort_by_cached_key(|t| title_order(t, lang));
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn chinese_titles_sort_by_pinyin() {
        let zh = Lang::new("zh", "中文", "zh-Hans", "zh");
        // fa < mei < shang < xing < zhi < zhuan; Latin letters and digits first.
        let titles = [
            "专利授权量",
            "知识产权质押融资额",
            "商标注册量",
            "法院知识产权案件",
            "行政裁决",
            "每万人口发明专利拥有量",
            "PCT国际专利申请量",
            "2021年案件",
        ];
        assert_eq!(
            sorted(&titles, &zh),
            [
                "2021年案件",
                "PCT国际专利申请量",
                "法院知识产权案件",
                "每万人口发明专利拥有量",
                "商标注册量",
                "行政裁决",
                "知识产权质押融资额",
                "专利授权量"
            ]
        );
        // Unicode code point order would put 专 (U+4E13) first and 行 (U+884C) last.
        assert_ne!(sorted(&titles, &zh)[2], "专利授权量");
    }

    #[test]
    fn english_titles_sort_without_case() {
        let en = Lang::new("en", "English", "en", "zh");
        let titles = [
            "patent transfers",
            "IP cases in the courts",
            "Invention patents",
            "PCT applications",
            "ip pledge financing",
        ];
        assert_eq!(
            sorted(&titles, &en),
            [
                "Invention patents",
                "IP cases in the courts",
                "ip pledge financing",
                "patent transfers",
                "PCT applications"
            ]
        );
    }
}
