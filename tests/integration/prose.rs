//! Prose checked against data (src/prose/): figures typed by hand that nearly match the
//! datasets, language versions that state different figures, and the glossary. A table of
//! cases, each a zh/en page pair added to a copy of the example, with the warnings expected
//! on each version; then the glossary's bad input as snapshots, and `build` reporting the
//! same warnings as `check`.

use crate::support::Site;

/// One case: the zh and en text, and the start of each warning expected on each.
struct Case {
    name: &'static str,
    zh: &'static str,
    en: &'static str,
    zh_warnings: &'static [&'static str],
    en_warnings: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "near miss in both languages",
        zh: "2021年，全省专利授权15.6万件。",
        en: "In 2021 Hubei granted 156,000 patents.",
        zh_warnings: &["`15.6万件` is close to, but not, the figure in the data: `patent-grants` gives 15.5万件"],
        en_warnings: &[
            "`156,000 patents` is close to, but not, the figure in the data: `patent-grants` gives 155,000 patents",
        ],
    },
    Case {
        name: "correct figures",
        zh: "2021年，全省专利授权15.5万件，其中发明专利2.24万件。",
        en: "In 2021 Hubei granted 155,000 patents, of which 22,400 invention patents.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "years, ordinals and dates",
        zh: "2021年是第14个五年规划开局之年。第22个世界知识产权日，2022年4月26日。",
        en: "2021 was the first year of the 14th Five-Year Plan. The 22nd World IP Day, 26 April 2022.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "document and phone numbers",
        zh: "见鄂知发〔2022〕7号文件，第20220022号提案（电话：86759081）。",
        en: "See document No. 7 of 2022 and proposal No. 20220022 (telephone: 86759081).",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "percentage near miss",
        zh: "知识产权质押融资同比增长54.7%。",
        en: "IP pledge financing rose by 54.7%.",
        zh_warnings: &["`54.7%` is close to, but not, the figure in the data: `pledge-financing` gives 同比增长54.4%"],
        en_warnings: &[
            "`54.7%` is close to, but not, the figure in the data: `pledge-financing` gives up 54.4% year on year",
        ],
    },
    Case {
        name: "correct percentage",
        zh: "知识产权质押融资同比增长54.4%。",
        en: "IP pledge financing rose by 54.4%.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "亿元 against billion agree at the coarser precision",
        zh: "知识产权质押融资金额50.26亿元。",
        en: "IP pledge financing reached 5.03 billion yuan.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "亿元 against billion that disagree",
        zh: "知识产权质押融资金额50.26亿元。",
        en: "IP pledge financing reached 5.3 billion yuan.",
        zh_warnings: &["`50.26亿元` is stated differently in the `en` version of the page: `5.3 billion yuan`"],
        en_warnings: &["`5.3 billion yuan` is stated differently in the `zh` version of the page: `50.26亿元`"],
    },
    Case {
        name: "a pair that disagrees",
        zh: "全省法院审结知识产权案件16744件。",
        en: "The courts concluded 16,013 IP cases.",
        zh_warnings: &["`16744件` is stated differently in the `en` version of the page: `16,013 IP cases`"],
        en_warnings: &["`16,013 IP cases` is stated differently in the `zh` version of the page: `16744件`"],
    },
    Case {
        name: "digits swapped in English",
        zh: "全省法院审结知识产权案件16744件。",
        en: "The courts concluded 16,474 IP cases.",
        zh_warnings: &["`16744件` is stated differently in the `en` version of the page: `16,474 IP cases`"],
        en_warnings: &[
            "`16,474 IP cases` is close to, but not, the figure in the data: `court-cases` gives 16,744 cases",
            "`16,474 IP cases` is stated differently in the `zh` version of the page: `16744件`",
        ],
    },
    Case {
        name: "a figure one version lacks",
        zh: "武汉海关查获侵权货物193.8万件。",
        en: "Wuhan Customs seized infringing goods.",
        zh_warnings: &["`193.8万件` is not stated in the `en` version of the page"],
        en_warnings: &[],
    },
    Case {
        name: "a pair that agrees, bare numbers included",
        zh: "武汉海关查获侵权货物193.8万件；备案企业1137家，其中1508件获得授权。",
        en: "Wuhan Customs seized 1.938 million infringing items; 1,137 enterprises registered, 1,508 of which were granted.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "figures in code spans and blocks",
        zh: "写作`15.6万件`。\n\n```\n15.6万件\n```\n",
        en: "Written `156,000 patents`.\n\n```\n156,000 patents\n```\n",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "numbers in links and URLs",
        zh: "见[报告](https://example.org/15.6万件)和<https://example.org/156000/patents>。",
        en: "See [the report](https://example.org/156,000-patents) and <https://example.org/156000/patents>.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "a call against a typed figure",
        zh: "全省专利授权{{ value(data=\"patent-grants\", series=\"total\", period=2021) }}。",
        en: "Hubei granted 155,000 patents.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "calls that differ",
        zh: "全省专利授权{{ value(data=\"patent-grants\", series=\"total\", period=2021) }}。",
        en: "Hubei granted {{ value(data=\"patent-grants\", series=\"total\", period=2020) }}.",
        zh_warnings: &[
            "`{{ value(data=\"patent-grants\", series=\"total\", period=2021) }}` is not stated in the `en` version",
        ],
        en_warnings: &[
            "`{{ value(data=\"patent-grants\", series=\"total\", period=2020) }}` is not stated in the `zh` version",
        ],
    },
    Case {
        name: "a digit slip about something else",
        zh: "累计受理专利预审申请2139件，其中1508件获得授权。",
        en: "It received 2,139 requests for patent pre-examination, and 1,508 led to a grant.",
        zh_warnings: &[],
        en_warnings: &[],
    },
    Case {
        name: "glossary: a variant to avoid",
        zh: "知识产权质押融资较快增长。",
        en: "IP mortgage financing grew quickly.",
        zh_warnings: &[],
        en_warnings: &["`mortgage financing` renders `知识产权质押融资`, which the glossary says to avoid"],
    },
    Case {
        name: "glossary: a variant to avoid, capitalised",
        zh: "办结专利侵权纠纷行政裁决案件。",
        en: "Administrative adjudications of patent infringement disputes were closed.",
        zh_warnings: &[],
        en_warnings: &["`Administrative adjudication` renders `行政裁决`, which the glossary says to avoid"],
    },
    Case {
        name: "glossary: term translated otherwise",
        zh: "地理标志保护成效明显。",
        en: "The protection of place-of-origin marks showed results.",
        zh_warnings: &["`地理标志` is used here, but the `en` version uses none of its renderings in the glossary"],
        en_warnings: &[],
    },
];

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2022-04-26\n---\n\n{body}\n")
}

