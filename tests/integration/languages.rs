//! Sites in other languages than the bundled example's (zh default, en): a trilingual site
//! (zh, en, fr; one page only in fr) and a site whose default language is English. Nothing
//! about a language may depend on its code being `zh` or `en`.

use serde_json::Value;

use crate::serve::Server;
use crate::support::{Site, count, html_lang, main_of};

/// The trilingual fixture's languages: (URL prefix, `lang` tag).
const TRI: [(&str, &str); 3] = [("", "zh-Hans"), ("en/", "en"), ("fr/", "fr-FR")];

fn trilingual() -> Site {
    let site = Site::fixture("trilingual");
    site.build(&[]);
    site
}

fn alternate(href: &str, tag: &str) -> String {
    format!("<link href={href} hreflang={tag} rel=alternate>")
}

#[test]
fn each_language_at_its_urls_with_its_lang_tag() {
    let site = trilingual();
    for (prefix, tag) in TRI {
        for page in ["", "about/", "releases/", "releases/2023/", "releases/2023/report/", "data/", "data/grants/"] {
            let html = site.read(&format!("{prefix}{page}index.html"));
            assert!(
                html.starts_with("<!doctype html><html ") && html_lang(&html) == tag,
                "{prefix}{page}: {}",
                &html[..80]
            );
        }
        let feed = site.read(&format!("{prefix}atom.xml"));
        assert!(feed.contains(&format!("xml:lang=\"{tag}\"")), "{prefix}atom.xml");
    }
    assert!(site.read("fr/about/index.html").contains("<h1>À propos</h1>"));
    assert!(site.read("about/index.html").contains("<h1>关于</h1>"));
    // The page written only in French exists only under /fr/.
    assert!(site.exists("fr/releases/2023/note/index.html"));
    assert!(!site.exists("releases/2023/note/index.html"));
    assert!(!site.exists("en/releases/2023/note/index.html"));
}

#[test]
fn alternates_x_default_and_the_language_switch() {
    let site = trilingual();
    let base = "https://tri.example.org";
    for (prefix, _) in TRI {
        let html = site.read(&format!("{prefix}about/index.html"));
        for (p, tag) in TRI {
            assert!(html.contains(&alternate(&format!("{base}/{p}about/"), tag)), "{prefix}about: {p}");
        }
        assert!(html.contains(&alternate(&format!("{base}/about/"), "x-default")), "{prefix}about: x-default");
        assert_eq!(count(&html, "hreflang=x-default"), 1);
        // The switch links to the other two languages, not to the page itself.
        let switch = &html[html.find("class=lang-switch").unwrap()..];
        let switch = &switch[..switch.find("</nav>").unwrap()];
        for (p, tag) in TRI {
            let link = format!("<a href=/{p}about/ hreflang={tag} lang={tag}>");
            assert_eq!(switch.contains(&link), p != prefix, "{prefix}about switch: {link}\n{switch}");
        }
    }
    // A page only in French: its one version is its x-default, and the switch leads to the
    // release in the other languages.
    let note = site.read("fr/releases/2023/note/index.html");
    assert!(note.contains(&alternate(&format!("{base}/fr/releases/2023/note/"), "fr-FR")));
    assert!(note.contains(&alternate(&format!("{base}/fr/releases/2023/note/"), "x-default")));
    assert_eq!(count(&note, "hreflang=zh-Hans rel=alternate"), 0, "no alternate for a missing translation");
    assert!(note.contains("<a href=/releases/2023/ hreflang=zh-Hans lang=zh-Hans>中文</a>"));
    assert!(note.contains("<a href=/en/releases/2023/ hreflang=en lang=en>English</a>"));
    // The French release page lists the French-only page; the others do not.
    assert!(main_of(&site.read("fr/releases/2023/index.html")).contains("href=/fr/releases/2023/note/"));
    assert!(!site.read("en/releases/2023/index.html").contains("note/"));
}

