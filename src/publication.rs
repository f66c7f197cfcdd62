//! What may be public: the stage between loading and rendering that decides which figures
//! this build publishes, and which data each page is rendered with.
//!
//! - **Embargo covers data.** A dataset that a withheld page (draft, or `publish_at` in the
//!   future) uses is *contested*: its public form is the newest frozen version of a release
//!   this build shows; failing that, the working file cut to the periods that had ended by the
//!   newest published release that uses it; failing that, nothing. A dataset only withheld
//!   pages use is not published at all.
//! - **Frozen releases.** A release with frozen figures (`data/frozen/<year>/`) renders its
//!   pages with the newest version of each, and every figure a correction changed carries the
//!   figure first published (see [`Revision`]).
//! - **Versions.** The frozen versions of the releases this build shows are listed per dataset,
//!   for the dataset pages and the files under `/data/<id>/<year>/`.
//!
//! The stage reads nothing from disk; it takes the loaded [`Site`] and the frozen versions.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Failure, Result};
use crate::model::dataset::{Dataset, KeyKind, Revision};
use crate::model::{Page, Site};
use crate::msg;

/// Decides what is public and fills [`Site::datasets`], [`Site::release_data`] and
/// [`Site::versions`]. Returns warnings; errors (a figure vitrine cannot place) fail.
pub fn resolve(site: &mut Site, frozen: Vec<Dataset>) -> Result<Vec<Diagnostic>> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();

    // Who uses each dataset: pages this build shows, and pages it withholds.
    // (The pages shown matter only for data that withheld pages use too.)
    let mut shown: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
    let mut withheld: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
    for p in site.pages.iter().filter(|p| !p.generated && !site.withheld.is_empty()) {
        for id in p.datasets_named() {
            shown.entry(id).or_default().push(p);
        }
    }
    for p in &site.withheld {
        for id in p.datasets_named() {
            withheld.entry(id).or_default().push(p);
        }
    }
    let shown_releases: BTreeSet<i32> = site.pages.iter().filter(|p| !p.generated).filter_map(|p| p.release).collect();

    // Frozen versions by dataset and release, oldest first; only those of shown releases count.
    let mut by_release: BTreeMap<String, BTreeMap<i32, Vec<Dataset>>> = BTreeMap::new();
    for d in frozen {
        let release = d.frozen.as_ref().map_or(0, |f| f.release);
        by_release.entry(d.id.clone()).or_default().entry(release).or_default().push(d);
    }

    let mut public: BTreeMap<String, Dataset> = BTreeMap::new();
    for (id, working) in &site.datasets {
        let versions = by_release.get(id);
        // The newest version of the newest shown release that froze this dataset.
        let base = versions.and_then(|v| {
            v.iter().rev().find(|(y, _)| shown_releases.contains(y)).and_then(|(y, list)| list.last().map(|d| (*y, d)))
        });
        check_corrections(working, versions, &mut errors);
        let Some(hidden) = withheld.get(id) else {
            if let Some((year, latest)) = base {
                unlogged_changes(working, year, latest, &mut warnings);
            }
            public.insert(id.clone(), working.clone());
            continue;
        };
        let users = shown.get(id).map(Vec::as_slice).unwrap_or_default();
        let newest_user = users.iter().filter_map(|p| p.release).max();
        if let Some((year, latest)) = base
            && newest_user.is_none_or(|y| y <= year)
        {
            public.insert(id.clone(), published_form(latest));
            continue;
        }
        // No frozen version covers the published pages: cut by period, where there are periods.
        let cutoff = newest_user
            .and_then(|y| site.release_moment(y))
            .or_else(|| users.iter().filter(|p| p.release.is_none()).filter_map(|p| p.sort_date().cloned()).max());
        let embargoed = hidden.iter().filter_map(|p| p.release).min();
        match cutoff {
            Some(at) if working.key.kind != KeyKind::Category => {
                let day = at.date();
                let mut cut = working.clone();
                cut.rows.retain(|r| working.period_end(&r.key).is_some_and(|end| end < day));
                let release = newest_user.map_or_else(msg::users_pages, msg::users_release);
                let first_hidden = working.rows.iter().find(|r| !cut.rows.iter().any(|c| c.key == r.key));
                warnings.push(
                    Diagnostic::warning(
                        &working.source_path,
                        first_hidden.map_or(1, |r| r.line),
                        1,
                        msg::shared_with_hidden(
                            id,
                            &embargoed.map_or_else(msg::hidden_page, msg::hidden_release),
                            &release,
                        ),
                    )
                    .with_hint(newest_user.map_or_else(msg::freeze_some_release_hint, msg::freeze_release_hint)),
                );
                public.insert(id.clone(), cut);
            }
            _ if users.is_empty() && base.is_none() => {} // used only by withheld pages: not published
            _ => {
                if let Some((_, latest)) = base {
                    public.insert(id.clone(), published_form(latest));
                    continue;
                }
                let page = users[0];
                errors.push(
                    Diagnostic::error(&page.source, page.body_line, 1, msg::cannot_tell_public(id, &hidden[0].source))
                        .with_hint(
                            page.release
                                .map_or_else(msg::cannot_tell_public_hint, msg::cannot_tell_public_release_hint),
                        ),
                );
            }
        }
    }

    // The data each shown frozen release renders with, and the versions anyone may download.
    let mut release_data: BTreeMap<i32, BTreeMap<String, Dataset>> = BTreeMap::new();
    let mut published_versions: BTreeMap<String, Vec<Dataset>> = BTreeMap::new();
    for (id, releases) in &by_release {
        if !site.datasets.contains_key(id) {
            if let Some(d) = releases.values().next().and_then(|v| v.first()) {
                errors.push(
                    Diagnostic::error(&d.source_path, 1, 1, msg::published_dataset_missing(id))
                        .with_hint(msg::published_dataset_missing_hint()),
                );
            }
            continue;
        }
        for (year, list) in releases {
            if !shown_releases.contains(year) {
                continue;
            }
            let latest = list.last().expect("a release's versions are not empty");
            let mut data = latest.clone();
            data.revisions = revisions(list);
            release_data.entry(*year).or_insert_with(|| public.clone()).insert(id.clone(), data);
            published_versions.entry(id.clone()).or_default().extend(list.iter().cloned());
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Content(errors));
    }
    site.datasets = public;
    site.release_data = release_data;
    site.versions = published_versions;
    Ok(warnings)
}

