//! `vitrine init [DIR]`: a new site that builds, and passes `check --strict`, at once.
//!
//! The minimal site has a home page, an about page, a releases section and one release with a
//! white paper in every language, one small dataset (real, sourced figures: Hubei's PCT
//! applications), a glossary, `.gitignore`, `netlify.toml` and a README for the office. With
//! `--from-example` it is the bundled example site instead (embedded by `build.rs`). Comments
//! and texts are written in the author's language: Chinese where the site's first language
//! writes numbers the Chinese way, else English. Nothing is ever overwritten: the folder must be
//! new or empty.

use std::path::Path;

use crate::diag::Failure;
use crate::model::Lang;

include!(concat!(env!("OUT_DIR"), "/example.rs"));

/// What to create.
#[derive(Clone, Debug)]
pub struct InitOptions {
    /// Language codes, the default first (`zh`, `en`).
    pub languages: Vec<String>,
    /// The site's title (in every language until translated).
    pub title: Option<String>,
    /// Start from the bundled example site.
    pub from_example: bool,
}

/// Creates the site in `dir`; returns the files written, relative to it.
pub fn run(dir: &Path, opts: &InitOptions) -> Result<Vec<String>, Failure> {
    let zh = opts.languages.first().is_some_and(|c| Lang::new(c, c, c, c).is_chinese());
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| {
            anyhow::anyhow!(crate::msg::cannot_read_because(&dir.display().to_string(), &e.to_string()))
        })?;
        if !dir.is_dir() || entries.next().is_some() {
            return Err(anyhow::anyhow!(crate::msg::init_not_empty(&dir.display().to_string())).into());
        }
    }
    let files: Vec<(String, Vec<u8>)> = if opts.from_example {
        EXAMPLE.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect()
    } else {
        minimal(opts, zh).into_iter().map(|(p, s)| (p, s.into_bytes())).collect()
    };
    let mut written = Vec::new();
    for (rel, bytes) in files.iter().chain(&common(zh, opts.from_example)) {
        let path = rel.split('/').fold(dir.to_path_buf(), |p, part| p.join(part));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                anyhow::anyhow!(crate::msg::cannot_create_because(&parent.display().to_string(), &e.to_string()))
            })?;
        }
        std::fs::write(&path, bytes).map_err(|e| {
            anyhow::anyhow!(crate::msg::cannot_write_because(&path.display().to_string(), &e.to_string()))
        })?;
        written.push(rel.clone());
    }
    Ok(written)
}

/// Files every new site gets: `.gitignore`, `netlify.toml` (the example has its own), README.
fn common(zh: bool, from_example: bool) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(".gitignore".to_string(), b"/public\n".to_vec())];
    if !from_example {
        out.push(("netlify.toml".into(), netlify().into_bytes()));
    }
    out.push(("README.md".into(), if zh { README_ZH } else { README_EN }.as_bytes().to_vec()));
    out
}

/// The project's own `netlify.toml`, building with an installed `vitrine`.
fn netlify() -> String {
    let own = EXAMPLE.iter().find(|(p, _)| *p == "netlify.toml").map(|(_, b)| String::from_utf8_lossy(b).into_owned());
    own.unwrap_or_default().replace(
        "command = \"cargo run --release -- build\"",
        "# vitrine must be installed on the build image (see README.md).\n  command = \"vitrine build\"",
    )
}

/// The words of the minimal site in one language: Chinese, or English for every other.
struct Words {
    zh: bool,
}

impl Words {
    fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.zh { zh } else { en }
    }
}