#[test]
fn feeds_sitemap_and_404_pages_per_language() {
    let site = trilingual();
    let base = "https://tri.example.org";
    for (prefix, tag) in TRI {
        let feed = site.read(&format!("{prefix}atom.xml"));
        assert!(feed.contains(&format!("<link href=\"{base}/{prefix}atom.xml\" rel=\"self\"")));
        assert!(feed.contains(&format!("<id>{base}/{prefix}releases/2023/report/</id>")), "{prefix}atom.xml");
        assert_eq!(feed.contains("/fr/releases/2023/note/"), prefix == "fr/", "{prefix}atom.xml");
        // Every page of a language links to that language's feed.
        assert!(site.read(&format!("{prefix}about/index.html")).contains(&format!("href=/{prefix}atom.xml")));

        let not_found = site.read(&format!("{prefix}404.html"));
        assert!(not_found.starts_with("<!doctype html><html ") && html_lang(&not_found) == tag, "{prefix}404.html");
        assert!(not_found.contains("<meta content=noindex name=robots>"));
        assert!(main_of(&not_found).contains(&format!("<a href=/{prefix}>")), "{prefix}404.html links home");
    }

    let sitemap = site.read("sitemap.xml");
    let entry = |loc: &str| {
        let start = sitemap.find(&format!("<loc>{base}{loc}</loc>")).unwrap_or_else(|| panic!("{loc} not in sitemap"));
        let rest = &sitemap[start..];
        rest[..rest.find("</url>").unwrap()].to_string()
    };
    for (prefix, _) in TRI {
        let e = entry(&format!("/{prefix}about/"));
        for (p, tag) in TRI {
            assert!(e.contains(&format!("hreflang=\"{tag}\" href=\"{base}/{p}about/\"")), "{prefix}about: {e}");
        }
        assert!(e.contains(&format!("hreflang=\"x-default\" href=\"{base}/about/\"")), "{e}");
    }
    assert!(!entry("/fr/releases/2023/note/").contains("hreflang"), "a page in one language has no alternates");
    assert!(!sitemap.contains("404.html"));
}

#[test]
fn search_index_and_data_pages_per_language() {
    let site = trilingual();
    let entry: Value = serde_json::from_str(&site.read("pagefind/pagefind-entry.json")).unwrap();
    let langs = entry["languages"].as_object().unwrap();
    assert_eq!(langs.keys().collect::<Vec<_>>(), ["en", "fr-fr", "zh-hans"], "one index per language");
    let meta: Vec<String> = std::fs::read_dir(site.root().join("public/pagefind"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".pf_meta"))
        .collect();
    for lang in ["en", "fr-fr", "zh-hans"] {
        assert!(meta.iter().any(|m| m.starts_with(&format!("pagefind.{lang}_"))), "{lang}: {meta:?}");
        assert!(langs[lang]["page_count"].as_u64().unwrap() >= 4, "{lang}: {}", langs[lang]);
    }
    // The French index has the French-only page too.
    assert_eq!(langs["fr-fr"]["page_count"].as_u64().unwrap(), langs["en"]["page_count"].as_u64().unwrap() + 1);
    assert!(site.exists("fr/search/index.html"));

    for (prefix, title) in [("", "专利授权量"), ("en/", "Patents granted"), ("fr/", "Brevets délivrés")] {
        let page = site.read(&format!("{prefix}data/grants/index.html"));
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{prefix}data/grants/");
        assert!(page.contains("data-pagefind-body"), "{prefix}data/grants/ is searchable");
        assert!(main_of(&site.read(&format!("{prefix}data/index.html"))).contains(&format!("/{prefix}data/grants/")));
        let lang = if prefix.is_empty() { "zh" } else { prefix.trim_end_matches('/') };
        assert!(site.exists(&format!("charts/data-grants.{lang}.svg")));
    }
    // The data package describes each field in every language, once each.
    let package: Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    let fields = &package["resources"][0]["schema"]["fields"];
    assert_eq!(fields[0]["title"], "Year");
    assert_eq!(fields[0]["description"], "年份 / Year / Année");
}