/// The warnings `check` prints for one file: the text after `warning: ` of each headline.
fn warnings_for<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{file}:")))
        .filter_map(|l| l.split_once(": warning: ").map(|(_, m)| m))
        .collect()
}

#[test]
fn table_of_prose_cases() {
    let site = Site::example();
    for (i, c) in CASES.iter().enumerate() {
        site.write(&format!("content/cases/case{i}.zh.md"), page(&format!("案例{i}"), c.zh));
        site.write(&format!("content/cases/case{i}.en.md"), page(&format!("Case {i}"), c.en));
    }
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let mut failures = Vec::new();
    for (i, c) in CASES.iter().enumerate() {
        for (lang, expected) in [("zh", c.zh_warnings), ("en", c.en_warnings)] {
            let file = format!("content/cases/case{i}.{lang}.md");
            let got = warnings_for(&r.stderr, &file);
            let all_expected = expected.iter().all(|e| got.iter().any(|g| g.starts_with(e)));
            if got.len() != expected.len() || !all_expected {
                failures.push(format!("{} ({lang}): expected {expected:#?}\ngot {got:#?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Warnings point at the figure: line 6 of the file (after the front matter), its column.
    assert!(r.stderr.contains("content/cases/case0.zh.md:6:13: warning: `15.6万件`"), "{}", r.stderr);
    // And the same warnings come from `build`, which still builds.
    let b = site.run(&["build", "--verbose"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.stderr.contains("content/cases/case0.zh.md:6:13: warning: `15.6万件`"), "{}", b.stderr);
    assert!(b.stderr.contains("content/cases/case10.zh.md:6:11: warning: `193.8万件` is not stated"), "{}", b.stderr);
    // --strict fails on them.
    assert_eq!(site.run(&["check", "--strict"]).code, 1);
}

#[test]
fn the_example_passes_strict_check_and_has_a_glossary() {
    let site = Site::example();
    let r = site.run(&["check", "--strict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    site.build(&[]);
    let zh = site.read("glossary/index.html");
    let en = site.read("en/glossary/index.html");
    for term in ["知识产权质押融资", "行政裁决", "地理标志", "每万人口发明专利拥有量"] {
        assert!(zh.contains(term) && en.contains(term), "{term}");
    }
    assert!(en.contains("IP pledge financing") && en.contains("mortgage financing"));
    assert!(
        en.contains("<th scope=col>Term</th>") || en.contains("<th scope=\"col\">Term</th>"),
        "a table with headers"
    );
    assert!(en.contains("data-pagefind-body"), "searchable");
    let rows = zh.matches("<th scope=row>").count() + zh.matches("<th scope=\"row\">").count();
    assert!(rows >= 30, "at least 30 terms, got {rows}");
    assert!(site.read("sitemap.xml").contains("/en/glossary/</loc>"));
    assert!(site.read("en/index.html").contains("/en/glossary/"), "linked from the footer");
}

#[test]
fn broken_anchor_points_at_the_link() {
    let site = Site::example();
    site.write(
        "content/cases/a.zh.md",
        page("锚点", "第一段。\n\n见[白皮书](/releases/2022/white-paper/#不存在的标题)。\n"),
    );
    site.write("content/cases/a.en.md", page("Anchor", "See [it](/en/releases/2022/white-paper/#no-such-heading).\n"));
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/cases/a.zh.md:8:8: warning: the anchor `#不存在的标题` does not exist"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("content/cases/a.en.md:6:10: warning: the anchor `#no-such-heading`"), "{}", r.stderr);
}

/// `glossary.yaml` mistakes: errors at the line, exit 1, `public/` untouched.
fn glossary_fails(name: &str, yaml: &str) {
    let site = Site::example();
    site.build(&[]);
    let before = site.bytes("index.html");
    site.write("glossary.yaml", yaml);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{name}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(site.bytes("index.html"), before, "{name}: public/ was touched");
    insta::assert_snapshot!(name, r.stderr);
    let zh = crate::support::in_chinese(&site, &["build"], &[], &r);
    insta::assert_snapshot!(format!("{name}_zh"), zh.stderr);
}

#[test]
fn glossary_term_listed_twice() {
    glossary_fails(
        "glossary_term_listed_twice",
        "terms:\n  - zh: 行政裁决\n    en: administrative ruling\n  - zh: 专利\n    en: patent\n  - zh: 行政裁决\n    en: administrative decision\n",
    );
}

#[test]
fn glossary_empty_rendering() {
    glossary_fails("glossary_empty_rendering", "terms:\n  - zh: 行政裁决\n    en: \"\"\n  - zh: 专利\n    en: []\n");
}

#[test]
fn glossary_unknown_language() {
    glossary_fails("glossary_unknown_language", "terms:\n  - zh: 专利\n    fr: brevet\n");
}