/// The minimal site's files.
fn minimal(opts: &InitOptions, zh: bool) -> Vec<(String, String)> {
    let langs = &opts.languages;
    let w = |code: &str| Words { zh: Lang::new(code, code, code, code).is_chinese() };
    let c = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    let title_of = |code: &str| match &opts.title {
        Some(t) => t.clone(),
        None => w(code).pick("知识产权统计数据发布", "Intellectual property statistics").to_string(),
    };
    let per_lang = |f: &dyn Fn(&str) -> String| -> String {
        let parts: Vec<String> = langs.iter().map(|l| format!("{l}: {}", yaml_str(&f(l)))).collect();
        format!("{{{}}}", parts.join(", "))
    };
    let language_lines: Vec<String> = langs
        .iter()
        .map(|l| {
            let name = match l.as_str() {
                "zh" => "中文",
                "en" => "English",
                other => other,
            };
            let tag = if l == "zh" { ", tag: zh-Hans" } else { "" };
            format!("  - {{code: {l}, name: {name}{tag}}}")
        })
        .collect();
    let mut files = Vec::new();
    files.push((
        "site.yaml".to_string(),
        format!(
            "{}\ntitle: {}\n{}\ndescription: {}\n{}\nbase_url: https://example.org\n{}\nlanguages:\n{}\n{}\npublisher: {}\n{}\nlicense: CC-BY-4.0\n{}\ntimezone: \"+08:00\"\n{}\ntheme: default\n{}\n",
            c(
                "# 网站设置。每项设置前的说明以 # 开头，不影响网站；改完后运行 vitrine check 检查。",
                "# Site settings. Lines starting with # explain the setting below them; run `vitrine check` after editing."
            ),
            per_lang(&title_of),
            c("# 网站简介：用于首页和搜索引擎。", "# What the site is: shown on the home page and to search engines."),
            per_lang(&|l| w(l).pick("本网站发布知识产权统计数据、白皮书及其所依据的数据集。", "This site publishes intellectual property statistics, white papers and the datasets behind them.").to_string()),
            c("# 网站的正式网址（含 https://），发布前改为本单位网址。", "# The site's address with https://; change it to your own before publishing."),
            c("# 网站语言：第一个为默认语言，其余语言的网址以 /代码/ 开头。", "# Languages: the first is the default; the others are served under /<code>/."),
            language_lines.join("\n"),
            c("# 发布机构：数据集默认以此署名。", "# The publisher: datasets are credited to it unless they name their own."),
            per_lang(&|l| w(l).pick("（请填写发布机构名称）", "(publisher's name)").to_string()),
            c("# 数据集默认许可协议（SPDX 代码）。", "# The datasets' default licence (an SPDX id)."),
            c("# 时区：定时发布（publish_at）和日期按此时区理解。", "# Time zone: dates and `publish_at` without an offset are read in it."),
            c("# 外观主题。", "# The theme."),
            c(
                "# 在中国大陆托管的网站须在页脚显示备案号，取得后在下面填写并去掉行首的 #。\n# icp 为ICP备案号，页脚链接到工业和信息化部备案管理系统；police 为公安机关备案号，\n# 以文字显示。两项均可省略。\n# filing: {icp: 鄂ICP备XXXXXXXX号, police: 鄂公网安备XXXXXXXXXXXXXX号}",
                "# A site hosted in mainland China shows its filing numbers in the footer; once you have them,\n# write them below and remove the leading #. `icp` is the ICP filing number, linked to the\n# MIIT's filing site; `police` the public security filing number, shown as text. Both are\n# optional.\n# filing: {icp: 鄂ICP备XXXXXXXX号, police: 鄂公网安备XXXXXXXXXXXXXX号}"
            ),
        ),
    ));
    files.push(("data/pct-applications.yaml".into(), dataset(langs, zh)));
    files.push(("glossary.yaml".into(), glossary(zh)));
    for l in langs {
        let w = w(l);
        let title = title_of(l);
        files.push((
            format!("content/_index.{l}.md"),
            format!(
                "---\ntitle: {}\n---\n\n{}\n",
                yaml_str(&title),
                w.pick(
                    "本网站发布知识产权统计数据。每年的发布（白皮书、新闻通稿和数据）列在“发布”栏目中，所有数据可在“数据”栏目下载。",
                    "This site publishes intellectual property statistics. Each year's release (white paper, press release and data) is under Releases, and all data can be downloaded under Data."
                )
            ),
        ));
        files.push((
            format!("content/about.{l}.md"),
            format!(
                "---\ntitle: {}\n---\n\n{}\n",
                w.pick("关于本站", "About this site"),
                w.pick(
                    "本网站由（请填写发布机构名称）发布。每个数据集注明来源和许可协议；数据如有更正，在数据集页面记录更正日期和内容。",
                    "This site is published by (publisher's name). Every dataset names its source and licence; when data is corrected, the dataset's page records the date and the change."
                )
            ),
        ));
        files.push((
            format!("content/releases/_index.{l}.md"),
            format!(
                "---\ntitle: {}\n---\n\n{}\n",
                w.pick("发布", "Releases"),
                w.pick("历年发布的白皮书、新闻通稿和数据。", "White papers, press releases and data, year by year.")
            ),
        ));
        files.push((
            format!("content/releases/2022/_index.{l}.md"),
            format!(
                "---\ntitle: {}\ndate: 2022-04-26\n---\n\n{}\n",
                w.pick("2022年发布", "The 2022 release"),
                w.pick(
                    "2022年4月26日世界知识产权日发布的白皮书和数据。",
                    "The white paper and data published on World Intellectual Property Day, 26 April 2022."
                )
            ),
        ));
        files.push((format!("content/releases/2022/white-paper.{l}.md"), white_paper(&w)));
    }
    files
}