#[test]
fn french_figures_use_the_english_rules_and_check_says_so_once() {
    let site = trilingual();
    let fr = main_of(&site.read("fr/releases/2023/report/index.html")).to_string();
    assert!(fr.contains(">150,000 brevets</data>"), "{fr}");
    assert!(fr.contains(">6 billion yuan</data>"), "{fr}");
    assert!(fr.contains("down 3.2% year on year"), "{fr}");
    assert!(site.read("fr/data/grants/index.html").contains("150,000"));
    let zh = site.read("releases/2023/report/index.html");
    assert!(zh.contains(">15万件</data>"), "Chinese keeps its own rules");
    // No UI strings for French in the theme: the English ones stand in.
    assert!(site.read("fr/about/index.html").contains(">Skip to content</a>"));

    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let numbers = "site.yaml:7:1: warning: language `fr` has no number rules of its own";
    assert_eq!(count(&r.stderr, numbers), 1, "{}", r.stderr);
    assert_eq!(count(&r.stderr, "has no number rules"), 1, "only fr, once:\n{}", r.stderr);
    let strings = "site.yaml:7:1: warning: the theme has no UI strings for `fr`: its pages show the `en` ones";
    assert_eq!(count(&r.stderr, strings), 1, "{}", r.stderr);
    assert_eq!(count(&r.stderr, "has no UI strings"), 1, "{}", r.stderr);
    assert!(r.stderr.contains("add `themes/default/i18n/fr.yaml`"));

    // French UI strings of the site's own (some of them): used, English for the rest, and
    // check no longer asks for them.
    site.write("themes/default/i18n/fr.yaml", "skip_to_content: Aller au contenu\n");
    site.build(&[]);
    let about = site.read("fr/about/index.html");
    assert!(about.contains(">Aller au contenu</a>"));
    assert!(about.contains(">Search</a>"), "a string the file lacks comes from English");
    assert!(!site.read("about/index.html").contains("Aller au contenu"));
    assert!(!site.read("en/about/index.html").contains("Aller au contenu"));
    let r = site.run(&["check"]);
    assert_eq!(count(&r.stderr, "has no UI strings"), 0, "{}", r.stderr);
    assert_eq!(count(&r.stderr, "has no number rules"), 1, "{}", r.stderr);
}

#[test]
fn english_first_site() {
    let site = Site::fixture("english-first");
    site.build(&[]);
    let base = "https://en-first.example.org";
    let home = site.read("index.html");
    assert_eq!(html_lang(&home), "en-GB");
    assert!(home.contains(">150,000 patents</data>"), "{}", main_of(&home));
    let zh = site.read("zh/index.html");
    assert_eq!(html_lang(&zh), "zh-Hans");
    assert!(zh.contains(">15万件</data>"));
    // A page without a language suffix is in the default language, English, at the root.
    let about = site.read("about/index.html");
    assert!(about.contains("<h1>About</h1>"));
    assert!(about.contains(&alternate(&format!("{base}/zh/about/"), "zh-Hans")));
    assert!(about.contains(&alternate(&format!("{base}/about/"), "x-default")));
    let zh_about = site.read("zh/about/index.html");
    assert!(zh_about.contains(&alternate(&format!("{base}/about/"), "x-default")), "x-default: the default language");
    assert!(zh_about.contains("<a href=/about/ hreflang=en-GB lang=en-GB>English</a>"));
    for (prefix, tag) in [("", "en-GB"), ("zh/", "zh-Hans")] {
        assert_eq!(html_lang(&site.read(&format!("{prefix}404.html"))), tag);
        assert!(site.read(&format!("{prefix}atom.xml")).contains(&format!("xml:lang=\"{tag}\"")));
        assert!(site.exists(&format!("{prefix}data/grants/index.html")));
        assert!(site.exists(&format!("{prefix}search/index.html")));
    }
    assert!(!site.exists("en/index.html"), "the default language is not also under /en/");
    assert!(site.read("404.html").contains("Page not found"));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains(&format!("hreflang=\"x-default\" href=\"{base}/about/\"")));
    // Field descriptions name each language once (not "Year / Year").
    let package: Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    let fields = &package["resources"][0]["schema"]["fields"];
    assert_eq!(fields[0]["title"], "Year");
    assert_eq!(fields[0]["description"], "Year / 年份");
    assert_eq!(fields[1]["description"], "Patents granted / 专利授权总量. Unit: patents (count)");

    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("number rules") && !r.stderr.contains("UI strings"), "{}", r.stderr);
}

#[test]
fn serve_answers_a_missing_page_with_the_404_page_of_its_language() {
    let site = Site::fixture("trilingual");
    let server = Server::start(&site);
    for (path, tag) in [("/nope/", "zh-Hans"), ("/fr/nope/", "fr-FR"), ("/en/nope", "en"), ("/french/x", "zh-Hans")] {
        let (status, body) = server.get(path).unwrap();
        assert_eq!(status, 404, "{path}");
        assert_eq!(html_lang(&body), tag, "{path}: {}", &body[..body.len().min(200)]);
    }
    assert_eq!(server.get("/fr/about/").unwrap().0, 200);
}
