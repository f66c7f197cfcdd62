//! `vitrine-data.zip`: every data file and the data package in one download. Entries are
//! sorted and each is dated from the data it holds (the day its dataset was `updated`, at
//! midnight, as zip dates carry no time zone), so the archive is byte-identical from build to
//! build and an unzipped file shows when its figures last changed.

use std::io::Write;

use jiff::civil::Date;
use zip::write::SimpleFileOptions;

/// Zips `(name, bytes, date)` triples (already sorted by the caller's map). An entry without a
/// date, or with one a zip cannot hold (before 1980 or after 2107), gets the zip format's
/// earliest date, 1980-01-01.
pub fn zip_all<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8], Option<Date>)>,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .unix_permissions(0o644);
    for (name, bytes, date) in files {
        w.start_file(name, opts.last_modified_time(dos_date(date)))?;
        w.write_all(bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

/// A date as a zip entry's (DOS) timestamp, at midnight.
fn dos_date(date: Option<Date>) -> zip::DateTime {
    date.and_then(|d| {
        let (y, m, d) = (u16::try_from(d.year()).ok()?, d.month().unsigned_abs(), d.day().unsigned_abs());
        zip::DateTime::from_date_and_time(y, m, d, 0, 0, 0).ok()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_carry_their_dates() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let bytes = zip_all([("a.csv", &b"x"[..], d("2022-04-26")), ("b.json", &b"y"[..], None)]).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let a = zip.by_index(0).unwrap().last_modified().unwrap();
        assert_eq!((a.year(), a.month(), a.day(), a.hour(), a.minute()), (2022, 4, 26, 0, 0));
        let b = zip.by_index(1).unwrap().last_modified().unwrap();
        assert_eq!((b.year(), b.month(), b.day()), (1980, 1, 1));
        assert_eq!(dos_date(d("1979-12-31")), zip::DateTime::default());
    }
}
