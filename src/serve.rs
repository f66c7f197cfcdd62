//! `vitrine serve`: build in memory, serve on 127.0.0.1, rebuild on change, reload the browser.
//!
//! The site is kept in memory as an [`Output`] behind a lock and swapped whole after each
//! successful build, so a half-written page is never served and the last good site keeps being
//! served while the sources have errors. Open pages hold a server-sent-events connection; after
//! a rebuild they reload, and a failed build shows its messages as an overlay in the page until
//! it is fixed. Drafts and embargoed pages are included and marked as such.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::watch;

use crate::build::BuildOptions;
use crate::diag::Failure;
use crate::msg::{self, Locale};
use crate::output::Output;
use crate::rebuild::{Session, Update};

/// Path of the reload event stream.
const EVENTS: &str = "/__vitrine/events";

/// The script injected before `</body>` of every page in serve mode: it reloads the page after
/// a rebuild, and shows a failed build's messages in an overlay (see [`overlay`]).
const RELOAD_SCRIPT: &str = concat!("<script>", include_str!("serve/overlay.js"), "</script>");

/// What the server shares between requests and the rebuild loop.
struct Shared {
    site: RwLock<Output>,
    /// The codes of the site's languages other than the default one, from the last good
    /// build: each has its own 404 page under `/<code>/`.
    languages: RwLock<Vec<String>>,
    /// (build generation, the current errors for the overlay, or none).
    state: watch::Sender<(u64, Option<serde_json::Value>)>,
}

/// Builds, serves and watches until Ctrl-C.
pub fn run(root: &Path, port: u16, search: bool, quiet: bool) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context(msg::serve_runtime())?;
    runtime.block_on(serve(root.to_path_buf(), port, search, quiet))
}

fn options(root: &Path, port: u16) -> BuildOptions {
    let mut opts = BuildOptions::new(root);
    opts.drafts = true;
    opts.future = true;
    opts.base_url = Some(format!("http://127.0.0.1:{port}"));
    opts.render.minify = false;
    opts.render.inject = Some(RELOAD_SCRIPT.to_string());
    opts
}

/// A failed build as shown: its messages for the terminal, and for the browser's overlay.
struct Shown {
    text: String,
    overlay: serde_json::Value,
}

/// The messages of a failed build, in the message language.
fn shown(f: Failure) -> Shown {
    let locale = msg::locale();
    let (text, items) = match f {
        Failure::Content(d) => {
            let text = d.iter().map(|d| d.display_in(locale).to_string()).collect::<Vec<_>>().join("\n");
            (text, d.iter().map(|d| overlay_item(d, locale)).collect())
        }
        Failure::Other(e) => {
            let text = format!("{}{e:#}", msg::error_label());
            let item = serde_json::json!({"message": text});
            (text, vec![item])
        }
    };
    Shown { text, overlay: overlay(items, locale) }
}

/// What the overlay shows: its title, the close button's label, the count and the items.
fn overlay(items: Vec<serde_json::Value>, locale: Locale) -> serde_json::Value {
    serde_json::json!({
        "lang": if locale == Locale::Zh { "zh-Hans" } else { "en" },
        "title": msg::overlay_title().get(locale),
        "close": msg::overlay_close().get(locale),
        "count": msg::overlay_count(items.len()).get(locale),
        "back": msg::overlay_back().get(locale),
        "hint": msg::hint_label().get(locale),
        "items": items,
    })
}

/// One diagnostic in the overlay: where, what, the source line split around the marked text
/// (the overlay marks it, so no caret line has to line up under it on a narrow screen), hint.
fn overlay_item(d: &crate::diag::Diagnostic, locale: Locale) -> serde_json::Value {
    let at = format!("{}:{}:{}", d.path, d.line.max(1), d.col.max(1));
    let (before, mark, after) = match (&d.source_line, d.marked()) {
        (Some(src), Some(mark)) if d.col > 0 => {
            // The token the caret marks, without the bracket or comma that closes it.
            let trimmed = mark.trim_end_matches(['}', ']', ',', '，']);
            let mark = if trimmed.is_empty() { mark } else { trimmed.to_string() };
            let before: String = src.chars().take(d.col - 1).collect();
            let after: String = src.chars().skip(d.col - 1 + mark.chars().count()).collect();
            (Some(before), mark, after)
        }
        (Some(src), _) => (Some(src.clone()), String::new(), String::new()),
        (None, _) => (None, String::new(), String::new()),
    };
    serde_json::json!({
        "at": at,
        "warning": d.severity == crate::diag::Severity::Warning,
        "message": d.message.get(locale),
        "line": d.line,
        "before": before,
        "mark": mark,
        "after": after,
        "hint": d.hint.as_ref().map(|h| h.get(locale)),
    })
}

