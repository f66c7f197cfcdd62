//! Messages about the content: pages, datasets, charts, shortcodes, links, embargoes.

use super::*;
use crate::model::dataset::KeyKind;

/// A key kind as named in a message ("`2021x` is not a valid year key").
pub fn key_kind(kind: KeyKind) -> Said {
    match kind {
        KeyKind::Year => key_kind_year(),
        KeyKind::Quarter => key_kind_quarter(),
        KeyKind::Month => key_kind_month(),
        KeyKind::Date => key_kind_date(),
        KeyKind::Category => key_kind_category(),
    }
}

catalogue! {

    // Frozen versions (data/frozen/).
    sums_bad_line() { en: "this line is not `checksum  path`", zh: "这一行不是 `校验值  路径` 的格式" }
    sums_bad_line_hint() {
        en: "the file is written by `vitrine freeze`; restore it from version control",
        zh: "此文件由 `vitrine freeze` 生成，请从版本库恢复",
    }
    not_a_frozen_version(rel: &str) { en: "`{rel}` is not a frozen version", zh: "`{rel}` 不是冻结版本" }
    not_a_frozen_version_hint(dir: &str) {
        en: "only `vitrine freeze` writes into `{dir}/` (files named `<year>/<dataset>.v<n>.yaml`); move this file out",
        zh: "只有 `vitrine freeze` 会写入 `{dir}/`（文件名为 `<年份>/<数据集>.v<版本号>.yaml`），请把此文件移走",
    }
    frozen_not_listed(rel: &str, sums: &str) { en: "`{rel}` is not listed in `{sums}`", zh: "`{sums}` 中没有 `{rel}`" }
    frozen_not_listed_hint() {
        en: "frozen versions are written by `vitrine freeze <year>`; remove this file, or freeze again",
        zh: "冻结版本由 `vitrine freeze <年份>` 生成，请删除此文件，或重新冻结",
    }
    frozen_changed(rel: &str, year: i32) {
        en: "`{rel}` was changed after it was frozen: it no longer holds what the {year} release published",
        zh: "`{rel}` 在冻结后被改动过，已不是{year}年发布时的数据",
    }
    frozen_changed_hint(rel: &str, id: &str, year: i32) {
        en: "restore the file from version control (`git checkout -- {rel}`); to correct a published figure, edit `data/{id}.yaml`, add a `corrections` entry and run `vitrine freeze {year}`",
        zh: "请从版本库恢复此文件（`git checkout -- {rel}`）；如要更正已发布的数据，请修改 `data/{id}.yaml`，加一条 `corrections`，再运行 `vitrine freeze {year}`",
    }
    frozen_says_other(release: i32, version: u32, year: i32, file_version: u32) {
        en: "`frozen` says release {release} version {version}, but the file is release {year} version {file_version}",
        zh: "`frozen` 写的是{release}年发布第{version}版，而文件是{year}年发布第{file_version}版",
    }
    frozen_entry_missing() {
        en: "a frozen version needs its `frozen: {{release, version, date}}` entry",
        zh: "冻结版本须有 `frozen: {{release, version, date}}` 一项",
    }
    restore_from_vcs() { en: "restore the file from version control", zh: "请从版本库恢复此文件" }
    frozen_missing(path: &str) { en: "the frozen version `{path}` is missing", zh: "冻结版本 `{path}` 不见了" }
    frozen_missing_hint() {
        en: "a published version must stay: restore the file from version control",
        zh: "已发布的版本必须保留，请从版本库恢复此文件",
    }
    frozen_gap(version: u32, id: &str, release: i32, next: u32) {
        en: "version {version} of `{id}` for the {release} release has no version {next}",
        zh: "`{id}` 在{release}年发布中有第{version}版，却没有第{next}版",
    }
    frozen_gap_hint() { en: "restore the missing version from version control", zh: "请从版本库恢复缺少的版本" }

    // Datasets (data/*.yaml).
    dataset_twice(first: &str, rel: &str, id: &str) {
        en: "`{first}` and `{rel}` are both the dataset `{id}`",
        zh: "`{first}` 和 `{rel}` 都是数据集 `{id}`",
    }
    dataset_twice_hint() {
        en: "keep one of the two files (a dataset's id is its file name)",
        zh: "请只保留其中一个文件（数据集的 id 就是文件名）",
    }
    dataset_bad_id(id: &str) { en: "`{id}` is not a usable dataset id", zh: "`{id}` 不能用作数据集 id" }
    dataset_bad_id_hint() {
        en: "the file name is the dataset id and becomes a URL: use lowercase ASCII letters, digits and hyphens, e.g. `patent-grants.yaml`",
        zh: "文件名就是数据集 id，也是网址的一部分：请只用小写英文字母、数字和连字符，例如 `patent-grants.yaml`",
    }
    dataset_reserved_id(id: &str) { en: "`{id}` is a name the site uses for its own files", zh: "`{id}` 是网站自用文件的名称" }
    dataset_reserved_id_hint(id: &str) {
        en: "`/data/{id}.json` describes every dataset together; rename the file, e.g. `{id}-figures.yaml`",
        zh: "`/data/{id}.json` 用于汇总说明全部数据集；请给文件改名，例如 `{id}-figures.yaml`",
    }
    frozen_in_dataset() {
        en: "`frozen` belongs only in the frozen versions under `data/frozen/`",
        zh: "`frozen` 只能出现在 `data/frozen/` 下的冻结版本中",
    }
    frozen_in_dataset_hint() {
        en: "remove the line: `vitrine freeze <year>` records a release's figures itself",
        zh: "请删除这一行；`vitrine freeze <年份>` 会自动记录发布时的数据",
    }
    not_a_date(value: &str) { en: "`{value}` is not a valid date", zh: "`{value}` 不是有效的日期" }
    dataset_date_hint() { en: "write dates as `2022-04-26`", zh: "日期请写成 `2022-04-26` 的形式" }
    unknown_key_kind(kind: &str) { en: "unknown key kind `{kind}`", zh: "无法识别的键类型 `{kind}`" }
    category_twice(id: &str) { en: "category `{id}` is listed twice", zh: "类别 `{id}` 列了两次" }
    categories_empty() { en: "`categories` is empty", zh: "`categories` 是空的" }
    categories_empty_hint() { en: "list each category id with its label", zh: "请逐一列出各类别的 id 及其名称" }
    categories_needed() { en: "a `category` key needs a `categories` list", zh: "`category` 类型的键须有 `categories` 列表" }
    categories_needed_hint() {
        en: "add `categories: {{wuhan: {{zh: 武汉, en: Wuhan}}, …}}` to the key",
        zh: "请在键中加上 `categories: {{wuhan: {{zh: 武汉, en: Wuhan}}, …}}`",
    }
    categories_not_here() {
        en: "`categories` is only for keys of kind `category`",
        zh: "只有 `category` 类型的键才能有 `categories`",
    }
    categories_not_here_hint() {
        en: "remove `categories`, or set `kind: category`",
        zh: "请删除 `categories`，或改为 `kind: category`",
    }
    series_twice(id: &str) { en: "series id `{id}` is used twice", zh: "指标 id `{id}` 用了两次" }
    unknown_unit_kind(kind: &str) { en: "unknown unit kind `{kind}`", zh: "无法识别的单位类型 `{kind}`" }
    currency_needed() { en: "a currency unit needs a `currency` code", zh: "货币单位须写明 `currency` 代码" }
    currency_needed_hint() { en: "add `currency: CNY` to the unit", zh: "请在单位中加上 `currency: CNY`" }
    no_series() { en: "the dataset has no series", zh: "数据集没有任何指标（series）" }
    no_series_hint() { en: "list the value columns under `series:`", zh: "请在 `series:` 下列出各数值列" }
    column_not_series(col: &str) { en: "column `{col}` is not a declared series", zh: "列 `{col}` 不是已声明的指标" }
    column_did_you_mean(key: &str) {
        en: "did you mean `{key}`? Declare every column under `series:`",
        zh: "是否应为 `{key}`？每一列都须在 `series:` 下声明",
    }
    column_declare_hint() {
        en: "declare the column under `series:`, or remove it from the row",
        zh: "请在 `series:` 下声明此列，或从这一行中删除它",
    }
    comma_in_figure(key: &str, a: &str, b: &str) {
        en: "the comma in `{key}: {a},{b}` splits the figure in two: YAML reads `{b}` as another column",
        zh: "`{key}: {a},{b}` 中的逗号把数字拆成了两半，YAML 把 `{b}` 当成了另一列",
    }
    comma_in_figure_hint(key: &str, a: &str, b: &str) {
        en: "write figures without thousands separators: `{key}: {a}{b}`",
        zh: "数字中不要加千位分隔符，请写成 `{key}: {a}{b}`",
    }
    row_no_key(key: &str) { en: "the row has no `{key}`", zh: "这一行没有 `{key}`" }
    row_no_key_hint(key: &str) {
        en: "every row needs its key, e.g. `{{{key}: …, …}}`",
        zh: "每一行都须写明键，例如 `{{{key}: …, …}}`",
    }
    row_no_value(key: &str, series: &str) {
        en: "the row `{key}` has no value for series `{series}`",
        zh: "`{key}` 这一行没有指标 `{series}` 的值",
    }
    row_no_value_hint(series: &str) {
        en: "write `{series}: null` for a missing value",
        zh: "如缺数据，请写 `{series}: null`",
    }
    row_twice(key: &str) { en: "`{key}` appears in two rows", zh: "`{key}` 出现在两行中" }
    row_twice_hint() {
        en: "each key value may have only one row; merge or remove one",
        zh: "每个键值只能有一行，请合并或删除其中一行",
    }
    break_by_category() {
        en: "a break in series needs periods, but this dataset is keyed by category",
        zh: "统计口径变化须对应某一时期，而此数据集按类别排列",
    }
    break_by_category_hint() {
        en: "remove `breaks`, or say in `notes` how the categories are counted",
        zh: "请删除 `breaks`，或在 `notes` 中说明各类别的统计口径",
    }
    break_series_did_you_mean(key: &str, known: &List) {
        en: "did you mean `{key}`? The series are: {known}",
        zh: "是否应为 `{key}`？现有指标：{known}",
    }
    break_series_known(known: &List) {
        en: "the series are: {known}; leave out `series` for a break in all of them",
        zh: "现有指标：{known}；如各指标口径均有变化，可不写 `series`",
    }
    break_not_series(id: &str) { en: "the break names `{id}`, which is not a series", zh: "口径变化所指的 `{id}` 不是指标" }
    field_title() { en: "`title`", zh: "`title`（标题）" }
    field_source_name() { en: "`source.name`", zh: "`source.name`（来源）" }
    field_key_label() { en: "`key.label`", zh: "`key.label`（键的名称）" }
    field_description() { en: "`description`", zh: "`description`（说明）" }
    field_notes() { en: "`notes`", zh: "`notes`（注释）" }
    field_category_label(id: &str) { en: "the label of category `{id}`", zh: "类别 `{id}` 的名称" }
    field_series_label(id: &str) { en: "the label of series `{id}`", zh: "指标 `{id}` 的名称" }
    field_series_unit(id: &str) { en: "the unit of series `{id}`", zh: "指标 `{id}` 的单位" }
    field_correction(date: &str) { en: "the correction of {date}", zh: "{date}的更正说明" }
    updated_too_old(updated: &str, newest: &str) {
        en: "`updated` ({updated}) is older than the newest correction ({newest})",
        zh: "`updated`（{updated}）早于最近一次更正（{newest}）",
    }
    updated_too_old_hint(newest: &str) {
        en: "set `updated: {newest}` or later: readers and search engines go by it",
        zh: "请改为 `updated: {newest}` 或更晚的日期；读者和搜索引擎以此为准",
    }
    key_year_hint() { en: "write the year as four digits, e.g. `2021`", zh: "年份请写四位数字，例如 `2021`" }
    key_quarter_hint() { en: "write a quarter as `2021-Q1`", zh: "季度请写成 `2021-Q1` 的形式" }
    key_month_hint() { en: "write a month as `2021-03`", zh: "月份请写成 `2021-03` 的形式" }
    key_date_hint() { en: "write a date as `2021-03-15`", zh: "日期请写成 `2021-03-15` 的形式" }
    key_category_hint(ids: &List) {
        en: "use one of the ids under `categories`: {ids}",
        zh: "请使用 `categories` 下的某个 id：{ids}",
    }
    key_category_label_hint(label: &str, id: &str, ids: &List) {
        en: "`{label}` is the label of `{id}`: write the id, `{id}`, not the label (the ids under `categories`: {ids})",
        zh: "`{label}` 是 `{id}` 的名称，此处应写 id `{id}`，而不是名称（`categories` 下的 id：{ids}）",
    }
    bad_key_value(value: &str, kind: &Said) { en: "`{value}` is not a valid {kind} key", zh: "`{value}` 不是有效的{kind}" }
    key_kind_year() { en: "year", zh: "年份" }
    key_kind_quarter() { en: "quarter", zh: "季度" }
    key_kind_month() { en: "month", zh: "月份" }
    key_kind_date() { en: "date", zh: "日期" }
    key_kind_category() { en: "category", zh: "类别" }
    bad_url(url: &str) {
        en: "source `url` must start with https:// or http://, not `{url}`",
        zh: "来源 `url` 须以 https:// 或 http:// 开头，而不是 `{url}`",
    }
    bad_url_hint() { en: "give the full address of the original publication", zh: "请写出原始出处的完整网址" }
    value_form_hint() {
        en: "write `{{value: 840000, status: lower_bound}}`, or a plain number",
        zh: "请写成 `{{value: 840000, status: lower_bound}}`，或只写数字",
    }
    value_no_field(key: &str) { en: "a value has no field `{key}`", zh: "值中不能有 `{key}` 一项" }
    status_without_value() { en: "this value has a `status` but no `value`", zh: "这个值有 `status`，却没有 `value`" }
    status_did_you_mean(key: &str, names: &List) {
        en: "did you mean `{key}`? The statuses are: {names}",
        zh: "是否应为 `{key}`？可用的数据状态：{names}",
    }
    statuses_are(names: &List) { en: "the statuses are: {names}", zh: "可用的数据状态：{names}" }
    not_a_status(value: &str) { en: "`{value}` is not an observation status", zh: "`{value}` 不是数据状态" }
    missing_has_no_status() { en: "a missing value has no status", zh: "缺失的值不能有数据状态" }
    missing_has_no_status_hint() {
        en: "give the figure, or write `null` alone for a missing value",
        zh: "请写出数值；如缺数据，只写 `null`",
    }
    out_of_range(value: &str) { en: "`{value}` is out of range", zh: "`{value}` 超出了可表示的范围" }
    not_a_number(value: &str) { en: "`{value}` is not a number", zh: "`{value}` 不是数字" }
    plain_number_hint(n: &str) { en: "write the plain number in base units: `{n}`", zh: "请按基本单位只写数字：`{n}`" }
    number_or_null_hint() {
        en: "write a plain number such as `155000`, or `null` for a missing value",
        zh: "请只写数字，例如 `155000`；如缺数据，写 `null`",
    }
    quoted_number(value: &str) {
        en: "`\"{value}\"` is in quotes, so it is read as text, not as a number",
        zh: "`\"{value}\"` 加了引号，会被当作文字而不是数字",
    }
    quoted_number_hint(value: &str) {
        en: "remove the quotes: write `{value}`",
        zh: "请去掉引号，写成 `{value}`",
    }

    // Bilingual texts (load::texts).
    text_lacks_language(field: &Said, code: &str) { en: "{field} has no `{code}` text", zh: "{field}缺少 `{code}` 文本" }
    text_lacks_language_hint(code: &str, default: &str) {
        en: "add `{code}: …` to it; the `{default}` text is shown meanwhile",
        zh: "请补上 `{code}: …`；补上之前显示 `{default}` 文本",
    }
    text_unknown_language(field: &Said, code: &str) {
        en: "{field} has a text for `{code}`, which is not a language of the site",
        zh: "{field}中有 `{code}` 文本，但 `{code}` 不是本网站的语言",
    }
    text_unknown_language_hint(codes: &List) {
        en: "the site's languages are {codes}; language codes are written in lowercase",
        zh: "本网站的语言为 {codes}；语言代码须用小写",
    }

    // site.yaml.
    no_site_yaml() { en: "no `site.yaml` in the site folder", zh: "网站文件夹中没有 `site.yaml`" }
    no_site_yaml_hint(root: &str) {
        en: "run vitrine in a site folder (or any folder inside one), or pass `--root DIR`; looked in `{root}` and the folders above it",
        zh: "请在网站文件夹（或其中任一子文件夹）中运行 vitrine，或用 `--root 文件夹` 指定；已查找 `{root}` 及其上级文件夹",
    }
    field_publisher() { en: "`publisher`", zh: "`publisher`（发布机构）" }
    no_number_rules(code: &str, rules: &str) {
        en: "language `{code}` has no number rules of its own: its figures are written by the `{rules}` rules (155,000; 5.03 billion; up 3.2% year on year)",
        zh: "语言 `{code}` 没有自己的数字格式，其数字按 `{rules}` 的格式书写（155,000；5.03 billion；up 3.2% year on year）",
    }
    no_number_rules_hint() {
        en: "vitrine formats figures for Chinese and English only; where another form is needed, write the figure into the text",
        zh: "vitrine 只按中文和英文格式书写数字；如需其他格式，请把数字直接写进正文",
    }
    languages_empty() { en: "`languages` is empty", zh: "`languages` 是空的" }
    languages_empty_hint() {
        en: "list at least one language, e.g. `languages: [{{code: zh, name: 中文}}]`",
        zh: "请至少列出一种语言，例如 `languages: [{{code: zh, name: 中文}}]`",
    }
    bad_language_code(code: &str) { en: "`{code}` is not a usable language code", zh: "`{code}` 不能用作语言代码" }
    bad_language_code_hint() { en: "use a short lowercase code such as `zh` or `en`", zh: "请使用简短的小写代码，如 `zh` 或 `en`" }
    language_twice(code: &str) { en: "language `{code}` is listed twice", zh: "语言 `{code}` 列了两次" }
    language_twice_hint() { en: "list each language once", zh: "每种语言只列一次" }
    bad_language_tag(tag: &str) { en: "`{tag}` is not a language tag", zh: "`{tag}` 不是语言标记" }
    bad_language_tag_hint() {
        en: "write a BCP 47 tag such as `zh-Hans`, `zh-CN` or `en-GB` (letters and digits joined by `-`)",
        zh: "请写 BCP 47 语言标记，如 `zh-Hans`、`zh-CN` 或 `en-GB`（字母和数字以 `-` 连接）",
    }
    bad_base_url(url: &str) { en: "`base_url` must be an absolute URL, not `{url}`", zh: "`base_url` 须为完整网址，而不是 `{url}`" }
    bad_base_url_hint() {
        en: "write it with the scheme, e.g. `base_url: https://example.org`",
        zh: "请写出包括 https:// 在内的完整网址，例如 `base_url: https://example.org`",
    }
    bad_timezone(tz: &str) { en: "`{tz}` is not a time zone", zh: "`{tz}` 不是时区" }
    bad_timezone_hint() {
        en: "write an offset such as `\"+08:00\"` or a zone name such as `Asia/Shanghai`",
        zh: "请写时差，如 `\"+08:00\"`，或时区名称，如 `Asia/Shanghai`",
    }

    // Pages (content/).
    page_not_md() { en: "a Markdown page must end in `.md`", zh: "Markdown 页面的文件名须以 `.md` 结尾" }
    page_not_md_hint() {
        en: "rename the file, e.g. `report.zh.md`; as it is, its source would be published unrendered",
        zh: "请给文件改名，例如 `report.zh.md`；否则其源文件会原样发布",
    }
    page_language_unknown(code: &str) { en: "language code `{code}` is not in site.yaml", zh: "site.yaml 中没有语言代码 `{code}`" }
    page_language_unknown_hint(codes: &List) {
        en: "the site's languages are {codes}; rename the file or add the language to `languages` in site.yaml",
        zh: "本网站的语言为 {codes}；请给文件改名，或在 site.yaml 的 `languages` 中加上该语言",
    }
    page_takes_site_folder(top: &str) {
        en: "a page at `/{top}/` would take the place of the site's own `/{top}/`",
        zh: "`/{top}/` 处的页面会占用网站自己的 `/{top}/`",
    }
    page_takes_site_folder_hint(top: &str) {
        en: "`/{top}/` is made by vitrine; choose another folder or page name",
        zh: "`/{top}/` 由 vitrine 生成，请换一个文件夹名或页面名",
    }
    page_takes_calendar(path: &str, calendar: &str) {
        en: "a page at `/{path}/` would take the place of the site's release calendar `/{calendar}/`",
        zh: "`/{path}/` 处的页面会占用网站的发布日程 `/{calendar}/`",
    }
    page_takes_calendar_hint(calendar: &str) {
        en: "`/{calendar}/` is made by vitrine from `calendar.yaml` and the release folders; announce releases in `calendar.yaml`, or choose another folder or page name",
        zh: "`/{calendar}/` 由 vitrine 根据 `calendar.yaml` 和各年发布文件夹生成；请在 `calendar.yaml` 中预告发布，或换一个文件夹名或页面名",
    }
    page_in_language_folder(top: &str) {
        en: "`{top}` is a language code and `/{top}/` is that language's site",
        zh: "`{top}` 是语言代码，`/{top}/` 是该语言的网站",
    }
    page_in_language_folder_hint(top: &str) {
        en: "put translations beside the page they translate, as `about.{top}.md`, not in a `content/{top}/` folder",
        zh: "译文请与原文放在同一文件夹，命名为 `about.{top}.md`，不要放在 `content/{top}/` 文件夹中",
    }
    not_url_part(part: &str) { en: "`{part}` cannot be part of a URL", zh: "`{part}` 不能用作网址的一部分" }
    not_url_part_hint() {
        en: "name pages and folders with letters, digits and hyphens, e.g. `white-paper.zh.md`, `releases/2022`",
        zh: "页面和文件夹请用字母、数字和连字符命名，例如 `white-paper.zh.md`、`releases/2022`",
    }
    two_files_one_page(first: &str, second: &str, url: &str) {
        en: "`{first}` and `{second}` both make the page `{url}`",
        zh: "`{first}` 和 `{second}` 都生成页面 `{url}`",
    }
    two_files_one_page_hint() {
        en: "every page needs its own URL: rename or remove one of the two files",
        zh: "每个页面须有自己的网址，请给其中一个文件改名或删除",
    }
    draft_past_publish_at(at: &str) {
        en: "the page is a draft, but its `publish_at` ({at}) has passed: it is missing from the site",
        zh: "此页面是草稿，但其定时发布时间 `publish_at`（{at}）已过，网站上因此缺了这一页",
    }
    draft_past_publish_at_hint() {
        en: "remove `draft: true` to publish it at `publish_at`; keep `draft: true` and remove `publish_at` if it is not ready",
        zh: "如要按 `publish_at` 发布，请删除 `draft: true`；如尚未定稿，请保留 `draft: true` 并删除 `publish_at`",
    }
    nul_in_page_hint() {
        en: "the file is damaged or is not a text file: delete the character, or open the file in a text editor and save it again as UTF-8 text",
        zh: "文件已损坏或不是文本文件：请删除该字符，或用文本编辑器打开后另存为 UTF-8 文本",
    }
    // Front matter.
    no_front_matter() { en: "the page has no front matter", zh: "页面没有文件开头的设置" }
    no_front_matter_empty_hint() {
        en: "the file is empty: start it with `---`, a line `title: …`, and `---`",
        zh: "文件是空的：请以 `---` 开头，接着写一行 `title: …`，再写一行 `---`",
    }
    no_front_matter_title_hint() {
        en: "Did you forget the `---` line above `title:`?",
        zh: "是否漏了 `title:` 上面的 `---` 一行？",
    }
    no_front_matter_hint() {
        en: "start the file with a line `---`, then `title: …`, then another `---` line",
        zh: "文件请以一行 `---` 开头，接着写 `title: …`，再写一行 `---`",
    }
    front_matter_not_closed() { en: "the front matter is not closed", zh: "文件开头的设置没有结束" }
    front_matter_not_closed_hint() {
        en: "Did you forget the closing `---` line after the front matter?",
        zh: "是否漏了设置后面结束用的 `---` 一行？",
    }
    title_empty() { en: "the title is empty", zh: "标题是空的" }
    title_empty_hint() { en: "write the page title after `title:`", zh: "请在 `title:` 后写页面标题" }
    page_date_hint() {
        en: "write a date as `2022-04-26`, or a moment as `2022-04-26T10:00:00+08:00`",
        zh: "日期请写成 `2022-04-26`，具体时刻请写成 `2022-04-26T10:00:00+08:00`",
    }
    not_a_publish_at(value: &str) {
        en: "`{value}` is not a valid `publish_at` time",
        zh: "`{value}` 不是有效的定时发布时间（`publish_at`）",
    }
    not_a_template(value: &str) { en: "`{value}` is not a template file name", zh: "`{value}` 不是模板文件名" }
    not_a_template_hint() {
        en: "name an `.html` file of the theme's `templates/` folder, e.g. `page.html`",
        zh: "请写主题 `templates/` 文件夹中某个 `.html` 文件的名称，例如 `page.html`",
    }
    // calendar.yaml.
    release_no_year() { en: "the release has no `year`", zh: "这次发布没有写 `year`（年份）" }
    release_no_year_hint() { en: "write the year of the release, e.g. `year: 2027`", zh: "请写发布年份，例如 `year: 2027`" }
    not_a_year(value: &str) { en: "`{value}` is not a year", zh: "`{value}` 不是年份" }
    not_a_year_hint() {
        en: "write the release's year with four digits, e.g. `year: 2027` (its folder is `content/releases/2027/`)",
        zh: "请用四位数字写发布年份，例如 `year: 2027`（对应文件夹为 `content/releases/2027/`）",
    }
    release_no_title(year: i32) { en: "the {year} release has no `title`", zh: "{year}年发布没有写 `title`（标题）" }
    release_no_title_hint() {
        en: "write the title to show until the release is public, e.g. `title: {{zh: 2027年“4·26”发布, en: The 2027 World IP Day release}}`",
        zh: "请写发布前显示的标题，例如 `title: {{zh: 2027年“4·26”发布, en: The 2027 World IP Day release}}`",
    }
    release_no_publish_at(year: i32) { en: "the {year} release has no `publish_at`", zh: "{year}年发布没有写定时发布时间 `publish_at`" }
    release_no_publish_at_hint() {
        en: "write when it is published, with the time and the time zone, e.g. `publish_at: 2027-04-26T10:00:00+08:00`",
        zh: "请写明发布时刻，含时间和时区，例如 `publish_at: 2027-04-26T10:00:00+08:00`",
    }
    release_twice(year: i32, line: usize) {
        en: "the {year} release is announced twice (first on line {line})",
        zh: "{year}年发布预告了两次（第一次在第{line}行）",
    }
    release_twice_hint() {
        en: "announce each year's release once: remove one of the two entries",
        zh: "每年的发布只预告一次，请删除其中一项",
    }
    release_differs(year: i32, at: &str, page: &str, page_at: &str) {
        en: "the {year} release is announced for {at}, but `{page}` has `publish_at: {page_at}`",
        zh: "{year}年发布预告的时间是 {at}，而 `{page}` 写的是 `publish_at: {page_at}`",
    }
    release_differs_hint() {
        en: "make the two times the same: the calendar tells journalists when the release is published, the `publish_at` of the release's `_index` page is when it is",
        zh: "请把两个时间改为一致：发布日程告诉记者何时发布，而该年 `_index` 页面的 `publish_at` 决定实际发布时间",
    }
    nothing() { en: "(nothing)", zh: "（空）" }
    publish_at_no_time(value: &str) { en: "`publish_at: {value}` has no time of day", zh: "`publish_at: {value}` 没有写具体时间" }
    publish_at_no_time_hint() {
        en: "write the moment of publication with its time and time zone, e.g. `2027-04-26T10:00:00+08:00` (10:00 Beijing time)",
        zh: "请写明发布时刻，含时间和时区，例如 `2027-04-26T10:00:00+08:00`（北京时间10:00）",
    }
    publish_at_no_zone(value: &str) { en: "`publish_at: {value}` has no time zone", zh: "`publish_at: {value}` 没有写时区" }
    publish_at_no_zone_hint(value: &str) {
        en: "add the offset, e.g. `{value}+08:00` for Beijing time: journalists in other time zones read the calendar, so the time zone of the announced moment must be written out",
        zh: "请加上时差，北京时间写作 `{value}+08:00`：其他时区的记者也会看发布日程，预告的时刻须写明时区",
    }
    not_a_moment(value: &str) { en: "`{value}` is not a date and time", zh: "`{value}` 不是日期和时间" }
    not_a_moment_hint() {
        en: "write `publish_at` as a date, time and time zone, e.g. `2027-04-26T10:00:00+08:00` (10:00 Beijing time)",
        zh: "`publish_at` 请写日期、时间和时区，例如 `2027-04-26T10:00:00+08:00`（北京时间10:00）",
    }

    // Figures in prose: {{ value(…) }} and {{ change(…) }}.
    call_syntax_hint() {
        en: "write it as `{{{{ value(data=\"patent-grants\", series=\"total\", period=2021) }}}}`",
        zh: "请写成 `{{{{ value(data=\"patent-grants\", series=\"total\", period=2021) }}}}` 的形式",
    }
    not_a_call(text: &str) { en: "`{text}` is not a call", zh: "`{text}` 不是函数调用" }
    call_not_closed(name: &str) { en: "`{name}(` is not closed with `)`", zh: "`{name}(` 缺少结尾的 `)`" }
    argument_no_equals(arg: &str) { en: "argument `{arg}` has no `=`", zh: "参数 `{arg}` 缺少 `=`" }
    not_an_argument_name(key: &str) { en: "`{key}` is not an argument name", zh: "`{key}` 不是参数名" }
    argument_quote_not_closed(key: &str) { en: "the quote after `{key}=` is not closed", zh: "`{key}=` 后面的引号没有闭合" }
    unknown_function(name: &str) { en: "unknown function `{name}`", zh: "无法识别的函数 `{name}`" }
    unknown_function_hint() {
        en: "the functions are `value(data=…, series=…, period=…)` and `change(data=…, series=…, period=…)`",
        zh: "可用的函数为 `value(data=…, series=…, period=…)` 和 `change(data=…, series=…, period=…)`",
    }
    exact_not_bool(value: &str) { en: "`exact={value}` is neither `true` nor `false`", zh: "`exact={value}` 既不是 `true` 也不是 `false`" }
    exact_hint() {
        en: "write `exact=true` to print every digit without 万 or million: 19464件",
        zh: "写 `exact=true` 可显示全部数字，不换算为“万”或“million”，如 19464件",
    }
    no_such_argument(name: &str, arg: &str) { en: "`{name}` has no argument `{arg}`", zh: "`{name}` 没有参数 `{arg}`" }
    no_such_argument_hint() {
        en: "its arguments are `data`, `series`, `period` and, optionally, `precision` (and `exact` for `value`)",
        zh: "其参数为 `data`、`series`、`period`，可选 `precision`（`value` 另可用 `exact`）",
    }
    argument_needed(name: &str, arg: &str) { en: "`{name}` needs `{arg}=…`", zh: "`{name}` 缺少 `{arg}=…`" }
    argument_needed_hint() { en: "give `data`, `series` and `period`", zh: "请写明 `data`、`series` 和 `period`" }
    share_image_failed(path: &str, cause: &str) {
        en: "the share image `{path}` could not be drawn: {cause}",
        zh: "分享图片 `{path}` 无法生成：{cause}",
    }
    key_figures_not_release() {
        en: "`key_figures` belongs on a release's landing page",
        zh: "`key_figures` 只能写在年度发布的首页中",
    }
    key_figures_not_release_hint() {
        en: "move the list to `content/releases/<year>/_index.<lang>.md`: its tiles show there and, for the newest release, on the home page",
        zh: "请把这一列表移到 `content/releases/<年份>/_index.<语言>.md`，数字卡片将显示在该发布首页，最新一次发布的还显示在网站首页",
    }
    unknown_dataset(id: &str) { en: "unknown dataset `{id}`", zh: "没有名为 `{id}` 的数据集" }
    datasets_did_you_mean(id: &str, ids: &List) {
        en: "did you mean `{id}`? The datasets are: {ids}",
        zh: "是否应为 `{id}`？现有数据集：{ids}",
    }
    datasets_are(ids: &List) { en: "the datasets are: {ids}", zh: "现有数据集：{ids}" }
    datasets_are_files(ids: &List) {
        en: "the datasets are the files in `data/`: {ids}",
        zh: "数据集即 `data/` 中的文件：{ids}",
    }
    series_did_you_mean(id: &str, ids: &List) {
        en: "did you mean `{id}`? The series are: {ids}",
        zh: "是否应为 `{id}`？现有指标：{ids}",
    }
    series_are(ids: &List) { en: "the series are: {ids}", zh: "现有指标：{ids}" }
    no_such_series(data: &str, series: &str) { en: "dataset `{data}` has no series `{series}`", zh: "数据集 `{data}` 没有指标 `{series}`" }
    its_series_are(ids: &List) { en: "its series are: {ids}", zh: "其指标为：{ids}" }
    no_such_period(data: &str, kind: &Said, period: &str) {
        en: "dataset `{data}` has no {kind} `{period}`",
        zh: "数据集 `{data}` 中没有{kind} `{period}`",
    }
    it_has(keys: &List) { en: "it has: {keys}", zh: "其中有：{keys}" }
    figure_missing(data: &str, series: &str, period: &str) {
        en: "`{data}` has no figure for series `{series}` in {period}: the page says so",
        zh: "`{data}` 中指标 `{series}` 在 {period} 没有数据，页面上会注明数据缺失",
    }
    figure_missing_hint() {
        en: "say in the text that the figure is missing, or choose a period that has one",
        zh: "请在正文中说明数据缺失，或改用有数据的时期",
    }
    change_needs_time(data: &str) {
        en: "`change` needs a time series, but `{data}` is keyed by category",
        zh: "`change` 须用于时间序列，而 `{data}` 按类别排列",
    }
    change_needs_time_hint() { en: "use `value` for category datasets", zh: "按类别排列的数据集请用 `value`" }
    bad_precision(value: &str) { en: "`precision={value}` is not a number of decimal places", zh: "`precision={value}` 不是小数位数" }
    bad_precision_hint() {
        en: "write a whole number from 0 to 6, e.g. `precision=1` for 15.5万件",
        zh: "请写 0 到 6 之间的整数，例如 `precision=1` 显示为 15.5万件",
    }
    braces_not_closed() { en: "`{{{{` is not closed by `}}}}`", zh: "`{{{{` 缺少结尾的 `}}}}`" }
    braces_not_closed_hint() {
        en: "a figure is written `{{{{ value(data=\"…\", series=\"…\", period=…) }}}}`; to show braces as text, put them in backticks: `{{{{`",
        zh: "数字的写法为 `{{{{ value(data=\"…\", series=\"…\", period=…) }}}}`；如要显示花括号本身，请放在反引号内：`{{{{`",
    }
    // Chart blocks.
    unknown_chart_kind(kind: &str) { en: "unknown chart kind `{kind}`", zh: "无法识别的图表类型 `{kind}`" }
    chart_needs_time(kind: &str, id: &str) {
        en: "a `{kind}` chart needs a time series, but `{id}` is keyed by category",
        zh: "`{kind}` 图表须用于时间序列，而 `{id}` 按类别排列",
    }
    chart_needs_time_hint() { en: "use `horizontal-bar` or `bar` for categories", zh: "按类别排列的数据请用 `horizontal-bar` 或 `bar`" }
    series_empty() { en: "`series` is empty", zh: "`series` 是空的" }
    series_empty_hint() { en: "name at least one series", zh: "请至少写一个指标" }
    units_differ(a: &str, b: &str) {
        en: "series `{a}` and `{b}` have different units and cannot share one axis",
        zh: "指标 `{a}` 和 `{b}` 单位不同，不能共用一个坐标轴",
    }
    units_differ_hint() { en: "chart them in two separate blocks", zh: "请分成两个图表块" }
    chart_glyph_missing(field: &Said, chars: &str) {
        en: "{field} has {chars}, which the chart images cannot draw: the font built into vitrine lacks it",
        zh: "{field}含有 {chars}，图表图片无法显示：vitrine 内置字体不含此字",
    }
    chart_glyph_missing_hint() {
        en: "the PNG would show an empty box in its place; use a common character (GB 2312) or another wording, or ask for the character to be added to `assets/fonts/make-outline-font.py`",
        zh: "PNG 图片中该字将显示为空框；请改用常用字（GB 2312 范围内）或换一种说法，也可请开发人员将该字加入 `assets/fonts/make-outline-font.py`",
    }
    chart_image_failed(name: &str, detail: &str) {
        en: "the chart image `{name}` could not be drawn: {detail}",
        zh: "图表图片 `{name}` 未能生成：{detail}",
    }
    chart_image_failed_hint() {
        en: "this is a fault in vitrine, not in the site; please report it with the chart block or dataset",
        zh: "这是 vitrine 程序的问题，不是网站内容的问题；请连同图表块或数据集一并报告",
    }
    outside_data(key: &str, id: &str) { en: "`{key}` is outside the data of `{id}`", zh: "`{key}` 超出了 `{id}` 的数据范围" }
    data_runs(kind: &Said, first: &str, last: &str) {
        en: "the {kind} runs from `{first}` to `{last}`",
        zh: "{kind}范围为 `{first}` 至 `{last}`",
    }
    no_rows(id: &str) { en: "dataset `{id}` has no rows to chart", zh: "数据集 `{id}` 没有可供绘图的数据行" }
    no_rows_hint(id: &str) {
        en: "add rows to `data/{id}.yaml`, or leave the chart out until it has figures",
        zh: "请在 `data/{id}.yaml` 中添加数据行，或在有数据之前先不放这张图",
    }
    chart_not_closed() { en: "this chart block is not closed", zh: "这个图表块没有结束" }
    chart_not_closed_hint() {
        en: "end the block with a line of three backticks ``` after its last setting; as it is, the rest of the page is read as part of the chart",
        zh: "请在图表块最后一项设置之后另起一行，写三个反引号 ``` 结束；否则页面其余内容都会被当作图表设置",
    }

    // Files and the theme.
    not_utf8() { en: "the file is not valid UTF-8 text", zh: "文件不是有效的 UTF-8 文本" }
    not_utf8_hint() {
        en: "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8); files saved as GBK/GB2312 by Chinese editors must be converted",
        zh: "请把文件另存为 UTF-8 编码（记事本：“另存为”，“编码”选 UTF-8）；以 GBK/GB2312 编码保存的文件须先转换",
    }
    theme_not_found(name: &str) { en: "theme `{name}` not found", zh: "找不到主题 `{name}`" }
    theme_not_found_hint(name: &str) {
        en: "create `themes/{name}/`, or write `theme: default`",
        zh: "请建立 `themes/{name}/` 文件夹，或改为 `theme: default`",
    }
    from_after_to() { en: "`from` comes after `to`", zh: "`from`（起）晚于 `to`（止）" }
    from_after_to_hint() { en: "swap them", zh: "请把两者对调" }
    // Breaks in series.
    break_outside(period: &str, id: &str, kind: &Said) {
        en: "the break at {period} falls outside the data of `{id}`: no row has that {kind}",
        zh: "{period} 的口径变化超出了 `{id}` 的数据范围，没有哪一行是这个{kind}",
    }
    break_outside_hint(kind: &Said, keys: &List) {
        en: "give the first {kind} counted the new way, one of: {keys} (add a row with `null` values if its figures are missing)",
        zh: "请写按新口径统计的第一个{kind}，可选：{keys}（如该期数据缺失，可加一行 `null` 值）",
    }
    break_at_first_row(period: &str, id: &str) {
        en: "the break at {period} is at the first row of `{id}`: there is nothing before it to compare",
        zh: "{period} 的口径变化位于 `{id}` 的第一行，此前没有可比较的数据",
    }
    break_at_first_row_hint() {
        en: "say in `notes` how the figures were counted, and remove the break",
        zh: "请在 `notes` 中说明统计口径，并删除这项口径变化",
    }

    // What may be public (publication) and frozen releases (freeze).
    users_pages() { en: "the pages that use it", zh: "引用它的页面" }
    users_release(year: i32) { en: "the {year} release", zh: "{year}年发布" }
    hidden_page() { en: "a page that is not public yet", zh: "一个尚未公开的页面" }
    hidden_release(year: i32) { en: "the {year} release, which is not public yet", zh: "尚未公开的{year}年发布" }
    shared_with_hidden(id: &str, hidden: &Said, release: &Said) {
        en: "`{id}` is also used by {hidden}; only the figures for periods that ended before {release} are published now, but a figure of an earlier period that was revised for it would show at once",
        zh: "`{id}` 也被{hidden}引用；现在只发布{release}之前已结束时期的数据，但若为此修订了较早时期的数据，修订后的数字会立即公开",
    }
    freeze_release_hint(year: i32) {
        en: "freeze the figures the {year} release published: `vitrine freeze {year}`",
        zh: "请冻结{year}年发布的数据：`vitrine freeze {year}`",
    }
    freeze_some_release_hint() {
        en: "put the pages that use it in a release and freeze it with `vitrine freeze <year>`",
        zh: "请把引用它的页面归入某年发布，再用 `vitrine freeze <年份>` 冻结",
    }
    cannot_tell_public(id: &str, hidden: &str) {
        en: "vitrine cannot tell which figures of `{id}` are already public: this page uses them, and so does `{hidden}`, which is not public yet",
        zh: "无法判断 `{id}` 的哪些数据已经公开：本页面引用了它，尚未公开的 `{hidden}` 也引用了它",
    }
    cannot_tell_public_release_hint(year: i32) {
        en: "record what the {year} release published with `vitrine freeze {year}` (before adding the new figures, or after taking them out for a moment)",
        zh: "请用 `vitrine freeze {year}` 记录{year}年发布的数据（在加入新数据之前，或暂时取出新数据之后）",
    }
    cannot_tell_public_hint() {
        en: "put this page in a release and freeze it with `vitrine freeze <year>`, or stop using the dataset here",
        zh: "请把本页面归入某年发布并用 `vitrine freeze <年份>` 冻结，或在本页面中不再引用该数据集",
    }
    published_dataset_missing(id: &str) {
        en: "`data/{id}.yaml` is missing, but the dataset was published",
        zh: "`data/{id}.yaml` 不见了，但该数据集已经发布过",
    }
    published_dataset_missing_hint() {
        en: "a published dataset keeps its file: restore it from version control",
        zh: "已发布的数据集须保留其文件，请从版本库恢复",
    }
    what_statuses() { en: "the observation statuses", zh: "数据状态" }
    what_breaks() { en: "the breaks in series", zh: "统计口径变化" }
    what_credits() { en: "the sources, publishers or licences", zh: "来源、发布机构或许可协议" }
    missing_figure() { en: "missing", zh: "缺失" }
    correction_unpublished(period: &str, series: &str, was: &Said, now: &Said) {
        en: "the {period} figure of `{series}` is corrected ({was} -> {now}), but the correction is not published yet",
        zh: "`{series}` 的 {period} 数据已更正（{was} -> {now}），但更正尚未发布",
    }
    correction_unpublished_hint(year: i32) {
        en: "run `vitrine freeze {year}`: the {year} release's pages then show the new figure with a dated note",
        zh: "请运行 `vitrine freeze {year}`，{year}年发布的页面随后会显示新数字并注明更正日期",
    }
    changed_silently(period: &str, series: &str, was: &Said, year: i32, now: &Said) {
        en: "the {period} figure of `{series}` was published as {was} with the {year} release and is now {now}, with no `corrections` entry",
        zh: "`{series}` 的 {period} 数据在{year}年发布时为 {was}，现为 {now}，但没有 `corrections` 更正记录",
    }
    changed_silently_hint(year: i32) {
        en: "a published figure never changes silently: add a `corrections` entry (date and reason in every language), then run `vitrine freeze {year}`; or put the figure back",
        zh: "已发布的数据不能悄悄改动：请加一条 `corrections`（写明日期，并用各语言说明原因），再运行 `vitrine freeze {year}`；或者改回原数字",
    }
    annotations_differ(what: &Said, id: &str, year: i32) {
        en: "{what} of `{id}` differ from what the {year} release published",
        zh: "`{id}` 的{what}与{year}年发布时不同",
    }
    annotations_differ_hint(year: i32) {
        en: "the {year} release's pages show what was frozen: add a `corrections` entry saying what changed and run `vitrine freeze {year}`",
        zh: "{year}年发布的页面显示的是冻结时的内容：请加一条 `corrections` 说明改动，再运行 `vitrine freeze {year}`",
    }
    correction_before_publication(date: &str, year: i32, published: &str) {
        en: "this correction is dated {date}, before the {year} release first published the figures ({published})",
        zh: "这条更正的日期为 {date}，早于{year}年发布首次公开这些数据的日期（{published}）",
    }
    correction_before_publication_hint() {
        en: "a correction comes after publication: write the date it was made (YYYY-MM-DD)",
        zh: "更正发生在发布之后，请写实际更正的日期（年-月-日，如 2023-05-10）",
    }
    freeze_annotations_need_correction(what: &Said, id: &str, year: i32) {
        en: "{what} of `{id}` differ from what the {year} release published; that needs a `corrections` entry",
        zh: "`{id}` 的{what}与{year}年发布时不同，须加一条 `corrections` 更正记录",
    }
    freeze_annotations_need_correction_hint(date: &str) {
        en: "add under `corrections:` an entry dated after {date} that says what changed (a status, a break, a source), then freeze again",
        zh: "请在 `corrections:` 下加一条 {date} 之后的记录，说明改动内容（数据状态、口径变化或来源），然后重新冻结",
    }
    freeze_figure_needs_correction(period: &str, series: &str, was: &Said, year: i32) {
        en: "the {period} figure of `{series}` was published as {was} with the {year} release; a changed published figure needs a `corrections` entry",
        zh: "`{series}` 的 {period} 数据在{year}年发布时为 {was}；改动已发布的数据须加一条 `corrections` 更正记录",
    }
    freeze_figure_needs_correction_hint(date: &str, year: i32) {
        en: "add under `corrections:` an entry dated after {date} with the reason in every language, then freeze again; if the new figure is meant only for a later release, do not freeze the {year} release again",
        zh: "请在 `corrections:` 下加一条 {date} 之后的记录，用各语言说明原因，然后重新冻结；如新数字只用于以后的发布，请不要重新冻结{year}年发布",
    }

    // Templates and the theme.
    template_not_found(name: &str) { en: "template `{name}` not found", zh: "找不到模板 `{name}`" }
    template_not_found_hint() {
        en: "name a template of the theme, or add it under `templates/`",
        zh: "请写主题中已有的模板名称，或把模板放在 `templates/` 下",
    }
    template_error(text: &str) { en: "the template cannot be used: {text}", zh: "模板无法使用：{text}" }
    theme_lacks_strings(code: &str, stand_in: &str) {
        en: "the theme has no UI strings for `{code}`: its pages show the `{stand_in}` ones (menus, buttons, headings)",
        zh: "主题没有 `{code}` 的界面文字，其页面的菜单、按钮和标题将显示 `{stand_in}` 的文字",
    }
    theme_lacks_strings_hint(theme: &str, code: &str, stand_in: &str) {
        en: "add `themes/{theme}/i18n/{code}.yaml` with the keys of the built-in theme's `i18n/{stand_in}.yaml`",
        zh: "请添加 `themes/{theme}/i18n/{code}.yaml`，其中的键与内置主题的 `i18n/{stand_in}.yaml` 相同",
    }
    static_replaces(rel: &str, out: &str) {
        en: "`{rel}` would replace `/{out}`, which the build makes",
        zh: "`{rel}` 会覆盖构建生成的 `/{out}`",
    }
    static_replaces_hint() {
        en: "rename or move the file; the page or data file at that address comes from the site's sources",
        zh: "请给文件改名或移走；该地址的页面或数据文件由网站源文件生成",
    }
    // freeze.
    no_release(year: i32) {
        en: "there is no {year} release: `content/releases/{year}/` holds no pages (create it with `vitrine new release {year}`)",
        zh: "没有{year}年发布：`content/releases/{year}/` 中没有页面（可用 `vitrine new release {year}` 建立）",
    }
    release_no_date(year: i32) { en: "the {year} release has no date", zh: "{year}年发布没有日期" }
    release_no_date_hint() {
        en: "give its `_index` page a `date` or a `publish_at`: the frozen figures are dated with it",
        zh: "请给该年的 `_index` 页面写 `date` 或 `publish_at`，冻结的数据以此为日期",
    }
    frozen_exists(rel: &str) {
        en: "`{rel}` already exists; a frozen version is never overwritten",
        zh: "`{rel}` 已存在；冻结版本一经写入，不再覆盖",
    }

    // vitrine check.
    schedule_page(at: &str, url: &str, source: &str) {
        en: "embargoed until {at}: {url} ({source})",
        zh: "禁发至 {at}：{url}（{source}）",
    }
    whole_dataset() { en: "the whole dataset", zh: "整个数据集" }
    figures_for(keys: &List) { en: "the figures for {keys}", zh: "{keys} 的数据" }
    embargoed_until(at: &str) { en: "embargoed until {at}", zh: "禁发至 {at}" }
    withheld_for_draft() { en: "withheld while a draft uses it", zh: "有草稿引用，暂不发布" }
    schedule_data(when: &Said, path: &str, what: &Said) { en: "{when}: {path} ({what})", zh: "{when}：{path}（{what}）" }
    schedule_announced(at: &str, year: i32, line: usize) {
        en: "announced for {at}: the {year} release (calendar.yaml:{line}); no pages yet",
        zh: "预告于 {at} 发布：{year}年发布（calendar.yaml:{line}），尚无页面",
    }
    schedule_announced_due(at: &str, year: i32, line: usize) {
        en: "announced for {at}: the {year} release (calendar.yaml:{line}); the moment has passed and the release has no pages",
        zh: "预告于 {at} 发布：{year}年发布（calendar.yaml:{line}），发布时间已过，但尚无页面",
    }
    schedule_not_frozen(year: i32) {
        en: "published: the {year} release; its figures are not frozen yet (run `vitrine freeze {year}`)",
        zh: "已发布：{year}年发布，其数据尚未冻结（请运行 `vitrine freeze {year}`）",
    }
    draft_in_public_release(year: i32) {
        en: "the {year} release is public, but this page of it is still a draft",
        zh: "{year}年发布已公开，但此页面仍是草稿",
    }
    draft_in_public_release_hint() {
        en: "remove `draft: true` when the page is ready, or move it out of the release",
        zh: "页面定稿后请删除 `draft: true`，或把它移出该年发布",
    }
    placeholder_left(text: &str) {
        en: "the page still holds the placeholder text `{text}`",
        zh: "页面中仍有占位文字 `{text}`",
    }
    placeholder_left_hint() { en: "replace it with the page's own title and text", zh: "请换成本页面的标题和正文" }
    no_translation(code: &str) { en: "the page has no `{code}` translation", zh: "页面没有 `{code}` 译文" }
    add_file(name: &str) { en: "add `{name}`", zh: "请添加 `{name}`" }
    dataset_unused(id: &str) { en: "no page uses the dataset `{id}`", zh: "没有页面引用数据集 `{id}`" }
    dataset_unused_hint() {
        en: "chart it or cite it with `{{{{ value(…) }}}}`, or remove it if it is not meant to be published",
        zh: "请用图表或 `{{{{ value(…) }}}}` 引用它；如不打算发布，请删除",
    }
    // Links.
    link_outside(href: &str) { en: "the link `{href}` leads outside the site", zh: "链接 `{href}` 指向网站之外" }
    link_outside_hint() {
        en: "link to pages of this site with paths such as `/releases/2022/`",
        zh: "链接本网站的页面请用 `/releases/2022/` 这样的路径",
    }
    link_nowhere(href: &str) { en: "the link `{href}` leads nowhere", zh: "链接 `{href}` 指向的页面不存在" }
    link_nowhere_hint() {
        en: "no page or file of the built site has that address; check the path",
        zh: "构建后的网站中没有这个地址的页面或文件，请检查路径",
    }
    anchor_missing(anchor: &str, target: &str) {
        en: "the anchor `#{anchor}` does not exist on `{target}`",
        zh: "`{target}` 上没有锚点 `#{anchor}`",
    }
    anchor_missing_hint() {
        en: "headings get ids from their text; copy the id from the page's table of contents",
        zh: "标题的 id 由标题文字生成，请从该页目录中复制",
    }
    image_no_alt(src: &str) { en: "the image `{src}` has no alt text", zh: "图片 `{src}` 没有替代文字" }
    image_no_alt_hint() {
        en: "describe the image for readers who cannot see it: `![description](path)`",
        zh: "请为看不到图片的读者描述图片内容：`![图片说明](路径)`",
    }

    change_missing(data: &str, series: &str, k: &str, period: &str) {
        en: "`{data}` has no figure for series `{series}` in {k}, so the change in {period} cannot be given: the page says so",
        zh: "`{data}` 中指标 `{series}` 在 {k} 没有数据，无法计算 {period} 的增减，页面上会注明",
    }
    change_missing_hint() {
        en: "say in the text that the change cannot be given, or choose a period whose figures are both there",
        zh: "请在正文中说明无法计算增减，或改用前后两期都有数据的时期",
    }

    // glossary.yaml.
    glossary_note() {
        en: "`note` must be a text, or one text per language such as `{{zh: …, en: …}}`",
        zh: "`note` 须为文字，或每种语言各一段文字，如 `{{zh: …, en: …}}`",
    }
    glossary_note_hint() {
        en: "write the note as `note: {{zh: 定义。, en: Definition.}}`, or leave it out",
        zh: "请写成 `note: {{zh: 定义。, en: Definition.}}`，或不写",
    }
    glossary_avoid() {
        en: "`avoid` must list the variants to avoid per language, each a non-empty text",
        zh: "`avoid` 须按语言列出不宜使用的译法，每项都不能为空",
    }
    glossary_avoid_hint() {
        en: "write it as `avoid: {{en: [mortgage financing]}}`",
        zh: "请写成 `avoid: {{en: [mortgage financing]}}` 的形式",
    }
    glossary_duplicate_hint() {
        en: "keep one entry per term: merge the renderings of both into the first",
        zh: "每个术语只保留一项，请把两项的译法合并到第一项",
    }
    glossary_unknown_language(code: &str) { en: "`{code}` is not a language of the site", zh: "`{code}` 不是本网站的语言" }
    glossary_unknown_key(key: &str) {
        en: "`{key}` is neither a language of the site nor `avoid` or `note`",
        zh: "`{key}` 既不是本网站的语言，也不是 `avoid` 或 `note`",
    }
    glossary_languages_hint(codes: &List) {
        en: "an entry gives the term in each of the site's languages ({codes}), and optionally `avoid` and `note`",
        zh: "每一项按本网站的各语言（{codes}）写出术语，可另写 `avoid` 和 `note`",
    }
    glossary_empty(code: &str) { en: "the `{code}` rendering is empty", zh: "`{code}` 译法是空的" }
    glossary_empty_hint(code: &str) {
        en: "write the term as it is used in `{code}`, e.g. `{code}: …`, or a list with the preferred rendering first",
        zh: "请写出该术语在 `{code}` 中的用法，例如 `{code}: …`，或列出多个译法（首个为推荐译法）",
    }
    glossary_no_default(code: &str) { en: "the entry has no `{code}` term", zh: "这一项没有 `{code}` 术语" }
    glossary_twice(term: &str, first: usize) {
        en: "the term `{term}` is listed twice (first at line {first})",
        zh: "术语 `{term}` 列了两次（第一次在第{first}行）",
    }
    // Prose checked against the data.
    near_miss(text: &str, data: &str, shown: &str, series: &str, key: &str) {
        en: "`{text}` is close to, but not, the figure in the data: `{data}` gives {shown} for series `{series}` in {key}",
        zh: "`{text}` 与数据接近但不一致：`{data}` 中指标 `{series}` 在 {key} 为 {shown}",
    }
    near_miss_hint(call: &str) {
        en: "if the text means that figure, write `{call}`, which always agrees with the data; if it is another figure, check it against its source",
        zh: "如正文指的就是这个数，请写 `{call}`，它始终与数据一致；如是另一个数，请与其出处核对",
    }
    pair_missing(text: &str, lang: &str) {
        en: "`{text}` is not stated in the `{lang}` version of the page",
        zh: "本页的 `{lang}` 版本中没有 `{text}` 这个数",
    }
    pair_missing_hint(twin: &str) {
        en: "give the same figure in `{twin}`, or remove it here; with `{{{{ value(…) }}}}` in both versions the figures always agree",
        zh: "请在 `{twin}` 中写出同一个数，或在此处删除；两个版本都用 `{{{{ value(…) }}}}` 引用，数字就始终一致",
    }
    pair_differs(text: &str, lang: &str, other: &str) {
        en: "`{text}` is stated differently in the `{lang}` version of the page: `{other}`",
        zh: "本页的 `{lang}` 版本中，`{text}` 写作 `{other}`，两者不一致",
    }
    pair_differs_hint(twin: &str) {
        en: "make `{twin}` and this page give the same figure; with `{{{{ value(…) }}}}` in both they always agree",
        zh: "请让 `{twin}` 与本页写同一个数；两者都用 `{{{{ value(…) }}}}` 引用，数字就始终一致",
    }
    glossary_avoided(variant: &str, term: &str) {
        en: "`{variant}` renders `{term}`, which the glossary says to avoid",
        zh: "`{variant}` 是 `{term}` 的译法，术语表注明不宜使用",
    }
    glossary_avoided_hint(preferred: &str) {
        en: "write `{preferred}`, as `glossary.yaml` has it",
        zh: "请按 `glossary.yaml` 写作 `{preferred}`",
    }
    glossary_missing(term: &str, lang: &str, accepted: &List) {
        en: "`{term}` is used here, but the `{lang}` version uses none of its renderings in the glossary ({accepted})",
        zh: "此处用了 `{term}`，但 `{lang}` 版本没有使用术语表中的任何译法（{accepted}）",
    }
    glossary_missing_hint(twin: &str) {
        en: "use the glossary's rendering in `{twin}`, or add the rendering it uses to the term in `glossary.yaml`",
        zh: "请在 `{twin}` 中使用术语表的译法，或把它实际使用的译法加到 `glossary.yaml` 的该术语下",
    }
}