/// The white paper of the minimal site: a figure, a change and a chart, all from the dataset.
fn white_paper(w: &Words) -> String {
    format!(
        "---\ntitle: {}\ndate: 2022-04-26\n---\n\n{}\n\n```chart\ndata: pct-applications\nkind: bar\nseries: [applications]\ntitle: {{zh: 2018—2021年PCT国际专利申请量, en: \"PCT international patent applications, 2018–2021\"}}\n```\n\n{}\n",
        w.pick("2021年知识产权发展状况", "Intellectual property in 2021"),
        w.pick(
            "2021年，全省PCT国际专利申请{{ value(data=\"pct-applications\", series=\"applications\", period=2021) }}，{{ change(data=\"pct-applications\", series=\"applications\", period=2021) }}。",
            "In 2021, applicants in the province filed {{ value(data=\"pct-applications\", series=\"applications\", period=2021) }} PCT international patent applications, {{ change(data=\"pct-applications\", series=\"applications\", period=2021) }}."
        ),
        w.pick(
            "以上数字均取自数据集，页面上的数字随数据集更新。2020年数值为推算值，见数据集说明。",
            "The figures above are taken from the dataset and follow it when it changes. The 2020 value is derived; see the dataset's notes."
        ),
    )
}

/// One small dataset with real, sourced figures.
fn dataset(langs: &[String], zh: bool) -> String {
    let text = |zh_text: &str, en_text: &str| {
        let mut parts = Vec::new();
        for l in langs {
            let t = if Lang::new(l, l, l, l).is_chinese() { zh_text } else { en_text };
            parts.push(format!("{l}: {}", yaml_str(t)));
        }
        format!("{{{}}}", parts.join(", "))
    };
    let comment = if zh {
        "# 数据集：文件名（pct-applications）即数据集代码，也是下载文件的名称。\n# 数值一律写原始数字（1691，不写“1691件”）；缺失的数写 null，不写 0。\n"
    } else {
        "# A dataset: the file name (pct-applications) is its id and the name of its downloads.\n# Write plain numbers (1691, not \"1,691 applications\"); a missing value is null, never 0.\n"
    };
    format!(
        "{comment}title: {}\ndescription: {}\nsource:\n  name: {}\nupdated: 2022-04-26\nkey: {{id: year, kind: year, label: {}}}\nseries:\n  - id: applications\n    label: {}\n    unit: {{kind: count, label: {}}}\nrows:\n  - {{year: 2018, applications: 1552}}\n  - {{year: 2019, applications: null}}\n  - {{year: 2020, applications: {{value: 1504, status: derived}}}}\n  - {{year: 2021, applications: 1691}}\nnotes: {}\n",
        text("PCT国际专利申请量", "PCT international patent applications"),
        text(
            "湖北省申请人每年提交的《专利合作条约》（PCT）国际专利申请件数。",
            "International patent applications under the Patent Cooperation Treaty (PCT) filed by applicants in Hubei each year."
        ),
        text(
            "湖北省知识产权局《关于对省政协十二届五次会议第20220022号提案会办工作的意见》（2022年）；《湖北省2018年专利统计报告》",
            "Hubei Intellectual Property Administration, opinion on CPPCC proposal No. 20220022 (2022); Hubei Patent Statistics Report 2018"
        ),
        text("年份", "Year"),
        text("PCT国际专利申请", "PCT applications"),
        text("件", "applications"),
        text(
            "2020年数值为推算值（1691÷1.1243），以2021年数值除以公布的增速得出。2019年数据暂缺。",
            "The 2020 value is derived (1,691 ÷ 1.1243): the 2021 value divided by the published growth rate. 2019 is missing."
        ),
    )
}

/// A few terms, for the translations to follow.
fn glossary(zh: bool) -> String {
    let comment = if zh {
        "# 术语表：中英文版本统一使用的术语译法。en 可列多个译法（首个为推荐译法），avoid 为不宜使用的译法。\n"
    } else {
        "# Glossary: the renderings every translation uses. `en` may list several (the first is preferred); `avoid` lists renderings not to use.\n"
    };
    format!(
        "{comment}terms:\n  - zh: 知识产权\n    en: [intellectual property, IP]\n  - zh: 专利\n    en: patent\n  - zh: PCT国际专利申请\n    en: [PCT international patent application]\n  - zh: 质押融资\n    en: pledge financing\n    avoid: {{en: [mortgage financing]}}\n  - zh: 行政裁决\n    en: administrative ruling\n"
    )
}

