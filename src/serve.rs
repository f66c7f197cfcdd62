//! `vitrine serve`: not built yet (issue: the authors' workflow). Says so plainly.

use std::path::Path;

/// Runs the development server.
pub fn run(_root: &Path, port: u16, _quiet: bool) -> anyhow::Result<()> {
    anyhow::bail!(
        "`vitrine serve` (port {port}) is not available in this version yet; \
         run `vitrine build` and open `public/index.html`, or serve `public/` with any static server"
    )
}
