//! `vitrine freeze <year>`: record the figures a release published, so that they never change
//! silently.
//!
//! The first run for a release writes version 1 of every dataset its pages use to
//! `data/frozen/<year>/<id>.v1.yaml` (rows of periods that had not ended by the release's date
//! are left out: they belong to later releases). Run again after correcting a published figure
//! in `data/<id>.yaml` (with a `corrections` entry dated after the last version), it writes the
//! next version with the corrected figures. A changed figure without such an entry is refused.
//! Checksums go to `data/frozen/SHA256SUMS`, so a frozen file edited by hand is noticed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Failure, Result};
use crate::load::frozen::{self, DIR, SUMS};
use crate::model::Text;
use crate::model::dataset::{Dataset, Frozen, KeyKind};
use crate::msg;
use crate::publication::changed_cells;

/// What one dataset's freeze did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new version was written (path relative to the root).
    Written {
        /// The file.
        path: String,
        /// Its version number.
        version: u32,
        /// Row keys left out because their periods had not ended by the release.
        left_out: Vec<String>,
    },
    /// The newest version already holds the working file's figures.
    Unchanged {
        /// Its version number.
        version: u32,
    },
}

/// The result of a freeze, per dataset id.
#[derive(Debug)]
pub struct Report {
    /// The release year.
    pub year: i32,
    /// What happened to each dataset the release uses.
    pub datasets: BTreeMap<String, Outcome>,
}

/// Freezes the release of `year` of the site at `root`.
pub fn run(root: &Path, year: i32) -> Result<Report> {
    let mut opts = BuildOptions::new(root);
    opts.drafts = true;
    opts.future = true;
    let loaded = build::load(&opts)?;
    let site = &loaded.site;
    let pages: Vec<_> = site.pages.iter().filter(|p| p.release == Some(year) && !p.generated).collect();
    if pages.is_empty() {
        return Err(anyhow::anyhow!(msg::no_release(year)).into());
    }
    let Some(moment) = site.release_moment(year) else {
        let source = format!("content/releases/{year}/_index.{}.md", site.config.default_lang().code());
        return Err(Diagnostic::error(&source, 1, 1, msg::release_no_date(year))
            .with_hint(msg::release_no_date_hint())
            .into());
    };
    let released = moment.date();
    let mut used: Vec<String> = pages.iter().flat_map(|p| p.datasets_named()).collect();
    used.sort();
    used.dedup();
    used.retain(|id| site.datasets.contains_key(id));

    // Loading checked every frozen version against its checksum; with drafts and embargoes
    // shown, the release's versions are all in `site.versions`.
    let mut sums: BTreeMap<String, String> =
        frozen::read_sums(root)?.into_iter().map(|(path, (sum, _))| (path, sum)).collect();
    let mut writes: Vec<(String, String)> = Vec::new();
    let mut report = Report { year, datasets: BTreeMap::new() };
    let mut diags = Vec::new();
    for id in &used {
        let working = &site.datasets[id];
        let mine: Vec<&Dataset> = site
            .versions
            .get(id)
            .into_iter()
            .flatten()
            .filter(|d| d.frozen.as_ref().is_some_and(|f| f.release == year))
            .collect();
        let (data, version, left_out) = match mine.last() {
            None => {
                let mut data = working.clone();
                let mut left_out = Vec::new();
                if working.key.kind != KeyKind::Category {
                    data.rows.retain(|r| {
                        let keep = working.period_end(&r.key).is_some_and(|end| end < released);
                        if !keep {
                            left_out.push(r.key.clone());
                        }
                        keep
                    });
                }
                data.frozen = Some(Frozen { release: year, version: 1, date: released });
                (data, 1, left_out)
            }
            Some(latest) => {
                let changed = changed_cells(working, latest);
                let last = latest.frozen.as_ref().expect("frozen");
                let annotated = crate::publication::annotations_changed(working, latest);
                if changed.is_empty() && annotated.is_none() {
                    report.datasets.insert(id.clone(), Outcome::Unchanged { version: last.version });
                    continue;
                }
                let Some(correction) = working.corrections.iter().filter(|c| c.date > last.date).max_by_key(|c| c.date)
                else {
                    let Some(&(row, si, old)) = changed.first() else {
                        let (line, what) = annotated.unwrap_or((1, msg::Said::default()));
                        diags.push(
                            Diagnostic::error(
                                &working.source_path,
                                line,
                                1,
                                msg::freeze_annotations_need_correction(&what, id, year),
                            )
                            .with_hint(msg::freeze_annotations_need_correction_hint(&last.date.to_string())),
                        );
                        continue;
                    };
                    diags.push(
                        Diagnostic::error(
                            &working.source_path,
                            row.line,
                            1,
                            msg::freeze_figure_needs_correction(
                                &row.key,
                                &working.series[si].id,
                                &old.map_or_else(msg::missing_figure, |v| msg::Said::same(v.to_string())),
                                year,
                            ),
                        )
                        .with_hint(msg::freeze_figure_needs_correction_hint(&last.date.to_string(), year)),
                    );
                    continue;
                };
                let mut data = working.clone();
                // The rows published before, and rows added since for periods that had ended by
                // the release (an earlier year added for comparison); never later periods.
                data.rows.retain(|r| {
                    latest.row_index(&r.key).is_some()
                        || (working.key.kind != KeyKind::Category
                            && working.period_end(&r.key).is_some_and(|end| end < released))
                });
                data.series.retain(|s| latest.series(&s.id).is_some());
                let keep: Vec<usize> = working
                    .series
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| latest.series(&s.id).is_some())
                    .map(|(i, _)| i)
                    .collect();
                for r in &mut data.rows {
                    r.values = keep.iter().map(|&i| r.values[i]).collect();
                    r.status = keep.iter().map(|&i| r.status[i]).collect();
                }
                data.frozen = Some(Frozen { release: year, version: last.version + 1, date: correction.date });
                (data, last.version + 1, Vec::new())
            }
        };
        let path = frozen::path_of(year, id, version);
        let text = to_yaml(&data, &site.config.languages.iter().map(|l| l.code().to_string()).collect::<Vec<_>>());
        let inner = path.strip_prefix(&format!("{DIR}/")).unwrap_or(&path).to_string();
        sums.insert(inner, frozen::checksum(&text));
        writes.push((path.clone(), text));
        report.datasets.insert(id.clone(), Outcome::Written { path, version, left_out });
    }
    if !diags.is_empty() {
        return Err(Failure::Content(diags));
    }
    for (rel, text) in &writes {
        let path = root.join(rel);
        if path.exists() {
            return Err(anyhow::anyhow!(msg::frozen_exists(rel)).into());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| msg::cannot_create(&dir.display().to_string()))?;
        }
        std::fs::write(&path, text).with_context(|| msg::cannot_write(&path.display().to_string()))?;
    }
    if !writes.is_empty() {
        let mut list = String::from(
            "# Checksums of the frozen versions (SHA-256 of each file with LF line ends), written by `vitrine freeze`.\n\
             # 冻结数据的校验值，由 vitrine freeze 写入，请勿手工修改。\n",
        );
        for (path, sum) in &sums {
            let _ = writeln!(list, "{sum}  {path}");
        }
        let path = root.join(DIR).join(SUMS);
        std::fs::write(&path, list).with_context(|| msg::cannot_write(&path.display().to_string()))?;
    }
    Ok(report)
}