/// Applies changed files to the session (starting one if the first build failed); returns
/// the update and the codes of the site's languages other than the default one.
fn rebuild(
    session: &mut Option<Session>,
    opts: &BuildOptions,
    changed: Vec<PathBuf>,
) -> Result<(Update, Vec<String>), Shown> {
    let update = match session {
        Some(s) => s.update(changed).map_err(shown)?,
        None => {
            let mut opts = opts.clone();
            opts.now = crate::build::now();
            let (s, output) = Session::start(&opts).map_err(shown)?;
            *session = Some(s);
            Update::Full(output)
        }
    };
    let languages = session.as_ref().map(Session::other_languages).unwrap_or_default();
    Ok((update, languages))
}

async fn serve(root: PathBuf, port: u16, search: bool, quiet: bool) -> anyhow::Result<()> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            anyhow::bail!(msg::port_in_use(port, port.wrapping_add(1).max(1024)))
        }
        Err(e) => return Err(e).with_context(|| msg::cannot_listen(&addr.to_string())),
    };
    let mut opts = options(&root, port);
    opts.render.search = search;
    let start = Instant::now();
    let mut session = None;
    let (first, languages, error) = match rebuild(&mut session, &opts, Vec::new()) {
        Ok((Update::Full(o) | Update::Partial(o), languages)) => (o, languages, None),
        Err(e) => {
            eprintln!("{}", e.text);
            (Output::default(), Vec::new(), Some(e.overlay))
        }
    };
    let session = Arc::new(std::sync::Mutex::new(session));
    if !quiet {
        let folder = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        let ms = start.elapsed().as_millis() as u64;
        println!("{}", msg::serving(ms, &folder.display().to_string(), &addr.to_string()));
    }
    let (state, _) = watch::channel((1, error));
    let shared = Arc::new(Shared { site: RwLock::new(first), languages: RwLock::new(languages), state });

    // Watch the sources and rebuild on change.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<PathBuf>>();
    let mut debouncer = notify_debouncer_full::new_debouncer(Duration::from_millis(60), None, move |res| {
        if let Ok(events) = res {
            let events: Vec<notify_debouncer_full::DebouncedEvent> = events;
            // Reading files during a build raises access events: only changes count.
            let changed = |e: &notify_debouncer_full::DebouncedEvent| {
                matches!(
                    e.kind,
                    notify::EventKind::Create(_) | notify::EventKind::Modify(_) | notify::EventKind::Remove(_)
                )
            };
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| changed(e))
                .flat_map(|e| e.paths.iter())
                .filter(|p| !is_noise(p))
                .cloned()
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    })
    .context(msg::cannot_watch_files())?;
    use crate::model::layout::{SOURCE_FILES, SOURCE_FOLDERS};
    for sub in SOURCE_FILES.iter().chain(SOURCE_FOLDERS) {
        let p = root.join(sub);
        if p.exists() {
            debouncer
                .watch(&p, notify::RecursiveMode::Recursive)
                .with_context(|| msg::cannot_watch(&p.display().to_string()))?;
        }
    }
    let rebuild_shared = shared.clone();
    let rebuild = tokio::spawn(async move {
        while let Some(mut changed) = rx.recv().await {
            while let Ok(more) = rx.try_recv() {
                changed.extend(more);
            }
            let opts = opts.clone();
            let session = session.clone();
            let start = Instant::now();
            let result = tokio::task::spawn_blocking(move || match session.lock() {
                Ok(mut s) => rebuild(&mut s, &opts, changed),
                Err(_) => {
                    let text = msg::rebuild_poisoned().to_string();
                    let item = serde_json::json!({"message": text});
                    Err(Shown { text, overlay: overlay(vec![item], msg::locale()) })
                }
            })
            .await;
            let generation = rebuild_shared.state.borrow().0 + 1;
            match result {
                Ok(Ok((update, languages))) => {
                    if let Ok(mut l) = rebuild_shared.languages.write() {
                        *l = languages;
                    }
                    let what = match update {
                        Update::Full(output) => {
                            if let Ok(mut site) = rebuild_shared.site.write() {
                                *site = output;
                            }
                            msg::rebuilt as fn(u64) -> msg::Said
                        }
                        Update::Partial(output) => {
                            // Under one write lock: readers see all of the new files or none.
                            if let Ok(mut site) = rebuild_shared.site.write() {
                                site.files.extend(output.files);
                            }
                            msg::updated
                        }
                    };
                    if !quiet {
                        println!("{}", what(start.elapsed().as_millis() as u64));
                    }
                    rebuild_shared.state.send_replace((generation, None));
                }
                Ok(Err(error)) => {
                    eprintln!("{}", error.text);
                    rebuild_shared.state.send_replace((generation, Some(error.overlay)));
                }
                Err(e) => eprintln!("{}", msg::rebuild_stopped(&e.to_string())),
            }
        }
    });

    let app = axum::Router::new().route(EVENTS, axum::routing::get(events)).fallback(page).with_state(shared);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context(msg::server_stopped())?;
    rebuild.abort();
    drop(debouncer);
    if !quiet {
        println!("{}", msg::stopped());
    }
    Ok(())
}

