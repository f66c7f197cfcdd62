//! Open data pages: the catalogue `/data/` and one page per dataset; the files themselves come
//! from [`crate::export`].

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::pages::{self, Assets, Index, Templates, display_date};
use super::{PageOut, RenderOptions};
use crate::chart::ChartKind;
use crate::diag::{Failure, Result};
use crate::export::{self, csv, datapackage, json, license_url};
use crate::load::Theme;
use crate::markdown::figure::{self, ChartSpec, FigureText};
use crate::model::Site;
use crate::model::dataset::{Dataset, KeyKind};
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
pub fn render(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    rendered: &[PageOut<'_>],
    assets: &Assets,
    opts: &RenderOptions,
    output: &mut Output,
) -> Result<()> {
    if site.datasets.is_empty() {
        return Ok(());
    }
    let mut downloads: BTreeMap<&str, Vec<DataFile>> = BTreeMap::new();
    for ds in site.datasets.values() {
        let csv = csv(ds).map_err(Failure::Other)?;
        let xlsx = export::xlsx(ds, site).map_err(|e| anyhow::anyhow!("cannot write `{}.xlsx`: {e}", ds.id))?;
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
        let csv = csv(v).map_err(Failure::Other)?;
        let xlsx = export::xlsx(v, site).map_err(|e| anyhow::anyhow!("cannot write `{base}.xlsx`: {e}"))?;
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
    let mut all: BTreeMap<String, &[u8]> = BTreeMap::new();
    all.insert("datapackage.json".into(), &package);
    for f in downloads.values().flatten() {
        all.insert(f.name.clone(), &f.bytes);
    }
    let archive = export::zip_all(all.iter().map(|(k, v)| (k.as_str(), *v)))
        .map_err(|e| anyhow::anyhow!("cannot write `{ARCHIVE}`: {e}"))?;
    output.add(format!("data/{ARCHIVE}"), archive);
    output.add("data/datapackage.json", package);
    for f in downloads.values().flatten() {
        output.add(format!("data/{}", f.name), f.bytes.clone());
    }

    let index = Index::new(rendered);
    let shared = pages::shared(site, theme, &index, opts.search);
    let default = site.config.default_lang().code.clone();
    // Which pages use each dataset.
    let mut used_by: BTreeMap<&str, Vec<&PageOut<'_>>> = BTreeMap::new();
    for p in rendered {
        for id in &p.body.datasets {
            used_by.entry(id.as_str()).or_default().push(p);
        }
    }
    let jobs: Vec<(&crate::model::Language, Option<&Dataset>)> = site
        .config
        .languages
        .iter()
        .flat_map(|l| std::iter::once((l, None)).chain(site.datasets.values().map(move |d| (l, Some(d)))))
        .collect();
    let results: Vec<Result<Files>> = jobs
        .par_iter()
        .map(|&(l, ds)| {
            let lang = l.code.as_str();
            let sh = &shared[lang];
            let prefix = site.config.lang_prefix(lang);
            let key = match ds {
                Some(d) => format!("data/{}", d.id),
                None => "data".to_string(),
            };
            let alts: Vec<_> = pages::alternates(site, &index, &key, lang)
                .into_iter()
                .map(|mut a| {
                    a.url = format!("{}/{key}/", site.config.lang_prefix(&a.code));
                    a.permalink = site.config.absolute(&a.url);
                    a.translated = true;
                    a
                })
                .collect();
            let url = format!("{prefix}/{key}/");
            let mut ctx = pages::base_context(sh, assets, &alts, "data", &site.config.absolute(&url));
            let mut files = Vec::new();
            let catalogue: Vec<Value> = site.datasets.values().map(|d| dataset_summary(d, site, lang, &prefix)).collect();
            let crumbs = vec![
                json!({"title": sh.t.get("home"), "url": format!("{prefix}/")}),
            ];
            match ds {
                None => {
                    let title = sh.t.get("data_catalogue").cloned().unwrap_or_default();
                    ctx.insert("page", &json!({"title": title, "url": url, "permalink": site.config.absolute(&url), "description": sh.t.get("data_catalogue_intro"), "unpublished": null, "toc": []}));
                    ctx.insert("datasets", &catalogue);
                    ctx.insert("breadcrumbs", &crumbs);
                    let html = templates.render("data-list.html", &ctx)?;
                    files.push((format!("{}index.html", url.trim_start_matches('/')), pages::finish(html, opts)));
                }
                Some(d) => {
                    let mut crumbs = crumbs;
                    crumbs.push(json!({"title": sh.t.get("data_catalogue"), "url": format!("{prefix}/data/")}));
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
                    let (chart_html, svg) = if d.rows.len() <= CHART_ROWS {
                        dataset_chart(d, lang, &default, &prefix, sh)
                    } else {
                        (String::new(), None)
                    };
                    if let Some(svg) = svg {
                        files.push((format!("charts/data-{}.{lang}.svg", d.id), svg.into_bytes()));
                    }
                    let pages_using: Vec<_> = used_by
                        .get(d.id.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|p| p.page.lang == lang)
                        .map(|p| pages::page_ref(site, p))
                        .collect();
                    let mut info = dataset_summary(d, site, lang, &prefix);
                    let permalink = site.config.absolute(&url);
                    info["chart"] = json!(chart_html);
                    info["table"] = json!(table_html(d, lang, &default));
                    let note = (d.rows.len() > TABLE_ROWS).then(|| {
                        let text = sh.t.get("table_truncated").map_or("", String::as_str);
                        text.replace("{shown}", &TABLE_ROWS.to_string()).replace("{total}", &d.rows.len().to_string())
                    });
                    info["table_note"] = json!(note);
                    info["downloads"] = json!(dl);
                    info["pages"] = json!(pages_using);
                    info["citation"] = json!(citation(d, site, lang, &permalink));
                    info["versions"] = json!(versions_of(d, site, lang, version_files.get(d.id.as_str())));
                    info["json_ld"] = json!(json_ld(d, site, lang, &permalink, &dl));
                    ctx.insert("dataset", &info);
                    ctx.insert("searchable", &opts.search);
                    let description = meta_description(d, site, lang, &sh.t);
                    ctx.insert(
                        "page",
                        &json!({"title": info["title"], "url": url, "permalink": permalink, "description": description, "unpublished": null, "toc": []}),
                    );
                    let html = templates.render("dataset.html", &ctx)?;
                    files.push((format!("{}index.html", url.trim_start_matches('/')), pages::finish(html, opts)));
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The version list of a dataset page: newest first, each with its release, number, date,
/// why it was made (first publication, or the corrections it applies), files and checksum.
fn versions_of(d: &Dataset, site: &Site, lang: &str, files: Option<&Vec<Value>>) -> Vec<Value> {
    let default = site.config.default_lang().code.as_str();
    let style = Style::for_lang(lang);
    let list = site.versions.get(&d.id).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let Some(f) = &v.frozen else { continue };
        let previous =
            i.checked_sub(1).map(|p| &list[p]).filter(|p| p.frozen.as_ref().is_some_and(|pf| pf.release == f.release));
        let reasons: Vec<&str> =
            crate::publication::corrections_applied(previous, v).map(|c| c.text.get(lang, default)).collect();
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
fn meta_description(d: &Dataset, site: &Site, lang: &str, t: &BTreeMap<String, String>) -> String {
    let default = site.config.default_lang().code.as_str();
    if let Some(text) = d.description.as_ref().map(|t| t.get(lang, default)).filter(|s| !s.trim().is_empty()) {
        return text.to_string();
    }
    let (title, source) = (d.title.get(lang, default).trim(), d.source.name.get(lang, default).trim());
    match t.get("dataset_description") {
        Some(words) if !source.is_empty() => words.replace("{title}", title).replace("{source}", source),
        _ => title.to_string(),
    }
}

fn dataset_summary(d: &Dataset, site: &Site, lang: &str, prefix: &str) -> Value {
    let default = site.config.default_lang().code.as_str();
    let first = d.rows.first().map(|r| d.key_label(&r.key, lang, default));
    let last = d.rows.last().map(|r| d.key_label(&r.key, lang, default));
    json!({
        "id": d.id,
        "title": d.title.get(lang, default),
        "description": d.description.as_ref().map(|t| t.get(lang, default)),
        "url": format!("{prefix}/data/{}/", d.id),
        "source_name": d.source.name.get(lang, default),
        "source_url": d.source.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        "license": d.license,
        "license_url": license_url(&d.license),
        "updated": d.updated.map(|u| u.to_string()),
        "updated_text": d.updated.and_then(|u| u.to_zoned(jiff::tz::TimeZone::UTC).ok()).map(|z| display_date(&z, lang)),
        "key_kind": d.key.kind.name(),
        "coverage": match (first, last) { (Some(a), Some(b)) if d.key.kind != KeyKind::Category => Some(format!("{a}–{b}")), _ => None },
        "rows": d.rows.len(),
        "series": d.series.iter().map(|s| s.label.get(lang, default)).collect::<Vec<_>>(),
        "notes": d.notes.as_ref().map(|t| t.get(lang, default)),
        "corrections": d.corrections.iter().map(|c| json!({
            "date": c.date.to_string(),
            "date_text": c.date.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| display_date(&z, lang)),
            "text": c.text.get(lang, default),
        })).collect::<Vec<_>>(),
    })
}

/// The dataset's overview chart: its series that share the first series' unit.
fn dataset_chart(
    d: &Dataset,
    lang: &str,
    default: &str,
    prefix: &str,
    sh: &pages::LangShared,
) -> (String, Option<String>) {
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
    };
    let name = format!("data-{}", d.id);
    let (html, fig) = figure::render(
        &spec,
        &name,
        "chart-data",
        &figure::Place { lang, default_lang: default, lang_prefix: prefix, text: &text, on_dataset_page: true },
    );
    (html, Some(fig.svg))
}

/// At most this many rows are shown in a dataset page's table; the downloads have them all.
/// A page of 100,000 rows would take seconds to build and minutes to read on a phone.
pub const TABLE_ROWS: usize = 1000;

/// Datasets with more rows than this get no chart on their page: no reader can tell apart
/// thousands of bars or points on a phone, and the SVG would weigh megabytes.
pub const CHART_ROWS: usize = 5000;

fn table_html(d: &Dataset, lang: &str, default: &str) -> String {
    use crate::markdown::shortcode::escape;
    let style = Style::for_lang(lang);
    // Named by the section heading around it (`dataset.html`).
    let mut h = String::from("<table aria-labelledby=\"table-title\"><thead><tr>");
    h.push_str(&format!("<th scope=\"col\">{}</th>", escape(d.key.label.get(lang, default))));
    for s in &d.series {
        let unit = numfmt::unit_name(
            &Unit {
                kind: s.unit.kind,
                label: s.unit.label.get(lang, default),
                currency: s.unit.currency.as_deref(),
                precision: None,
            },
            style,
        );
        h.push_str(&format!(
            "<th scope=\"col\">{} <span class=\"unit\">({})</span></th>",
            escape(s.label.get(lang, default)),
            escape(unit)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for r in d.rows.iter().take(TABLE_ROWS) {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(&d.key_label(&r.key, lang, default))));
        for (s, v) in d.series.iter().zip(&r.values) {
            let u = Unit {
                kind: s.unit.kind,
                label: s.unit.label.get(lang, default),
                currency: s.unit.currency.as_deref(),
                precision: s.precision,
            };
            let class = if v.is_none() { " class=\"missing\"" } else { "" };
            h.push_str(&format!("<td{class}>{}</td>", escape(&numfmt::table(*v, &u, style))));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

fn citation(d: &Dataset, site: &Site, lang: &str, url: &str) -> String {
    let default = site.config.default_lang().code.as_str();
    let publisher = site.config.publisher.get(lang, default);
    let title = d.title.get(lang, default);
    let updated = d.updated.and_then(|u| u.to_zoned(jiff::tz::TimeZone::UTC).ok());
    if Style::for_lang(lang) == Style::Chinese {
        let upd = updated.map(|z| format!("，{}更新", display_date(&z, lang))).unwrap_or_default();
        format!("{publisher}：《{title}》（数据集）{upd}，{url}，许可协议：{}。", d.license)
    } else {
        let year = d.updated.map(|u| format!(" ({})", u.year())).unwrap_or_default();
        let upd = updated.map(|z| format!(" Updated {}.", display_date(&z, lang))).unwrap_or_default();
        format!("{publisher}{year}. {title} [dataset].{upd} {url}. Licence: {}.", d.license)
    }
}

/// schema.org `Dataset` JSON-LD, safe to place inside `<script>`.
fn json_ld(d: &Dataset, site: &Site, lang: &str, url: &str, dl: &[Download]) -> String {
    let default = site.config.default_lang().code.as_str();
    let tag = site.config.language(lang).map_or(lang, |l| l.tag.as_str());
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.title.get(lang, default),
        "description": d.description.as_ref().map_or_else(|| d.title.get(lang, default), |t| t.get(lang, default)),
        "url": url,
        "inLanguage": tag,
        "license": license_url(&d.license),
        "isAccessibleForFree": true,
        "publisher": {"@type": "Organization", "name": site.config.publisher.get(lang, default)},
        // The source a dataset cites: where its figures come from, with its address if known.
        "isBasedOn": match d.source.url.as_deref() {
            Some(u) => json!({"@type": "CreativeWork", "name": d.source.name.get(lang, default), "url": u}),
            None => json!({"@type": "CreativeWork", "name": d.source.name.get(lang, default)}),
        },
        "creator": {"@type": "Organization", "name": site.config.publisher.get(lang, default)},
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
