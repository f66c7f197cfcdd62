//! Open data: `/data/<id>.csv`, `.json`, `datapackage.json`, the catalogue and dataset pages.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::pages::{self, Assets, Index, Templates, display_date};
use super::{PageOut, RenderOptions};
use crate::chart::ChartKind;
use crate::diag::{Failure, Result};
use crate::load::Theme;
use crate::markdown::figure::{self, ChartSpec, FigureText};
use crate::model::dataset::{Dataset, KeyKind};
use crate::model::{Site, Text};
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

/// A cell of text that a spreadsheet would take for a formula is prefixed with `'`.
pub fn csv_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

/// A number as data files write it: shortest exact form, no exponent for ordinary sizes.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

/// The CSV of a dataset: UTF-8 with BOM, header of ids, one row per key, missing values empty.
pub fn csv(ds: &Dataset) -> anyhow::Result<Vec<u8>> {
    let mut buf = b"\xef\xbb\xbf".to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut buf);
        let mut header = vec![ds.key.id.clone()];
        header.extend(ds.series.iter().map(|s| s.id.clone()));
        w.write_record(header.iter().map(|h| csv_safe(h)))?;
        for row in &ds.rows {
            let mut rec = vec![csv_safe(&row.key)];
            rec.extend(row.values.iter().map(|v| v.map(plain).unwrap_or_default()));
            w.write_record(&rec)?;
        }
        w.flush()?;
    }
    Ok(buf)
}

fn text_json(t: &Text, site: &Site) -> Value {
    let default = site.config.default_lang().code.as_str();
    let map: serde_json::Map<String, Value> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), Value::String(t.get(&l.code, default).to_string())))
        .collect();
    Value::Object(map)
}

fn key_json(ds: &Dataset, key: &str) -> Value {
    match ds.key.kind {
        KeyKind::Year => key.parse::<i64>().map_or_else(|_| Value::String(key.into()), Value::from),
        _ => Value::String(key.into()),
    }
}

