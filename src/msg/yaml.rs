//! Messages about YAML as written: what the scan finds before parsing (`yaml::scan`), and the
//! parser's and serde's messages reworded (`yaml::reword`).

use super::*;

catalogue! {
    // What a YAML text is, for the messages that name it.
    kind_site() { en: "site.yaml", zh: "site.yaml 文件" }
    kind_dataset() { en: "a dataset", zh: "数据集文件" }
    kind_front_matter() { en: "front matter", zh: "文件开头的设置" }
    kind_chart() { en: "a chart block", zh: "图表块" }
    kind_other() { en: "this file", zh: "此文件" }

    // Empty texts.
    file_empty() { en: "the file is empty", zh: "文件是空的" }
    site_empty_hint() {
        en: "site.yaml needs at least `title`, `base_url` and `languages`, one `key: value` per line",
        zh: "site.yaml 至少要写 `title`、`base_url` 和 `languages` 三项，每行一项，格式为 `键: 值`",
    }
    dataset_empty_hint() {
        en: "a dataset needs `title`, `source`, `key`, `series` and `rows`; `vitrine new dataset <id>` writes one to start from",
        zh: "数据集须有 `title`、`source`、`key`、`series` 和 `rows`；可运行 `vitrine new dataset <id>` 生成一个样板再修改",
    }
    front_matter_empty() { en: "the front matter is empty", zh: "文件开头的设置是空的" }
    front_matter_empty_hint() {
        en: "write at least a line `title: …` between the two `---` lines",
        zh: "请在两行 `---` 之间至少写一行 `title: …`",
    }
    chart_empty() { en: "the chart block is empty", zh: "图表块是空的" }
    chart_empty_hint() {
        en: "write at least `data: <dataset id>` and `kind: bar` in the block, one per line",
        zh: "请在图表块中至少写 `data: <数据集 id>` 和 `kind: bar` 两行",
    }
    other_empty_hint() {
        en: "write its keys and values, one `key: value` per line",
        zh: "请逐行写出键和值，每行一项，格式为 `键: 值`",
    }

    // The scan: characters that YAML reads differently from what the author sees.
    nul_in_text() {
        en: "a NUL character (an invisible byte) is in the text",
        zh: "文本中有一个 NUL 字符（看不见的空字节）",
    }
    nul_in_text_hint() {
        en: "delete it; it comes from a file that is not plain text, or a damaged copy",
        zh: "请删除该字符；它通常来自非纯文本文件或损坏的副本",
    }
    control_in_text(code: &str) {
        en: "an invisible control character (U+{code}) is in the text",
        zh: "文本中有一个看不见的控制字符（U+{code}）",
    }
    control_in_text_hint() {
        en: "delete it; it usually comes with text copied from another program",
        zh: "请删除该字符；它通常是从其他程序复制文字时带进来的",
    }
    splits_in_two() { en: "a `---` line splits the file in two", zh: "一行 `---` 把文件分成了两部分" }
    splits_in_two_hint(what: &Said) {
        en: "{what} has no `---` lines: delete this one",
        zh: "{what}中不应有 `---` 行，请删除这一行",
    }
    ends_early() { en: "a `...` line ends the text early", zh: "一行 `...` 使文本提前结束" }
    delete_this_line() { en: "delete this line", zh: "请删除这一行" }
    delete_dots_line() { en: "delete the `...` line", zh: "请删除 `...` 这一行" }
    tab_indent() { en: "a tab is used for indentation", zh: "用了制表符（Tab）缩进" }
    tab_after(before: &str) { en: "a tab after `{before}`", zh: "`{before}` 后面有一个制表符（Tab）" }
    tab_hint() {
        en: "YAML indents with spaces only: replace the tab with spaces",
        zh: "YAML 只能用空格缩进，请把制表符换成空格",
    }
    full_width_indent() {
        en: "a full-width space `　` is used for indentation",
        zh: "用了全角空格 `　` 缩进",
    }
    full_width_indent_hint() {
        en: "YAML indents with ordinary (half-width) spaces only: replace it with two spaces",
        zh: "YAML 只能用半角空格缩进，请把它换成两个半角空格",
    }
    full_width_space_at(place: &Said) { en: "a full-width space `　` {place}", zh: "{place}有一个全角空格 `　`" }
    full_width_space_hint() { en: "use an ordinary (half-width) space instead", zh: "请改用半角空格" }
    full_width_space_after(what: &str) {
        en: "a full-width space `　` after `{what}`",
        zh: "`{what}` 后面是全角空格 `　`",
    }
    full_width_space_after_hint() {
        en: "type an ordinary (half-width) space after it; YAML does not count a full-width one",
        zh: "请在其后输入半角空格；YAML 不把全角空格当作空格",
    }
    full_width_bracket(c: char, half: char) {
        en: "a full-width bracket `{c}` where YAML needs `{half}`",
        zh: "此处应为半角括号 `{half}`，却写成了全角括号 `{c}`",
    }
    full_width_bracket_hint(example: &str) {
        en: "type half-width brackets and commas, e.g. `{example}`",
        zh: "请用半角括号和逗号，例如 `{example}`",
    }
    invisible_at(name: &Said, place: &Said) { en: "{name} {place}", zh: "{place}有{name}" }
    zero_width_space() { en: "an invisible zero-width space (U+200B)", zh: "一个看不见的零宽空格（U+200B）" }
    zero_width_non_joiner() {
        en: "an invisible zero-width non-joiner (U+200C)",
        zh: "一个看不见的零宽非连接符（U+200C）",
    }
    zero_width_joiner() { en: "an invisible zero-width joiner (U+200D)", zh: "一个看不见的零宽连接符（U+200D）" }
    word_joiner() { en: "an invisible word joiner (U+2060)", zh: "一个看不见的连字符（U+2060）" }
    byte_order_mark() { en: "an invisible byte order mark (U+FEFF)", zh: "一个看不见的字节顺序标记（U+FEFF）" }
    no_break_space() {
        en: "a no-break space (U+00A0), which looks like a space but is not one,",
        zh: "一个看似空格、实非空格的不换行空格（U+00A0）",
    }
    narrow_no_break_space() {
        en: "a narrow no-break space (U+202F), which looks like a space but is not one,",
        zh: "一个看似空格、实非空格的窄不换行空格（U+202F）",
    }
    invisible_char() { en: "an invisible character", zh: "一个看不见的字符" }
    invisible_space_hint() {
        en: "delete it and type an ordinary space, or nothing",
        zh: "请删除它，改为输入半角空格，或者什么都不输入",
    }
    invisible_near_hint(word: &str, side: &Said) {
        en: "it usually comes with copied text: delete `{word}` together with the invisible character {side} it, and type `{word}` again",
        zh: "它通常是复制文字时带进来的：请把 `{word}` 连同其{side}看不见的字符一起删除，再重新输入 `{word}`",
    }
    invisible_hint() { en: "it usually comes with copied text: delete it", zh: "它通常是复制文字时带进来的，请删除" }
    side_before() { en: "before", zh: "前面" }
    side_after() { en: "after", zh: "后面" }
    before_word(word: &str) { en: "before `{word}`", zh: "`{word}` 前面" }
    after_word(word: &str) { en: "after `{word}`", zh: "`{word}` 后面" }
    here() { en: "here", zh: "此处" }
    full_width_colon() {
        en: "full-width colon `：` used as a YAML colon",
        zh: "YAML 的冒号写成了全角冒号 `：`",
    }
    full_width_colon_hint(key: &str, value: &str) {
        en: "type a half-width colon `:` followed by a space, e.g. `{key}: {value}`",
        zh: "请输入半角冒号 `:` 并在其后加一个空格，例如 `{key}: {value}`",
    }
    space_missing_after(key: &str) { en: "a space is missing after `{key}:`", zh: "`{key}:` 后面缺少空格" }
    space_missing_after_hint(key: &str, value: &str) {
        en: "YAML needs a space after the colon: `{key}: {value}`",
        zh: "YAML 要求冒号后面有一个空格：`{key}: {value}`",
    }
    full_width_comma() { en: "a full-width comma `，` where YAML needs `,`", zh: "此处应为半角逗号 `,`，却写成了全角逗号 `，`" }
    full_width_comma_hint(example: &str) {
        en: "type a half-width comma and a space between the items, e.g. `{example}`",
        zh: "各项之间请用半角逗号加一个空格分隔，例如 `{example}`",
    }
    unclosed_square() { en: "this `[` is not closed", zh: "这个 `[` 没有闭合" }
    unclosed_square_hint(example: &str) { en: "end the list with `]`, e.g. `{example}`", zh: "请用 `]` 结束列表，例如 `{example}`" }
    unclosed_curly() { en: "this `{{` is not closed", zh: "这个 `{{` 没有闭合" }
    unclosed_curly_hint(example: &str) { en: "end it with `}}`, e.g. `{example}`", zh: "请用 `}}` 结束，例如 `{example}`" }
    unclosed_double() { en: "this `\"` is not closed", zh: "这个 `\"` 没有闭合" }
    unclosed_double_hint(example: &str) {
        en: "end the text with `\"` too, e.g. `{example}`",
        zh: "文字末尾也要加 `\"`，例如 `{example}`",
    }
    unclosed_single() { en: "this `'` is not closed", zh: "这个 `'` 没有闭合" }
    unclosed_single_hint(example: &str) {
        en: "end the text with `'` too, e.g. `{example}`",
        zh: "文字末尾也要加 `'`，例如 `{example}`",
    }

    // The parser's messages, reworded.
    unknown_key(key: &str) { en: "unknown key `{key}`", zh: "无法识别的键 `{key}`" }
    did_you_mean_known(key: &str, known: &List) {
        en: "did you mean `{key}`? Known keys: {known}",
        zh: "是否应为 `{key}`？可用的键：{known}",
    }
    known_keys(known: &List) { en: "known keys: {known}", zh: "可用的键：{known}" }
    only_key(key: &str) { en: "the only key allowed here is `{key}`", zh: "此处只能用键 `{key}`" }
    no_keys_here() { en: "no keys are allowed here", zh: "此处不能写任何键" }
    missing_key(key: &str) { en: "missing required key `{key}`", zh: "缺少必填的键 `{key}`" }
    missing_key_hint(key: &str) { en: "add a line `{key}: …`", zh: "请加一行 `{key}: …`" }
    duplicate_key(key: &str) { en: "duplicate key `{key}`", zh: "键 `{key}` 重复" }
    duplicate_key_hint() {
        en: "each key may appear only once here; keep one and delete the other",
        zh: "此处每个键只能出现一次，请保留一个、删除另一个",
    }
    unknown_value(value: &str) { en: "unknown value `{value}`", zh: "无法识别的值 `{value}`" }
    use_one_of(values: &List) { en: "use one of: {values}", zh: "请使用以下之一：{values}" }
    not_a_boolean(found: &Said) { en: "{found} is not `true` or `false`", zh: "此处应写 `true` 或 `false`，而不是{found}" }
    boolean_hint(key: &str) {
        en: "write `true` or `false`, e.g. `{key}: true`",
        zh: "请写 `true`（是）或 `false`（否），例如 `{key}: true`",
    }
    not_finite(value: &str) { en: "`{value}` is not a number a table can show", zh: "`{value}` 不是表格能显示的数字" }
    not_finite_hint() {
        en: "write the figure, or `null` if it is missing",
        zh: "请写出数值；如缺数据，写 `null`",
    }
    lone_dash() { en: "a lone `-` where a value belongs", zh: "应写值的地方只有一个 `-`" }
    lone_dash_hint(key: &str) {
        en: "write `null` for a missing value, e.g. `{key}: null`, or write the figure",
        zh: "缺数据请写 `null`，例如 `{key}: null`；否则请写出数值",
    }
    block_list_misaligned() {
        en: "this line is not lined up with the list items above it",
        zh: "这一行与上面的列表项没有对齐",
    }
    block_list_misaligned_hint() {
        en: "start every `- ` item of a list at the same column",
        zh: "同一列表的每个 `- ` 项都要从同一列开始",
    }
    line_misaligned() { en: "this line is not lined up with the lines around it", zh: "这一行与前后各行没有对齐" }
    line_up_hint() {
        en: "start it at the same column as the keys it belongs with; YAML counts every space at the start of a line",
        zh: "请让它与同级的键从同一列开始；YAML 会计算行首的每一个空格",
    }
    flow_map_unclosed() { en: "a `,` or the closing `}}` is missing here", zh: "此处缺少 `,` 或结尾的 `}}`" }
    flow_map_unclosed_hint() {
        en: "separate the entries with a comma and a space, and end them with `}}`: `{{year: 2021, total: 155000}}`",
        zh: "各项之间用半角逗号加空格分隔，最后以 `}}` 结束：`{{year: 2021, total: 155000}}`",
    }
    flow_list_unclosed() { en: "a `,` or the closing `]` is missing here", zh: "此处缺少 `,` 或结尾的 `]`" }
    flow_list_unclosed_hint() {
        en: "separate the items with a comma and a space, and end them with `]`: `[total, invention]`",
        zh: "各项之间用半角逗号加空格分隔，最后以 `]` 结束：`[total, invention]`",
    }
    bracket_unclosed() { en: "a `[` or `{{` is not closed", zh: "有 `[` 或 `{{` 没有闭合" }
    bracket_unclosed_hint() { en: "end each `[` with `]` and each `{{` with `}}`", zh: "每个 `[` 要用 `]` 闭合，每个 `{{` 要用 `}}` 闭合" }
    bracket_misplaced() { en: "a closing bracket with no opening one", zh: "有结尾括号，却没有对应的开头括号" }
    bracket_misplaced_hint() { en: "delete it, or add the opening `[` or `{{`", zh: "请删除它，或补上开头的 `[` 或 `{{`" }
    bracket_mismatched() { en: "a bracket is closed by the wrong kind", zh: "括号开头和结尾不是同一种" }
    bracket_mismatched_hint() { en: "close `[` with `]` and `{{` with `}}`", zh: "`[` 要用 `]` 闭合，`{{` 要用 `}}` 闭合" }
    dash_in_brackets() { en: "a `- ` item inside brackets", zh: "括号内出现了 `- ` 列表项" }
    dash_in_brackets_hint() {
        en: "a `[` or `{{` on a line above is not closed: close it on its own line",
        zh: "上面某行的 `[` 或 `{{` 没有闭合，请在该行内闭合",
    }
    dash_as_value() { en: "a `- ` item where a value belongs", zh: "应写值的地方出现了 `- ` 列表项" }
    dash_as_value_hint() {
        en: "start the list on the line after `key:`, each `- ` item on its own indented line",
        zh: "列表请从 `键:` 的下一行开始，每个 `- ` 项单独一行并缩进",
    }
    dash_needs_space() { en: "a space is missing after `-`", zh: "`-` 后面缺少空格" }
    dash_needs_space_hint() {
        en: "write a space after the `-` of a list item: `- item`",
        zh: "列表项的 `-` 后面要加一个空格：`- 项目`",
    }
    quote_unclosed() { en: "a quoted text is not closed", zh: "引号中的文字没有闭合" }
    quote_unclosed_hint() {
        en: "end the text with the same quote mark it starts with",
        zh: "文字开头用什么引号，末尾也要用同样的引号",
    }
    after_closing_quote() { en: "text after the closing quote", zh: "结尾引号后面还有文字" }
    after_closing_quote_hint() {
        en: "put all the text inside the quotes, e.g. `title: \"2021年报告\"`",
        zh: "请把全部文字放在引号内，例如 `title: \"2021年报告\"`",
    }
    backslash_escape() {
        en: "a `\\` in double quotes starts a special character",
        zh: "双引号内的 `\\` 表示特殊字符",
    }
    backslash_escape_hint() {
        en: "write `\\\\` for a backslash, or put the text in single quotes `'…'`",
        zh: "反斜杠请写成 `\\\\`，或把文字改放在单引号 `'…'` 内",
    }
    bom_in_text() { en: "an invisible byte order mark (U+FEFF) is in the text", zh: "文本中有一个看不见的字节顺序标记（U+FEFF）" }
    delete_it() { en: "delete it", zh: "请删除它" }
    cannot_start_value(c: &Said) { en: "`{c}` cannot start a value", zh: "值不能以 `{c}` 开头" }
    this_character() { en: "this character", zh: "这个字符" }
    comment_needs_space() { en: "`#` starts a comment only after a space", zh: "`#` 前面有空格时才表示注释" }
    comment_needs_space_hint() {
        en: "put a space before `#`, or put the text in quotes",
        zh: "请在 `#` 前加一个空格，或把文字放在引号内",
    }
    comment_in_text() {
        en: "a `#` comment inside a text that goes on over several lines",
        zh: "跨行的文字中间夹有 `#` 注释",
    }
    comment_in_text_hint() { en: "put the text in quotes, or move the comment", zh: "请把文字放在引号内，或把注释移走" }
    block_text_indent() {
        en: "the lines of a `|` or `>` text are not indented enough",
        zh: "`|` 或 `>` 后面的文字缩进不够",
    }
    block_text_indent_hint() {
        en: "indent every line of the text more than the key it belongs to",
        zh: "文字的每一行都要比它所属的键缩进得更多",
    }
    too_large() { en: "the YAML is too large or expands too much", zh: "YAML 内容过大或展开后过大" }
    too_large_hint() {
        en: "vitrine refuses deeply nested YAML and heavy use of `&anchor`/`*alias`; write the values out plainly",
        zh: "vitrine 不接受嵌套过深或大量使用 `&锚点`/`*引用` 的 YAML，请直接写出各个值",
    }
    not_yaml() { en: "this line cannot be read as YAML", zh: "这一行无法按 YAML 读取" }
    not_yaml_hint() {
        en: "check it for a missing `:`, space, quote mark or bracket; compare it with a line that works",
        zh: "请检查是否漏了 `:`、空格、引号或括号，可与一行正确的内容对照",
    }
    colon_misplaced() { en: "a `:` where YAML does not expect one", zh: "此处不应出现 `:`" }
    colon_misplaced_hint() {
        en: "a key is followed by `: ` and its value; put a text that contains `:` in quotes",
        zh: "键的后面是 `: ` 和值；含有 `:` 的文字请放在引号内",
    }
    special_anchor() {
        en: "`&` and `*` at the start of a value have a special meaning in YAML",
        zh: "值开头的 `&` 和 `*` 在 YAML 中有特殊含义",
    }
    special_tag() {
        en: "`!` or `%` at the start of a value has a special meaning in YAML",
        zh: "值开头的 `!` 或 `%` 在 YAML 中有特殊含义",
    }
    quote_it(key: &str, value: &str) {
        en: "put the value in quotes, e.g. `{key}: \"{value}\"`",
        zh: "请把值放在引号内，例如 `{key}: \"{value}\"`",
    }
    ends_mid_value() { en: "the text ends in the middle of a value", zh: "文本在一个值的中间就结束了" }
    ends_mid_value_hint() {
        en: "check the last lines for a missing `]`, `}}` or closing quote mark",
        zh: "请检查最后几行是否漏了 `]`、`}}` 或结尾引号",
    }
    indented_too_far(key: &str) {
        en: "`{key}:` is indented more than the keys above it",
        zh: "`{key}:` 比上面的键缩进得多",
    }
    not_lined_up(key: &str) { en: "`{key}:` is not lined up with the keys above it", zh: "`{key}:` 与上面的键没有对齐" }
    value_has_colon(key: &Said) { en: "the value of {key} contains `: `", zh: "{key}的值中含有 `: `" }
    this_key() { en: "this key", zh: "这个键" }
    key_named(key: &str) { en: "`{key}`", zh: "`{key}` " }
    value_has_colon_hint(key: &str, value: &str) {
        en: "YAML reads `: ` as the start of a key: put the value in quotes, `{key}: \"{value}\"`",
        zh: "YAML 会把 `: ` 当作键的开始，请把值放在引号内：`{key}: \"{value}\"`",
    }
    value_has_colon_example_hint() {
        en: "YAML reads `: ` as the start of a key: put the value in quotes, e.g. `title: \"报告: 2021\"`",
        zh: "YAML 会把 `: ` 当作键的开始，请把值放在引号内，例如 `title: \"报告: 2021\"`",
    }
    colon_missing_after(word: &str) { en: "a `:` is missing after `{word}`", zh: "`{word}` 后面缺少 `:`" }
    colon_missing_after_hint(example: &str) {
        en: "write a colon and a space after the key: `{example}`",
        zh: "请在键后写冒号和一个空格：`{example}`",
    }
    not_key_value() { en: "this line is not `key: value`", zh: "这一行不是 `键: 值` 的格式" }
    not_key_value_hint() {
        en: "write the key, a colon and a space, then the value; text that continues the line above must be indented more",
        zh: "请依次写键、冒号、空格和值；接续上一行的文字要缩进得更多",
    }
    key_missing_before_colon() { en: "a key is missing before `:`", zh: "`:` 前面缺少键" }
    key_missing_before_colon_hint() {
        en: "write the key before the colon, e.g. `updated: 2023-04-26`",
        zh: "请在冒号前写出键，例如 `updated: 2023-04-26`",
    }
    value_missing() { en: "a value is missing here", zh: "此处缺少值" }
    value_missing_hint() { en: "write the value, or `null` if there is none", zh: "请写出值；没有值请写 `null`" }
    key_is_empty(key: &str) { en: "`{key}` is empty", zh: "`{key}` 没有填写" }

    // What was expected and what was found.
    expected_found(what: &Said, key: &Said, found: &Said) {
        en: "expected {what} for {key}, found {found}",
        zh: "{key}应为{what}，实为{found}",
    }
    this_value() { en: "this value", zh: "此值" }
    the_key(key: &str) { en: "`{key}`", zh: "`{key}` " }
    found_nothing() { en: "nothing", zh: "空" }
    found_list() { en: "a list", zh: "列表" }
    found_keys() { en: "keys and values", zh: "键和值" }
    found_value(value: &str) { en: "`{value}`", zh: " `{value}`" }
    found_text(value: &str) { en: "the text `{value}`", zh: "文字 `{value}`" }
    found_number(value: &str) { en: "the number `{value}`", zh: "数字 `{value}`" }
    kind_bilingual() {
        en: "a text or one text per language (`{{zh: …, en: …}}`)",
        zh: "文字或每种语言各一段文字（`{{zh: …, en: …}}`）",
    }
    kind_bilingual_hint(key: &str) {
        en: "write the text after the colon, e.g. `{key}: 专利授权量`, or one per language: `{key}: {{zh: 专利授权量, en: Patents granted}}`",
        zh: "请在冒号后写文字，例如 `{key}: 专利授权量`，或每种语言各写一段：`{key}: {{zh: 专利授权量, en: Patents granted}}`",
    }
    kind_row() { en: "a row such as `{{year: 2021, total: 155000}}`", zh: "一行数据，如 `{{year: 2021, total: 155000}}`" }
    kind_row_hint() {
        en: "write each row between curly brackets, e.g. `- {{year: 2021, total: 155000}}`",
        zh: "每行数据写在花括号内，例如 `- {{year: 2021, total: 155000}}`",
    }
    kind_single() { en: "a single value", zh: "单个值" }
    kind_single_hint(key: &str) {
        en: "write one value after the colon, e.g. `{key}: …`; a list `[…]` or keys `{{…}}` do not belong here",
        zh: "请在冒号后只写一个值，例如 `{key}: …`；此处不能写列表 `[…]` 或键值 `{{…}}`",
    }
    kind_text() { en: "a text", zh: "文字" }
    kind_text_hint(key: &str) { en: "write the text after the colon, e.g. `{key}: …`", zh: "请在冒号后写文字，例如 `{key}: …`" }
    kind_list() { en: "a list such as `[a, b]`", zh: "列表，如 `[a, b]`" }
    kind_list_hint(key: &str) {
        en: "write the items between square brackets, separated by commas: `{key}: [a, b]`",
        zh: "请把各项写在方括号内，用半角逗号分隔：`{key}: [a, b]`",
    }
    kind_keys() { en: "keys and values (`key: value`)", zh: "键和值（`键: 值`）" }
    kind_keys_hint(key: &str) {
        en: "write them on the indented lines below `{key}:`, one `key: value` per line, or between curly brackets `{{…}}`",
        zh: "请写在 `{key}:` 下面缩进的各行，每行一个 `键: 值`，或写在花括号 `{{…}}` 内",
    }
    kind_bool() { en: "`true` or `false`", zh: "`true` 或 `false`" }
    kind_bool_hint(key: &str) { en: "write `true` or `false`, e.g. `{key}: true`", zh: "请写 `true` 或 `false`，例如 `{key}: true`" }
    kind_other_value() { en: "another kind of value", zh: "另一种值" }
    kind_other_value_hint() {
        en: "compare the value with the same key in a file that works",
        zh: "请与正确文件中同一个键的值对照",
    }
    number_range(from: &str, to: &str) {
        en: "a whole number from {from} to {to}",
        zh: "介于 {from} 和 {to} 之间的整数",
    }
    number_natural() { en: "a whole number, 0 or more", zh: "大于或等于 0 的整数" }
    number_whole() { en: "a whole number", zh: "整数" }
    number_any() { en: "a number", zh: "数字" }
    number_hint(key: &str, example: &str) {
        en: "write digits only, without quotes, units or separators, e.g. `{key}: {example}`",
        zh: "只写数字，不加引号、单位或分隔符，例如 `{key}: {example}`",
    }

    comma_in_text(key: &str, rest: &str) {
        en: "the text of `{key}` contains a comma: inside `{{…}}` a comma ends the text, and YAML reads `{rest}` as another key",
        zh: "`{key}` 的文字中有逗号：在 `{{…}}` 中，逗号会截断文字，YAML 把 `{rest}` 当成了另一个键",
    }
    comma_in_text_hint(key: &str, value: &str) {
        en: "put a text that contains a comma in quotes: `{key}: \"{value}\"`",
        zh: "含逗号的文字请放在引号内：`{key}: \"{value}\"`",
    }
}
