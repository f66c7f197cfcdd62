//! Messages of the command line: progress, summaries, `serve`, `new`, usage errors.

use super::*;

catalogue! {

    // Environment errors.
    cannot_read(path: &str) { en: "cannot read `{path}`", zh: "无法读取 `{path}`" }
    cannot_read_because(path: &str, cause: &str) { en: "cannot read `{path}`: {cause}", zh: "无法读取 `{path}`：{cause}" }
    cannot_write(path: &str) { en: "cannot write `{path}`", zh: "无法写入 `{path}`" }
    cannot_create(path: &str) { en: "cannot create `{path}`", zh: "无法建立 `{path}`" }
    cannot_remove(path: &str) { en: "cannot remove `{path}`", zh: "无法删除 `{path}`" }

    // The output folder.
    out_is_file(path: &str) {
        en: "refusing to write the site into `{path}`: it is a file, not a folder; choose another `--out`",
        zh: "不能把网站写入 `{path}`：它是文件而不是文件夹，请用 `--out` 另选",
    }
    out_not_a_site(path: &str) {
        en: "refusing to write the site into `{path}`: the folder holds files but no built site (no `index.html`), and the build replaces the whole folder; choose a new or empty folder with `--out`, or delete it first",
        zh: "不能把网站写入 `{path}`：该文件夹中有文件，但不是已构建的网站（没有 `index.html`），而构建会替换整个文件夹；请用 `--out` 另选新的或空的文件夹，或先删除它",
    }
    out_is_sources(path: &str) {
        en: "refusing to write the site into `{path}`: that would replace the site's sources; choose another `--out`",
        zh: "不能把网站写入 `{path}`：这会覆盖网站的源文件，请用 `--out` 另选",
    }
    outside_out(path: &str) { en: "refusing to write `{path}` outside the output folder", zh: "不能在输出文件夹之外写入 `{path}`" }
    cannot_move_aside(path: &str) { en: "cannot move the previous `{path}` aside", zh: "无法移开原有的 `{path}`" }
    cannot_move_in(path: &str) { en: "cannot move the new site into `{path}`", zh: "无法把新网站移入 `{path}`" }
    cannot_remove_previous(path: &str) { en: "cannot remove the previous site at `{path}`", zh: "无法删除 `{path}` 处原有的网站" }

    // How a diagnostic is printed.
    warning_label() { en: "warning: ", zh: "警告：" }
    hint_label() { en: "hint: ", zh: "提示：" }
    error_label() { en: "error: ", zh: "错误：" }
    caused_by() { en: "  caused by: ", zh: "  原因：" }
    // Summaries.
    errors_count(n: usize) {
        en: { if n == "1" { "1 error".to_string() } else { format!("{n} errors") } },
        zh: "{n} 个错误",
    }
    warnings_count(n: usize) {
        en: { if n == "1" { "1 warning".to_string() } else { format!("{n} warnings") } },
        zh: "{n} 个警告",
    }
    nothing_written(errors: &Said, warnings: &Said) {
        en: "{errors}, {warnings}; nothing was written",
        zh: "{errors}，{warnings}；未写入任何文件",
    }
    building() { en: "building…", zh: "正在构建…" }
    warnings_not_shown(n: usize, more: usize) {
        en: "{n} warning(s), {more} not shown: `vitrine check` or `--verbose` lists them all",
        zh: "共 {n} 个警告，{more} 个未显示；`vitrine check` 或 `--verbose` 可列出全部",
    }
    warnings_total(n: usize) { en: "{n} warning(s)", zh: "共 {n} 个警告" }
    site_line(title: &str, root: &str) { en: "site: {title} ({root})", zh: "网站：{title}（{root}）" }
    built(pages: usize, files: usize, mb: &str, out: &str, ms: u64) {
        en: "built {pages} pages, {files} files ({mb} MB) into {out} in {ms} ms",
        zh: "已构建 {pages} 个页面、{files} 个文件（{mb} MB），输出到 {out}，用时 {ms} 毫秒",
    }
    next_embargo(key: &str, at: &str) {
        en: "embargo: `{key}` becomes public at {at}; the site changes only when it is built again, so rebuild it then",
        zh: "禁发时间：`{key}` 将于 {at} 公开；网站只有重新构建才会更新，届时请重新构建",
    }
    check_passed(pages: usize, datasets: usize, warnings: usize) {
        en: "check passed: {pages} pages, {datasets} datasets, {warnings} warning(s)",
        zh: "检查通过：{pages} 个页面，{datasets} 个数据集，{warnings} 个警告",
    }
    created(path: &str) { en: "created {path}", zh: "已建立 {path}" }
    // vitrine freeze.
    froze(id: &str, version: u32, path: &str) { en: "froze {id} version {version}: {path}", zh: "已冻结 {id} 第{version}版：{path}" }
    froze_left_out(year: i32, keys: &List) {
        en: "  left out (periods that ended after the {year} release): {keys}",
        zh: "  未收入（统计期在{year}年发布之后结束）：{keys}",
    }
    froze_unchanged(id: &str, version: u32) { en: "{id} unchanged: version {version}", zh: "{id} 未变化，仍为第{version}版" }
    froze_nothing(year: i32) {
        en: "the {year} release's pages use no dataset: nothing to freeze",
        zh: "{year}年发布的页面未引用任何数据集，无需冻结",
    }
    froze_commit() {
        en: "commit data/frozen/ to version control, then build the site again",
        zh: "请将 data/frozen/ 提交到版本库，然后重新构建网站。",
    }
    // vitrine serve.
    serve_runtime() { en: "cannot start the server runtime", zh: "无法启动预览服务" }
    port_in_use(port: u16, next: u16) {
        en: "port {port} is in use on 127.0.0.1\n  = hint: choose another with `--port {next}`",
        zh: "127.0.0.1 的端口 {port} 已被占用\n  = 提示：请用 `--port {next}` 另选一个端口",
    }
    cannot_listen(addr: &str) { en: "cannot listen on {addr}", zh: "无法在 {addr} 上监听" }
    serving(ms: u64, root: &str, addr: &str) {
        en: "built in {ms} ms; serving {root} at http://{addr}/ (Ctrl-C to stop)",
        zh: "构建用时 {ms} 毫秒；正在 http://{addr}/ 预览 {root}（按 Ctrl-C 停止）",
    }
    cannot_watch_files() { en: "cannot watch the site's files", zh: "无法监视网站文件的变动" }
    cannot_watch(path: &str) { en: "cannot watch `{path}`", zh: "无法监视 `{path}`" }
    rebuild_poisoned() {
        en: "error: an earlier rebuild failed; restart `vitrine serve`",
        zh: "错误：之前的一次重新构建失败，请重新启动 `vitrine serve`",
    }
    rebuilt(ms: u64) { en: "rebuilt in {ms} ms", zh: "已重新构建，用时 {ms} 毫秒" }
    updated(ms: u64) { en: "updated in {ms} ms", zh: "已更新，用时 {ms} 毫秒" }
    rebuild_stopped(cause: &str) { en: "error: the rebuild stopped: {cause}", zh: "错误：重新构建中断：{cause}" }
    server_stopped() { en: "the server stopped", zh: "预览服务已停止运行" }
    stopped() { en: "stopped", zh: "已停止" }
    overlay_title() {
        en: "vitrine: the site has errors; the last good version is shown underneath.",
        zh: "vitrine：网站有错误，下面显示的是上一次构建成功的版本。",
    }
    overlay_close() { en: "Close", zh: "关闭" }
    overlay_count(n: usize) {
        en: { if n == "1" { "1 error".to_string() } else { format!("{n} errors") } },
        zh: "{n} 个错误",
    }
    overlay_back() {
        en: "Fix the file and save it: the page reloads by itself. Closed, this message comes back with the next error.",
        zh: "请修改文件并保存，页面会自动刷新。关闭后，下次出错时会再次显示。",
    }
    // vitrine new.
    new_exists(rel: &str) {
        en: "`{rel}` already exists; vitrine new never overwrites a file",
        zh: "`{rel}` 已存在；vitrine new 不会覆盖已有文件",
    }
    new_embargo_comment() {
        en: "# Embargo: until this moment no page or figure of this release is public; build the site again then (see the README).",
        zh: "# 定时发布：此时刻之前，本次发布的页面和数据一律不在网站上公开；到时须重新构建网站（见 README）。",
    }
    new_figures_comment() {
        en: "<!-- Figures: write value(data=\"dataset\", series=\"series\", period=2021) inside double curly braces. -->",
        zh: "<!-- 引用数据：在正文中写 value(data=\"数据集\", series=\"系列\", period=2021)，外加两层花括号。 -->",
    }
    new_dataset_comment(id: &str) {
        en: "# Dataset `{id}`. Values are plain numbers in base units (yuan, not 亿元); null = missing.",
        zh: "# 数据集 `{id}`。数值只写数字，按基本单位（元，而不是亿元）；缺数据写 null。",
    }
    // Usage errors (the command line).
    usage_url_hint() {
        en: "write an absolute URL with its scheme, e.g. `https://ip.hubei.gov.cn`",
        zh: "请写带 https:// 的完整网址，例如 `https://ip.hubei.gov.cn`",
    }
    usage_page_path_hint() {
        en: "write a path under `content/` of letters, digits and hyphens, without the language, e.g. `releases/2026/white-paper`",
        zh: "请写 `content/` 下的路径，只用字母、数字和连字符，不带语言代码，例如 `releases/2026/white-paper`",
    }
    usage_dataset_id_hint() {
        en: "use lowercase ASCII letters, digits and hyphens, e.g. `patent-grants`",
        zh: "请只用小写英文字母、数字和连字符，例如 `patent-grants`",
    }
    usage_unknown_argument(arg: &str) { en: "unexpected argument `{arg}`", zh: "无法识别的参数 `{arg}`" }
    usage_unknown_command(cmd: &str) { en: "unrecognized command `{cmd}`", zh: "无法识别的命令 `{cmd}`" }
    usage_did_you_mean(what: &str) { en: "did you mean `{what}`?", zh: "是否应为 `{what}`？" }
    usage_commands() {
        en: "the commands are: build, serve, check, new, freeze, init",
        zh: "可用的命令：build（构建）、serve（预览）、check（检查）、new（新建页面或数据集）、freeze（冻结）、init（新建网站）",
    }
    usage_missing_command() { en: "a command is missing here", zh: "此处缺少命令" }
    usage_new_what() {
        en: "write what to create: `vitrine new release 2027`, `vitrine new page releases/2027/white-paper` or `vitrine new dataset patent-grants`",
        zh: "请写明要建立什么：`vitrine new release 2027`、`vitrine new page releases/2027/white-paper` 或 `vitrine new dataset patent-grants`",
    }
    usage_missing_argument(args: &str) { en: "a required argument is missing: {args}", zh: "缺少必填参数：{args}" }
    usage_bad_value(value: &str, arg: &str) { en: "`{value}` cannot be used for {arg}", zh: "`{value}` 不能用作 {arg}" }
    usage_possible_values(values: &List) { en: "the possible values are: {values}", zh: "可用的值：{values}" }
    usage_conflict(a: &str, b: &str) { en: "{a} cannot be used with {b}", zh: "{a} 不能与 {b} 同时使用" }
    usage_value_missing(arg: &str) { en: "{arg} needs a value", zh: "{arg} 后面须写一个值" }
    usage_too_many(value: &str) { en: "unexpected value `{value}`", zh: "多余的值 `{value}`" }
    usage_other() { en: "the command line cannot be read", zh: "命令行有误，无法识别" }
    usage_label() { en: "usage: ", zh: "用法：" }
    usage_help_hint() {
        en: "run `vitrine --help` for the commands and their options",
        zh: "运行 `vitrine --help` 可查看全部命令及选项（说明为英文）",
    }

    site_found_above(root: &str) {
        en: "using the site in `{root}` (its `site.yaml` is in a folder above this one)",
        zh: "使用 `{root}` 中的网站（其 `site.yaml` 在当前文件夹的上级）",
    }

    cannot_write_because(path: &str, cause: &str) { en: "cannot write `{path}`: {cause}", zh: "无法写入 `{path}`：{cause}" }

    // vitrine init.
    init_not_empty(dir: &str) {
        en: "`{dir}` is not an empty folder; nothing was changed: name a new or empty folder",
        zh: "`{dir}` 不是空文件夹，未作任何改动：请指定一个新的或空的文件夹",
    }
    init_done(dir: &str) {
        en: "The new site is in `{dir}`. Preview: vitrine serve --root {dir}; check: vitrine check --root {dir}",
        zh: "新网站已创建在 `{dir}`。预览：vitrine serve --root {dir}；检查：vitrine check --root {dir}",
    }

    cannot_create_because(path: &str, cause: &str) { en: "cannot create `{path}`: {cause}", zh: "无法建立 `{path}`：{cause}" }

    usage_language_codes_hint() {
        en: "write short lowercase codes such as `zh,en`",
        zh: "请写简短的小写语言代码，如 `zh,en`",
    }
}