/// A dataset as YAML, in the layout of a hand-written dataset file, with its `frozen` entry
/// and a header saying what the file is. Strings are double-quoted (JSON string syntax is
/// YAML's), numbers written exactly.
pub fn to_yaml(d: &Dataset, langs: &[String]) -> String {
    let f = d.frozen.as_ref().expect("a frozen version");
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# 冻结数据：{year}年发布所公布的数据集 {id}，第{v}版。由 vitrine freeze {year} 写入，请勿手工修改。",
        year = f.release,
        id = d.id,
        v = f.version
    );
    let _ = writeln!(
        y,
        "# Frozen: the figures of `{id}` as the {year} release published them, version {v}. Written by `vitrine freeze {year}`; do not edit.",
        year = f.release,
        id = d.id,
        v = f.version
    );
    let _ = writeln!(
        y,
        "# 更正已发布的数字：修改 data/{id}.yaml，在 corrections 中写明日期和原因，再运行 vitrine freeze {year}。",
        id = d.id,
        year = f.release
    );
    let _ = writeln!(y, "frozen: {{release: {}, version: {}, date: {}}}", f.release, f.version, f.date);
    let _ = writeln!(y, "title: {}", text(&d.title, langs));
    if let Some(t) = &d.description {
        let _ = writeln!(y, "description: {}", text(t, langs));
    }
    let _ = writeln!(y, "source:\n  name: {}", text(&d.source.name, langs));
    if let Some(u) = &d.source.url {
        let _ = writeln!(y, "  url: {}", quote(u));
    }
    if let Some(p) = &d.publisher {
        let _ = writeln!(y, "publisher: {}", text(p, langs));
    }
    let _ = writeln!(y, "license: {}", quote(&d.license));
    if let Some(u) = d.updated {
        let _ = writeln!(y, "updated: {u}");
    }
    let _ =
        write!(y, "key: {{id: {}, kind: {}, label: {}", quote(&d.key.id), d.key.kind.name(), text(&d.key.label, langs));
    if d.key.kind == KeyKind::Category {
        y.push_str(", categories: {");
        for (i, (id, label)) in d.key.categories.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(y, "{sep}{}: {}", quote(id), text(label, langs));
        }
        y.push('}');
    }
    y.push_str("}\nseries:\n");
    for s in &d.series {
        let _ = writeln!(y, "  - id: {}", quote(&s.id));
        let _ = writeln!(y, "    label: {}", text(&s.label, langs));
        let _ = write!(y, "    unit: {{kind: {}", s.unit.kind.name());
        if !matches!(&s.unit.label, Text::Plain(l) if l.is_empty()) {
            let _ = write!(y, ", label: {}", text(&s.unit.label, langs));
        }
        if let Some(c) = &s.unit.currency {
            let _ = write!(y, ", currency: {}", quote(c));
        }
        y.push_str("}\n");
        if let Some(p) = s.precision {
            let _ = writeln!(y, "    precision: {p}");
        }
        if let Some(src) = &s.source {
            let _ = write!(y, "    source: {{name: {}", text(&src.name, langs));
            if let Some(u) = &src.url {
                let _ = write!(y, ", url: {}", quote(u));
            }
            y.push_str("}\n");
        }
        if let Some(p) = &s.publisher {
            let _ = writeln!(y, "    publisher: {}", text(p, langs));
        }
        if let Some(l) = &s.license {
            let _ = writeln!(y, "    license: {}", quote(l));
        }
    }
    y.push_str("rows:\n");
    for r in &d.rows {
        let key = if d.key.kind == KeyKind::Year { r.key.clone() } else { quote(&r.key) };
        let _ = write!(y, "  - {{{}: {key}", quote(&d.key.id));
        for (i, (s, v)) in d.series.iter().zip(&r.values).enumerate() {
            match r.status.get(i).copied().flatten() {
                Some(st) => {
                    let _ = write!(y, ", {}: {{value: {}, status: {}}}", quote(&s.id), number(*v), st.name());
                }
                None => {
                    let _ = write!(y, ", {}: {}", quote(&s.id), number(*v));
                }
            }
        }
        y.push_str("}\n");
    }
    if let Some(n) = &d.notes {
        let _ = writeln!(y, "notes: {}", text(n, langs));
    }
    if !d.breaks.is_empty() {
        y.push_str("breaks:\n");
        for b in &d.breaks {
            let period = if d.key.kind == KeyKind::Year { b.period.clone() } else { quote(&b.period) };
            let _ = write!(y, "  - {{period: {period}");
            if !b.series.is_empty() {
                let ids: Vec<String> = b.series.iter().map(|s| quote(s)).collect();
                let _ = write!(y, ", series: [{}]", ids.join(", "));
            }
            let _ = writeln!(y, ", note: {}}}", text(&b.note, langs));
        }
    }
    if !d.corrections.is_empty() {
        y.push_str("corrections:\n");
        for c in &d.corrections {
            let _ = writeln!(y, "  - {{date: {}, text: {}}}", c.date, text(&c.text, langs));
        }
    }
    y
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A bilingual text as a flow mapping in the site's language order (other codes after).
fn text(t: &Text, langs: &[String]) -> String {
    match t {
        Text::Plain(s) => quote(s),
        Text::PerLang(m) => {
            let mut keys: Vec<&String> = langs.iter().filter(|l| m.contains_key(*l)).collect();
            keys.extend(m.keys().filter(|k| !langs.contains(k)));
            let parts: Vec<String> = keys.iter().map(|k| format!("{}: {}", quote(k), quote(&m[*k]))).collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

/// A figure exactly: whole numbers without a decimal point, others in the shortest form that
/// reads back to the same number, `null` for a missing value.
fn number(v: Option<f64>) -> String {
    match v {
        None => "null".into(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact() {
        assert_eq!(number(Some(155000.0)), "155000");
        assert_eq!(number(Some(-3.0)), "-3");
        assert_eq!(number(Some(0.1)), "0.1");
        assert_eq!(number(Some(50.26e8)), "5026000000");
        assert_eq!(number(None), "null");
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }
}