/// A YAML scalar: quoted when it needs to be.
fn yaml_str(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains([':', '#', '{', '}', '[', ']', ',', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`'])
        && !s.starts_with(['-', '?', ' '])
        && !s.ends_with(' ');
    if plain { s.to_string() } else { format!("{s:?}") }
}

const README_ZH: &str = "# 本网站的使用说明

本网站用 vitrine 生成。文字写在 `content/` 下的 Markdown 文件里，数据写在 `data/` 下的 YAML 文件里，网站设置在 `site.yaml`。

## 编写和预览
- 修改文字或数据后，运行 `vitrine serve`，在浏览器打开 http://127.0.0.1:1111 预览；保存文件后页面自动刷新，出错时页面上显示错误所在的文件和行。
- 新建一年的发布：`vitrine new release 2027`；新建页面：`vitrine new page releases/2027/white-paper`；新建数据集：`vitrine new dataset patent-grants`。
- 文中的数字尽量用 `{{ value(...) }}` 和 `{{ change(...) }}` 从数据集取得，不要手工输入。

## 检查
- 发布前运行 `vitrine check --strict`：检查缺少的译文、无效链接、手工输入与数据不符的数字、术语表译法等。

## 定时发布（禁发时间）
- 在本年发布的 `_index` 文件开头写 `publish_at: 2027-04-26T10:00:00+08:00`。此时刻之前，构建的网站不含该发布的任何页面和数据。到时须重新构建网站（可在 Netlify 设置定时触发构建，见 `netlify.toml` 中的说明）。

## 发布和固定数据
- 运行 `vitrine build` 生成网站到 `public/`，上传或由 Netlify 自动发布。
- 发布之后，运行 `vitrine freeze 2027` 固定本次发布的数据（写入 `data/frozen/`），以后修改数据不会悄悄改变已发布的数字。

## 更正
- 发现已发布的数字有误：修改数据集，并在其 `corrections` 下写明日期和更正内容，再运行 `vitrine freeze 2027`，生成新的数据版本。数据集页面会列出每个版本和更正说明。
";

const README_EN: &str = "# How this site works

This site is made with vitrine. The text is in Markdown files under `content/`, the data in YAML files under `data/`, the settings in `site.yaml`.

## Write and preview
- After editing text or data, run `vitrine serve` and open http://127.0.0.1:1111; the page reloads on every save, and errors show the file and line.
- A new year's release: `vitrine new release 2027`; a page: `vitrine new page releases/2027/white-paper`; a dataset: `vitrine new dataset patent-grants`.
- Take figures in the text from the datasets with `{{ value(...) }}` and `{{ change(...) }}` rather than typing them.

## Check
- Before publishing, run `vitrine check --strict`: missing translations, broken links, typed figures that disagree with the data, glossary renderings.

## Embargo
- Write `publish_at: 2027-04-26T10:00:00+08:00` at the top of the release's `_index` files. Before that moment no page or figure of the release is built. Build the site again at the moment (a scheduled build hook on Netlify: see `netlify.toml`).

## Publish and freeze
- `vitrine build` writes the site into `public/`; upload it, or let Netlify publish it.
- After publishing, `vitrine freeze 2027` records the release's figures in `data/frozen/`, so that later edits never silently change what was published.

## Correct
- To correct a published figure, edit the dataset, add a dated entry under its `corrections`, and run `vitrine freeze 2027` again: a new version is written, and the dataset's page lists every version with its reason.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_are_quoted_when_needed() {
        assert_eq!(yaml_str("知识产权统计数据发布"), "知识产权统计数据发布");
        assert_eq!(yaml_str("A: B"), "\"A: B\"");
        assert_eq!(yaml_str("#1"), "\"#1\"");
    }

    #[test]
    fn the_example_is_embedded() {
        assert!(EXAMPLE.iter().any(|(p, _)| *p == "site.yaml"));
        assert!(EXAMPLE.iter().any(|(p, _)| p.starts_with("content/releases/")));
        assert!(EXAMPLE.iter().any(|(p, _)| p.starts_with("data/frozen/")));
    }
}
