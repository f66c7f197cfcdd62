//! `vitrine new`: scaffold a release, a page or a dataset in every language.
//! Refuses to overwrite; what it writes builds at once.

use std::path::Path;

use anyhow::Context;
use vitrine::cli::NewWhat;
use vitrine::diag::Failure;
use vitrine::msg;

/// Creates the files; returns their paths relative to the root.
pub fn run(root: &Path, what: &NewWhat) -> Result<Vec<String>, Failure> {
    let config = vitrine::load::config(root, None)?;
    let langs = &config.languages;
    let zh = |lang: &vitrine::model::Lang| lang.is_chinese();
    let mut files: Vec<(String, String)> = Vec::new();
    match what {
        NewWhat::Release { year } => {
            for l in langs {
                let (title, intro) = if zh(l) {
                    (
                        format!("{year}年“4·26”发布"),
                        format!("{year}年4月26日世界知识产权日发布的白皮书、新闻通稿和数据。"),
                    )
                } else {
                    (
                        format!("The {year} World IP Day release"),
                        format!(
                            "The white paper, press release and data published on World Intellectual Property Day, 26 April {year}."
                        ),
                    )
                };
                // Comments are for the author: in the message language.
                let comment = msg::new_embargo_comment().to_string();
                files.push((
                    format!("content/releases/{year}/_index.{l}.md"),
                    format!(
                        "---\ntitle: \"{title}\"\ndate: {year}-04-26\nsummary: \"{intro}\"\n{comment}\npublish_at: {year}-04-26T10:00:00{tz}\n---\n\n{intro}\n",
                        tz = config.timezone_name.trim_matches('"'),
                    ),
                ));
            }
        }
        NewWhat::Page { path } => {
            // The path was checked when the arguments were parsed (`cli::page_path`).
            // A page of a release takes the release's date; one under embargo needs no draft
            // flag of its own (the release's `publish_at` covers it), any other starts as a draft.
            let release = release_front(root, path, &config);
            let today = release
                .as_ref()
                .and_then(|r| r.date.clone())
                .map_or_else(|| vitrine::build::now_date(&config), |d| d.date());
            let embargoed = release
                .as_ref()
                .and_then(|r| r.publish_at.as_ref())
                .is_some_and(|at| at.timestamp() > vitrine::build::now());
            let draft = if embargoed { "" } else { "draft: true\n" };
            for l in langs {
                let title = if zh(l) { "新页面" } else { "New page" };
                let text = if zh(l) { "在这里写正文。" } else { "Write the page here." };
                let body = format!("{text}\n\n{}\n", msg::new_figures_comment());
                files.push((
                    format!("content/{path}.{l}.md"),
                    format!("---\ntitle: {title}\ndate: {today}\n{draft}---\n\n{body}"),
                ));
            }
        }
        NewWhat::Dataset { id } => {
            // The id was checked when the arguments were parsed (`cli::dataset_id`).
            let today = vitrine::build::now_date(&config);
            files.push((
                format!("data/{id}.yaml"),
                format!(
                    "{comment}\n\
title: {{zh: 新数据集, en: New dataset}}\n\
description: {{zh: 说明这组数据是什么。, en: What these figures are.}}\n\
source:\n  name: {{zh: 数据来源机构, en: Source organisation}}\n\
updated: {today}\n\
key: {{id: year, kind: year, label: {{zh: 年份, en: Year}}}}\n\
series:\n  - id: total\n    label: {{zh: 总量, en: Total}}\n    unit: {{kind: count, label: {{zh: 件, en: items}}}}\n\
rows:\n  - {{year: 2024, total: null}}\n  - {{year: 2025, total: null}}\n",
                    comment = msg::new_dataset_comment(id),
                ),
            ));
        }
    }
    for (rel, _) in &files {
        if root.join(rel).exists() {
            return Err(anyhow::anyhow!(msg::new_exists(rel)).into());
        }
    }
    let mut created = Vec::new();
    for (rel, text) in files {
        let path = root.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| msg::cannot_create(&dir.display().to_string()))?;
        }
        std::fs::write(&path, text).with_context(|| msg::cannot_write(&path.display().to_string()))?;
        created.push(rel);
    }
    Ok(created)
}

/// The front matter of the release a new page at `path` belongs to (`releases/<year>/…`).
fn release_front(root: &Path, path: &str, config: &vitrine::model::SiteConfig) -> Option<vitrine::model::FrontMatter> {
    let mut parts = path.split('/');
    let (Some("releases"), Some(year)) = (parts.next(), parts.next()) else { return None };
    parts.next()?;
    let default = config.default_lang().code();
    [format!("_index.{default}.md"), "_index.md".to_string()].iter().find_map(|name| {
        let rel = format!("content/releases/{year}/{name}");
        let text = vitrine::load::read_text(&root.join(&rel), &rel).ok()?;
        let split = vitrine::load::frontmatter::split(&text, &rel).ok()?;
        vitrine::load::frontmatter::parse(&split, &text, &rel, &config.timezone).ok()
    })
}
