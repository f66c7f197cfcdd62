//! Embed pages: one per standalone chart and language, holding the chart with its title,
//! source, licence and a link back; the figures offer the <iframe> snippet; nothing of an
//! embargoed release.

use crate::support::Site;

/// The standalone charts of a built site: (name, language).
fn charts(site: &Site) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(site.root().join("public/charts"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_str()?.strip_suffix(".svg")?.to_string();
            let (stem, lang) = name.rsplit_once('.')?;
            Some((stem.to_string(), lang.to_string()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_chart_has_an_embed_page_in_its_language() {
    let site = Site::example();
    site.build(&[]);
    let all = charts(&site);
    assert!(all.len() >= 20, "{all:?}");
    for (name, lang) in &all {
        let prefix = if lang == "zh" { "" } else { "en/" };
        let html = site.read(&format!("{prefix}embed/{name}/index.html"));
        assert!(html.contains("<meta content=noindex name=robots>"), "{name}.{lang}: not noindex");
        assert!(html.contains("<svg"), "{name}.{lang}: no chart");
        assert!(html.contains("class=chart-title>"), "{name}.{lang}: no title");
        let (source, licence) = if lang == "zh" { ("来源：", "许可协议：") } else { ("Source: ", "Licence: ") };
        assert!(html.contains(source) && html.contains(licence), "{name}.{lang}: source or licence missing");
        assert!(html.contains("rel=license>CC-BY-4.0</a>"), "{name}.{lang}");
        // The link back: the dataset's page, or the figure on its page.
        let back = if let Some(id) = name.strip_prefix("data-") {
            format!("https://ip.hubei.example.org/{prefix}data/{id}/")
        } else {
            format!("#{name} ")
        };
        let link = html.find("class=embed-back>").map(|i| &html[i..]).unwrap_or("");
        assert!(link.contains(&back), "{name}.{lang}: no link back to {back}: {link:.300}");
        // Nothing but the chart: no site navigation, no scripts.
        assert!(!html.contains("<nav") && !html.contains("<script"), "{name}.{lang}");
        assert_eq!(crate::support::count(&html, "class=chart-title>"), 1, "{name}.{lang}: the title once");
        // The page that shows the chart offers the snippet to embed it.
        let snippet = format!("&lt;iframe src=\"https://ip.hubei.example.org/{prefix}embed/{name}/\"");
        let page = match name.strip_prefix("data-") {
            Some(id) => site.read(&format!("{prefix}data/{id}/index.html")),
            None => {
                let url = link.split("href=").nth(1).unwrap().split('#').next().unwrap();
                site.read(&format!("{}index.html", url.trim_start_matches("https://ip.hubei.example.org/")))
            }
        };
        assert!(page.contains(&snippet), "{name}.{lang}: no embed snippet on its page");
    }
    // One embed page per chart: no others.
    let embeds = std::fs::read_dir(site.root().join("public/embed")).unwrap().count()
        + std::fs::read_dir(site.root().join("public/en/embed")).unwrap().count();
    assert_eq!(embeds, all.len());
}

#[test]
fn an_embargoed_chart_has_no_embed_page() {
    let site = Site::example();
    site.build(&[]);
    let before: Vec<String> =
        charts(&site).into_iter().filter(|(n, _)| n.starts_with("releases-2022")).map(|(n, _)| n).collect();
    assert!(!before.is_empty());
    for lang in ["zh", "en"] {
        for page in ["_index", "white-paper", "press-release"] {
            let path = format!("content/releases/2022/{page}.{lang}.md");
            if site.root().join(&path).exists() {
                site.replace(&path, "\ndate: ", "\npublish_at: 2099-04-26T10:00:00+08:00\ndate: ");
            }
        }
    }
    site.build(&[]);
    for name in &before {
        assert!(!site.exists(&format!("embed/{name}/index.html")), "embed/{name}/ written");
        assert!(!site.exists(&format!("en/embed/{name}/index.html")), "en/embed/{name}/ written");
    }
}