/// Editors' temporary files and the output folder do not trigger rebuilds.
fn is_noise(p: &Path) -> bool {
    let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.starts_with('#')
}

async fn page(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let path = percent_decode(uri.path());
    let rel = path.trim_start_matches('/');
    let candidates = if rel.is_empty() || rel.ends_with('/') {
        vec![format!("{rel}index.html")]
    } else {
        vec![rel.to_string(), format!("{rel}/index.html")]
    };
    let site = match shared.site.read() {
        Ok(s) => s,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    for (i, c) in candidates.iter().enumerate() {
        if let Some(bytes) = site.files.get(c) {
            if i == 1 {
                // `/about` -> `/about/`, so relative links resolve as on the real host.
                return Response::builder()
                    .status(StatusCode::MOVED_PERMANENTLY)
                    .header(header::LOCATION, format!("{}/", uri.path()))
                    .body(Body::empty())
                    .unwrap_or_default();
            }
            return file_response(c, bytes.clone(), StatusCode::OK);
        }
    }
    let not_found = match shared.languages.read() {
        Ok(languages) => not_found_page(rel, &languages),
        Err(_) => "404.html".to_string(),
    };
    match site.files.get(&not_found).or_else(|| site.files.get("404.html")) {
        Some(bytes) => file_response("404.html", bytes.clone(), StatusCode::NOT_FOUND),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// The 404 page for a request path (without its leading `/`): that of the language whose
/// folder the path is in (`fr/…` -> `fr/404.html`), else the default language's.
fn not_found_page(rel: &str, other_languages: &[String]) -> String {
    let first = rel.split('/').next().unwrap_or("");
    match other_languages.iter().find(|code| *code == first) {
        Some(code) => format!("{code}/404.html"),
        None => "404.html".to_string(),
    }
}

fn file_response(path: &str, bytes: Vec<u8>, status: StatusCode) -> Response {
    let mut res = Response::new(Body::from(bytes));
    *res.status_mut() = status;
    let mime = content_type(path);
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Content types of the files a site has.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("");
    let types: BTreeMap<&str, &str> = [
        ("html", "text/html; charset=utf-8"),
        ("css", "text/css; charset=utf-8"),
        ("js", "text/javascript; charset=utf-8"),
        ("svg", "image/svg+xml"),
        ("xml", "application/xml; charset=utf-8"),
        ("json", "application/json"),
        ("csv", "text/csv; charset=utf-8"),
        ("txt", "text/plain; charset=utf-8"),
        ("png", "image/png"),
        ("jpg", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("gif", "image/gif"),
        ("webp", "image/webp"),
        ("pdf", "application/pdf"),
        ("zip", "application/zip"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("woff2", "font/woff2"),
    ]
    .into_iter()
    .collect();
    types.get(ext).copied().unwrap_or("application/octet-stream")
}

/// The request path decoded, with `.` and `..` segments dropped so no request leaves the site.
fn percent_decode(s: &str) -> String {
    let decoded = crate::linkcheck::decode(s);
    decoded.split('/').filter(|s| *s != ".." && *s != ".").collect::<Vec<_>>().join("/")
}

async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let rx = shared.state.subscribe();
    let stream = futures_util::stream::unfold((rx, true), |(mut rx, first)| async move {
        if !first && rx.changed().await.is_err() {
            return None;
        }
        let (generation, error) = rx.borrow_and_update().clone();
        let data = serde_json::json!({"generation": generation, "error": error});
        let event = Event::default().event("state").data(data.to_string());
        Some((Ok::<Event, std::convert::Infallible>(event), (rx, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