/// A frozen version as the public form of a dataset (its id and paths are the dataset's).
fn published_form(latest: &Dataset) -> Dataset {
    let mut d = latest.clone();
    d.source_path = format!("data/{}.yaml", d.id);
    d
}

/// Figures that versions after the first changed: each with the figure first published and the
/// date of the newest version that changed it.
pub fn revisions(versions: &[Dataset]) -> Vec<Revision> {
    let Some(first) = versions.first() else { return Vec::new() };
    let mut out: Vec<Revision> = Vec::new();
    for pair in versions.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let date = after.frozen.as_ref().map(|f| f.date);
        // Series are matched by id: a later version may list them in another order.
        let by_id = |d: &Dataset, key: &str, id: &str| d.series(id).and_then(|(i, _)| d.value(key, i));
        for row in &after.rows {
            // A row added by a later version (an earlier period added for comparison) was not
            // published before: it is not a revised figure.
            if first.row_index(&row.key).is_none() {
                continue;
            }
            for (si, v) in row.values.iter().enumerate() {
                let id = &after.series[si].id;
                if !same(by_id(before, &row.key, id), *v) {
                    let Some(date) = date else { continue };
                    match out.iter_mut().find(|r| r.key == row.key && r.series_id == *id) {
                        Some(r) => r.date = date,
                        None => out.push(Revision {
                            key: row.key.clone(),
                            series: si,
                            series_id: id.clone(),
                            original: by_id(first, &row.key, id),
                            date,
                        }),
                    }
                }
            }
        }
    }
    // A figure changed and changed back is as first published. Indices are the last version's.
    let last = versions.last().expect("not empty");
    out.retain_mut(|r| match last.series(&r.series_id) {
        Some((i, _)) => {
            r.series = i;
            !same(r.original, last.value(&r.key, i))
        }
        None => false,
    });
    out
}

/// The corrections a version applies: those dated after the previous version of the same
/// release and up to its own date (none for a release's first version).
pub fn corrections_applied<'a>(
    previous: Option<&Dataset>,
    version: &'a Dataset,
) -> impl Iterator<Item = &'a crate::model::dataset::Correction> {
    let range = match (previous.and_then(|p| p.frozen.as_ref()), version.frozen.as_ref()) {
        (Some(p), Some(v)) if p.release == v.release => Some((p.date, v.date)),
        _ => None,
    };
    version.corrections.iter().filter(move |c| range.is_some_and(|(after, upto)| c.date > after && c.date <= upto))
}

/// Two figures are the same (both missing, or equal).
pub fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        (None, None) => true,
        _ => false,
    }
}