/// The JSON of a dataset: data and all metadata in every language.
pub fn json(ds: &Dataset, site: &Site) -> Vec<u8> {
    let rows: Vec<Value> = ds
        .rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert(ds.key.id.clone(), key_json(ds, &r.key));
            for (s, v) in ds.series.iter().zip(&r.values) {
                m.insert(s.id.clone(), v.map_or(Value::Null, |x| json!(x)));
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "id": ds.id,
        "title": text_json(&ds.title, site),
        "description": ds.description.as_ref().map(|t| text_json(t, site)),
        "source": {"name": text_json(&ds.source.name, site), "url": ds.source.url},
        "publisher": text_json(&site.config.publisher, site),
        "license": ds.license,
        "updated": ds.updated.map(|d| d.to_string()),
        "key": {
            "id": ds.key.id,
            "kind": ds.key.kind.name(),
            "label": text_json(&ds.key.label, site),
            "categories": ds.key.categories.iter().map(|(id, t)| json!({"id": id, "label": text_json(t, site)})).collect::<Vec<_>>(),
        },
        "series": ds.series.iter().map(|s| json!({
            "id": s.id,
            "label": text_json(&s.label, site),
            "unit": {"kind": unit_kind_name(s.unit.kind), "label": text_json(&s.unit.label, site), "currency": s.unit.currency},
            "precision": s.precision,
        })).collect::<Vec<_>>(),
        "rows": rows,
        "notes": ds.notes.as_ref().map(|t| text_json(t, site)),
        "corrections": ds.corrections.iter().map(|c| json!({"date": c.date.to_string(), "text": text_json(&c.text, site)})).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

fn unit_kind_name(k: numfmt::UnitKind) -> &'static str {
    match k {
        numfmt::UnitKind::Count => "count",
        numfmt::UnitKind::Currency => "currency",
        numfmt::UnitKind::Percent => "percent",
        numfmt::UnitKind::Rate => "rate",
    }
}

/// A licence's page for an SPDX id.
pub fn license_url(spdx: &str) -> String {
    match spdx {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/".into(),
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/".into(),
        "ODC-By-1.0" => "https://opendatacommons.org/licenses/by/1-0/".into(),
        "ODbL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/".into(),
        "PDDL-1.0" => "https://opendatacommons.org/licenses/pddl/1-0/".into(),
        other => format!("https://spdx.org/licenses/{other}.html"),
    }
}

/// `datapackage.json`: a Frictionless Data Package describing every CSV.
pub fn datapackage(site: &Site) -> Vec<u8> {
    let c = &site.config;
    let default = c.default_lang().code.as_str();
    let en = c.language("en").map_or(default, |l| l.code.as_str());
    let unit_text = |u: &crate::model::dataset::Unit, lang: &str| match u.kind {
        numfmt::UnitKind::Percent => "%".to_string(),
        numfmt::UnitKind::Currency => u.currency.clone().unwrap_or_default(),
        _ => u.label.get(lang, default).to_string(),
    };
    let resources: Vec<Value> = site
        .datasets
        .values()
        .map(|ds| {
            let key_type = match ds.key.kind {
                KeyKind::Year => "year",
                KeyKind::Month => "yearmonth",
                KeyKind::Date => "date",
                KeyKind::Quarter | KeyKind::Category => "string",
            };
            let mut fields = vec![json!({
                "name": ds.key.id,
                "type": key_type,
                "title": ds.key.label.get(en, default),
                "description": format!("{} / {}", ds.key.label.get(default, default), ds.key.label.get(en, default)),
            })];
            if ds.key.kind == KeyKind::Category {
                let ids: Vec<&str> = ds.key.categories.iter().map(|(id, _)| id.as_str()).collect();
                fields[0]["constraints"] = json!({"enum": ids});
            }
            for s in &ds.series {
                fields.push(json!({
                    "name": s.id,
                    "type": "number",
                    "title": s.label.get(en, default),
                    "description": format!(
                        "{} / {}. Unit: {} ({}){}",
                        s.label.get(default, default),
                        s.label.get(en, default),
                        unit_text(&s.unit, en),
                        unit_kind_name(s.unit.kind),
                        if s.unit.kind == numfmt::UnitKind::Percent { "; 41.6 means 41.6%" } else { "" },
                    ),
                }));
            }
            let mut source = json!({"title": ds.source.name.get(en, default)});
            if let Some(u) = &ds.source.url {
                source["path"] = json!(u);
            }
            json!({
                "name": ds.id,
                "path": format!("{}.csv", ds.id),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": ds.title.get(en, default),
                "description": ds.description.as_ref().map(|d| d.get(en, default)).unwrap_or_default(),
                "sources": [source],
                "licenses": [{"name": ds.license, "path": license_url(&ds.license)}],
                "schema": {"fields": fields, "primaryKey": [ds.key.id], "missingValues": [""]},
            })
        })
        .collect();
    let name: String = c
        .base_url
        .split("//")
        .nth(1)
        .unwrap_or("site")
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch.to_ascii_lowercase() } else { '-' })
        .collect();
    let doc = json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": c.title.get(en, default),
        "description": c.description.get(en, default),
        "homepage": format!("{}/data/", c.base_url),
        "licenses": [{"name": c.license, "path": license_url(&c.license)}],
        "contributors": [{"title": c.publisher.get(en, default), "role": "publisher"}],
        "resources": resources,
    });
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
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
        let files = downloads.entry(&ds.id).or_default();
        files.push(DataFile { name: format!("{}.csv", ds.id), format: "CSV", bytes: csv });
        files.push(DataFile { name: format!("{}.json", ds.id), format: "JSON", bytes: json(ds, site) });
    }
    output.add("data/datapackage.json", datapackage(site));
    for files in downloads.values() {
        for f in files {
            output.add(format!("data/{}", f.name), f.bytes.clone());
        }
    }

    let index = Index::new(rendered);
    let shared = pages::shared(site, theme, &index);
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
            ctx.insert("og_image", &None::<String>);
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
                            sha256: Sha256::digest(&f.bytes).iter().map(|b| format!("{b:02x}")).collect(),
                        })
                        .collect();
                    let (chart_html, svg) = dataset_chart(d, lang, &default, &prefix, sh);
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
                    info["downloads"] = json!(dl);
                    info["pages"] = json!(pages_using);
                    info["citation"] = json!(citation(d, site, lang, &permalink));
                    info["json_ld"] = json!(json_ld(d, site, lang, &permalink, &dl));
                    ctx.insert("dataset", &info);
                    ctx.insert(
                        "page",
                        &json!({"title": info["title"], "url": url, "permalink": permalink, "description": info["description"], "unpublished": null, "toc": []}),
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
    let (html, fig) = figure::render(&spec, &name, "chart-data", lang, default, prefix, &text);
    (html, Some(fig.svg))
}

fn table_html(d: &Dataset, lang: &str, default: &str) -> String {
    use crate::markdown::shortcode::escape;
    let style = Style::for_lang(lang);
    let mut h = String::from("<table><thead><tr>");
    h.push_str(&format!("<th scope=\"col\">{}</th>", escape(d.key.label.get(lang, default))));
    for s in &d.series {
        let unit = match s.unit.kind {
            numfmt::UnitKind::Percent => "%".to_string(),
            numfmt::UnitKind::Currency => s.unit.currency.clone().unwrap_or_default(),
            _ => s.unit.label.get(lang, default).to_string(),
        };
        h.push_str(&format!(
            "<th scope=\"col\">{} <span class=\"unit\">({})</span></th>",
            escape(s.label.get(lang, default)),
            escape(&unit)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &d.rows {
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
        "creator": {"@type": "Organization", "name": d.source.name.get(lang, default)},
        "distribution": dl.iter().map(|f| json!({
            "@type": "DataDownload",
            "encodingFormat": if f.format == "CSV" { "text/csv" } else { "application/json" },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(csv_safe("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_safe("wuhan"), "wuhan");
        assert_eq!(plain(155000.0), "155000");
        assert_eq!(plain(16.09), "16.09");
    }
}
