//! `vitrine-data.zip`: every data file and the data package in one download. Entries are
//! sorted and carry a fixed timestamp, so the archive is byte-identical from build to build.

use std::io::Write;

use zip::write::SimpleFileOptions;

/// Zips `(name, bytes)` pairs (already sorted by the caller's map).
pub fn zip_all<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in files {
        w.start_file(name, opts)?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