/// The cells of `latest` (the newest frozen version) that the working file now gives
/// differently, each with its row's line in the working file.
pub fn changed_cells<'d>(
    working: &'d Dataset,
    latest: &Dataset,
) -> Vec<(&'d crate::model::dataset::Row, usize, Option<f64>)> {
    let mut out = Vec::new();
    for old in &latest.rows {
        let Some(row) = working.rows.iter().find(|r| r.key == old.key) else { continue };
        for (si, s) in latest.series.iter().enumerate() {
            let Some((wi, _)) = working.series(&s.id) else { continue };
            if !same(old.values[si], row.values[wi]) {
                out.push((row, wi, old.values[si]));
            }
        }
    }
    out
}

/// What besides the figures a working file says differently from a frozen version: the
/// statuses of its values, its breaks, or whom the figures are credited to. Returns the line
/// to point at and what differs, or `None`.
pub fn annotations_changed(working: &Dataset, latest: &Dataset) -> Option<(usize, msg::Said)> {
    for old in &latest.rows {
        let Some(row) = working.rows.iter().find(|r| r.key == old.key) else { continue };
        for (si, s) in latest.series.iter().enumerate() {
            let Some((wi, _)) = working.series(&s.id) else { continue };
            if old.status.get(si).copied().flatten() != row.status.get(wi).copied().flatten() {
                return Some((row.line, msg::what_statuses()));
            }
        }
    }
    if working
        .breaks
        .iter()
        .map(|b| (&b.period, &b.series, &b.note))
        .ne(latest.breaks.iter().map(|b| (&b.period, &b.series, &b.note)))
    {
        return Some((working.breaks.first().map_or(1, |b| b.line), msg::what_breaks()));
    }
    let credit = |d: &Dataset| {
        let series: Vec<_> = d
            .series
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    s.source.as_ref().map(|x| (x.name.clone(), x.url.clone())),
                    s.publisher.clone(),
                    s.license.clone(),
                )
            })
            .collect();
        (d.source.name.clone(), d.source.url.clone(), d.publisher.clone(), d.license.clone(), series)
    };
    if credit(working) != credit(latest) {
        return Some((1, msg::what_credits()));
    }
    None
}

/// Warns for figures the newest frozen release published that the working file changed
/// without a `corrections` entry dated after that version, or with one that was not frozen.
fn unlogged_changes(working: &Dataset, year: i32, latest: &Dataset, warnings: &mut Vec<Diagnostic>) {
    let since = latest.frozen.as_ref().map(|f| f.date);
    let logged = working.corrections.iter().any(|c| since.is_none_or(|d| c.date > d));
    for (row, si, old) in changed_cells(working, latest) {
        let s = &working.series[si];
        let was = old.map_or_else(msg::missing_figure, |v| msg::Said::same(v.to_string()));
        let now = row.values[si].map_or_else(msg::missing_figure, |v| msg::Said::same(v.to_string()));
        let d = if logged {
            Diagnostic::warning(
                &working.source_path,
                row.line,
                1,
                msg::correction_unpublished(&row.key, &s.id, &was, &now),
            )
            .with_hint(msg::correction_unpublished_hint(year))
        } else {
            Diagnostic::warning(
                &working.source_path,
                row.line,
                1,
                msg::changed_silently(&row.key, &s.id, &was, year, &now),
            )
            .with_hint(msg::changed_silently_hint(year))
        };
        warnings.push(d);
    }
    if let Some((line, what)) = annotations_changed(working, latest) {
        warnings.push(
            Diagnostic::warning(&working.source_path, line, 1, msg::annotations_differ(&what, &working.id, year))
                .with_hint(msg::annotations_differ_hint(year)),
        );
    }
}

/// A correction dated before the dataset was first published is an error.
fn check_corrections(working: &Dataset, versions: Option<&BTreeMap<i32, Vec<Dataset>>>, errors: &mut Vec<Diagnostic>) {
    let first = versions.and_then(|v| {
        v.values().filter_map(|l| l.first()).filter_map(|d| d.frozen.as_ref().map(|f| (f.release, f.date))).min()
    });
    let Some((year, published)) = first else { return };
    for c in working.corrections.iter().filter(|c| c.date < published) {
        errors.push(
            Diagnostic::error(
                &working.source_path,
                c.line,
                1,
                msg::correction_before_publication(&c.date.to_string(), year, &published.to_string()),
            )
            .with_hint(msg::correction_before_publication_hint()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_compare_as_published() {
        assert!(same(None, None));
        assert!(same(Some(1.0), Some(1.0)));
        assert!(!same(Some(1.0), None));
        assert!(!same(Some(1.0), Some(1.5)));
    }
}
