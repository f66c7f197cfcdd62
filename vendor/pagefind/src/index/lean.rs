//! vitrine patch: pages held in a compact form from the moment they are fossicked until the
//! index is built.
//!
//! Upstream keeps every page's `FossickedData` (a map from each word to a vector of its
//! positions, 100-300 KB a page on a bilingual site) until `build_indexes`, then builds one
//! `PackedWord` map for the whole site from them. Here each page is turned into its packed form
//! as soon as it is fossicked, with the same code upstream runs in `build_indexes`, and appended
//! to a per-language inverted list of bytes: for each word, one record per page. What a page
//! keeps besides is the little `build_indexes` reads of it ([`LeanPage`]). At build time the
//! `PackedWord`s are made again from the records, one index chunk at a time, with the page
//! numbers upstream would have given them: the index files are the same byte for byte.
//!
//! A record is: the page's sequence number (delta from the word's previous record), then the
//! word's `PackedPage`s on that page, then its diacritic variants with theirs, all as LEB128
//! varints (locations zigzag-encoded, since weight and field markers are negative).

use std::collections::BTreeMap;

use hashbrown::HashMap;

use crate::fossick::{FossickedData, FossickedWord, MetaFossickedWord};
use crate::utils::full_hash;

use super::index_words::{PackedPage, PackedVariant, PackedWord};
use super::{meta_positions_to_packed, positions_to_packed_page};

/// What `build_indexes` reads of a page, besides its words.
#[derive(Debug, Clone)]
pub struct LeanPage {
    /// Order of addition; records of the page's words carry it.
    pub seq: u32,
    pub url: String,
    pub language: String,
    pub has_custom_body: bool,
    pub force_inclusion: bool,
    pub has_html_element: bool,
    pub has_old_bundle_reference: bool,
    pub has_default_ui_reference: bool,
    /// Upstream's `!word_data.is_empty()`.
    pub has_words: bool,
    pub word_count: usize,
    /// The page's meta keys, sorted (the order of its own meta field ids).
    pub meta_keys: Vec<String>,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
    /// The fragment file as written: upstream's JSON of the fragment's data, gzipped
    /// (`output::gzip_dcd`) now rather than when the files are written.
    pub fragment_gz: Vec<u8>,
    /// `full_hash` of the fragment's JSON, without the language prefix.
    pub hash: String,
}

/// One language's words: for each word, its records, in the order pages were added.
#[derive(Default)]
pub struct Postings {
    ids: HashMap<String, u32>,
    /// Per word id: the last sequence number recorded, and the records.
    lists: Vec<(u32, Vec<u8>)>,
    form_ids: HashMap<String, u32>,
    forms: Vec<String>,
}

impl Postings {
    /// Adds a page's words under sequence number `seq` and returns the page.
    pub fn insert(&mut self, seq: u32, record: PageRecord) -> LeanPage {
        let PageRecord { mut page, words } = record;
        for (word, packed) in words {
            self.record(seq, word, packed);
        }
        page.seq = seq;
        page
    }

    fn record(&mut self, seq: u32, word: String, packed: PackedWord) {
        let id = match self.ids.get(&word) {
            Some(&id) => id,
            None => {
                let id = self.lists.len() as u32;
                self.ids.insert(word, id);
                self.lists.push((0, Vec::new()));
                id
            }
        };
        let mut variants = Vec::with_capacity(packed.additional_variants.len());
        for variant in &packed.additional_variants {
            let form = match self.form_ids.get(&variant.form) {
                Some(&form) => form,
                None => {
                    let form = self.forms.len() as u32;
                    self.form_ids.insert(variant.form.clone(), form);
                    self.forms.push(variant.form.clone());
                    form
                }
            };
            variants.push(form);
        }
        let (last, bytes) = &mut self.lists[id as usize];
        debug_assert!(bytes.is_empty() || seq > *last);
        put(bytes, (seq - *last) as u64);
        *last = seq;
        put_pages(bytes, &packed.pages);
        put(bytes, variants.len() as u64);
        for (variant, form) in packed.additional_variants.iter().zip(variants) {
            put(bytes, form as u64);
            put_pages(bytes, &variant.pages);
        }
    }

    /// Every word with at least one record, and its id.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.ids.iter().map(|(w, &id)| (w.as_str(), id))
    }

    /// The records of word `id`, each with the page number `page_of` gives its sequence number
    /// (`None`: the page is not in this index; its record is skipped).
    pub fn records<'a>(
        &'a self,
        id: u32,
        page_of: &'a dyn Fn(u32) -> Option<usize>,
    ) -> impl Iterator<Item = (usize, Record<'a>)> + 'a {
        let bytes = &self.lists[id as usize].1[..];
        let mut at = 0;
        let mut seq = 0u32;
        std::iter::from_fn(move || loop {
            if at >= bytes.len() {
                return None;
            }
            seq += get(bytes, &mut at) as u32;
            let start = at;
            skip_pages(bytes, &mut at);
            let variants = get(bytes, &mut at);
            for _ in 0..variants {
                get(bytes, &mut at);
                skip_pages(bytes, &mut at);
            }
            if let Some(page) = page_of(seq) {
                return Some((
                    page,
                    Record {
                        bytes: &bytes[start..at],
                        forms: &self.forms,
                    },
                ));
            }
        })
    }
}

/// A fossicked page in the form it is kept in, before it is numbered: its lean form and, for
/// each word (sorted), its `PackedPage`s and variants. [`PageRecord::to_bytes`] and
/// [`PageRecord::from_bytes`] let a caller keep it between builds and add it again instead of
/// parsing the same HTML again; adding it gives the same index.
pub struct PageRecord {
    page: LeanPage,
    words: Vec<(String, PackedWord)>,
}

impl PageRecord {
    /// The lean form of a fossicked page.
    pub fn new(page: FossickedData) -> PageRecord {
        let FossickedData {
            url,
            fragment,
            word_data,
            meta_word_data,
            sort,
            has_custom_body,
            force_inclusion,
            has_html_element,
            has_old_bundle_reference,
            has_default_ui_reference,
            language,
        } = page;
        let has_words = !word_data.is_empty();
        let mut words: Vec<(String, PackedWord)> =
            page_word_map(word_data, meta_word_data).into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let encoded = serde_json::to_string(&fragment.data).unwrap();
        let hash = full_hash(encoded.as_bytes());
        let fragment_gz = crate::output::gzip_dcd(encoded.as_bytes());
        drop(encoded);
        PageRecord {
            page: LeanPage {
                seq: 0,
                url,
                language,
                has_custom_body,
                force_inclusion,
                has_html_element,
                has_old_bundle_reference,
                has_default_ui_reference,
                has_words,
                word_count: fragment.data.word_count,
                meta_keys: fragment.data.meta.keys().cloned().collect(),
                filters: fragment.data.filters,
                sort,
                fragment_gz,
                hash,
            },
            words,
        }
    }

    /// The record as bytes, for [`PageRecord::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let p = &self.page;
        let mut b = Vec::with_capacity(p.fragment_gz.len() + 64 * self.words.len() + 256);
        put_str(&mut b, &p.url);
        put_str(&mut b, &p.language);
        let flags = [
            p.has_custom_body,
            p.force_inclusion,
            p.has_html_element,
            p.has_old_bundle_reference,
            p.has_default_ui_reference,
            p.has_words,
        ];
        put(&mut b, flags.iter().enumerate().map(|(i, &f)| (f as u64) << i).sum());
        put(&mut b, p.word_count as u64);
        put(&mut b, p.meta_keys.len() as u64);
        for key in &p.meta_keys {
            put_str(&mut b, key);
        }
        put(&mut b, p.filters.len() as u64);
        for (filter, values) in &p.filters {
            put_str(&mut b, filter);
            put(&mut b, values.len() as u64);
            for value in values {
                put_str(&mut b, value);
            }
        }
        put(&mut b, p.sort.len() as u64);
        for (key, value) in &p.sort {
            put_str(&mut b, key);
            put_str(&mut b, value);
        }
        put(&mut b, p.fragment_gz.len() as u64);
        b.extend_from_slice(&p.fragment_gz);
        put_str(&mut b, &p.hash);
        put(&mut b, self.words.len() as u64);
        for (word, packed) in &self.words {
            put_str(&mut b, word);
            put_pages(&mut b, &packed.pages);
            put(&mut b, packed.additional_variants.len() as u64);
            for variant in &packed.additional_variants {
                put_str(&mut b, &variant.form);
                put_pages(&mut b, &variant.pages);
            }
        }
        b
    }

    /// A record from [`PageRecord::to_bytes`]; `None` if the bytes are not one (cut short or
    /// damaged), never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Option<PageRecord> {
        let mut r = Reader { bytes, at: 0 };
        let url = r.string()?;
        let language = r.string()?;
        let flags = r.int()?;
        let flag = |i: u32| flags & (1 << i) != 0;
        let word_count = r.int()? as usize;
        let mut meta_keys = Vec::new();
        for _ in 0..r.count()? {
            meta_keys.push(r.string()?);
        }
        let mut filters = BTreeMap::new();
        for _ in 0..r.count()? {
            let filter = r.string()?;
            let mut values = Vec::new();
            for _ in 0..r.count()? {
                values.push(r.string()?);
            }
            filters.insert(filter, values);
        }
        let mut sort = BTreeMap::new();
        for _ in 0..r.count()? {
            let key = r.string()?;
            sort.insert(key, r.string()?);
        }
        let fragment_gz = r.bytes()?.to_vec();
        let hash = r.string()?;
        let mut words = Vec::new();
        for _ in 0..r.count()? {
            let word = r.string()?;
            let pages = r.pages()?;
            let mut additional_variants = Vec::new();
            for _ in 0..r.count()? {
                let form = r.string()?;
                additional_variants.push(PackedVariant {
                    form,
                    pages: r.pages()?,
                });
            }
            words.push((
                word.clone(),
                PackedWord {
                    word,
                    pages,
                    additional_variants,
                },
            ));
        }
        if r.at != bytes.len() {
            return None;
        }
        Some(PageRecord {
            page: LeanPage {
                seq: 0,
                url,
                language,
                has_custom_body: flag(0),
                force_inclusion: flag(1),
                has_html_element: flag(2),
                has_old_bundle_reference: flag(3),
                has_default_ui_reference: flag(4),
                has_words: flag(5),
                word_count,
                meta_keys,
                filters,
                sort,
                fragment_gz,
                hash,
            },
            words,
        })
    }

    /// The page's language (its `<html lang>`, or `unknown`).
    pub fn language(&self) -> &str {
        &self.page.language
    }
}

/// Reads a [`PageRecord`]'s bytes, checking every length against what is left.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn int(&mut self) -> Option<u64> {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            if shift > 63 {
                return None;
            }
            value |= ((byte & 0x7f) as u64) << shift;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    }

    /// A count of items, each at least a byte long: no more than the bytes left.
    fn count(&mut self) -> Option<usize> {
        let n = self.int()? as usize;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.count()?;
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Some(out)
    }

    fn string(&mut self) -> Option<String> {
        std::str::from_utf8(self.bytes()?).ok().map(str::to_string)
    }

    fn i32(&mut self) -> Option<i32> {
        let raw = u32::try_from(self.int()?).ok()?;
        Some(((raw >> 1) as i32) ^ -((raw & 1) as i32))
    }

    fn pages(&mut self) -> Option<Vec<PackedPage>> {
        let mut pages = Vec::new();
        for _ in 0..self.count()? {
            let mut locs = Vec::new();
            for _ in 0..self.count()? {
                locs.push(self.i32()?);
            }
            let mut meta_locs = Vec::new();
            for _ in 0..self.count()? {
                meta_locs.push(self.i32()?);
            }
            pages.push(PackedPage {
                page_number: 0,
                locs,
                meta_locs,
            });
        }
        Some(pages)
    }
}

fn put_str(bytes: &mut Vec<u8>, s: &str) {
    put(bytes, s.len() as u64);
    bytes.extend_from_slice(s.as_bytes());
}

/// One page's record of one word.
pub struct Record<'a> {
    bytes: &'a [u8],
    forms: &'a [String],
}

impl Record<'_> {
    /// Adds this page's `PackedPage`s to `word` as upstream's merge does: the word's own pages
    /// appended, each variant's appended to the variant of the same form or as a new variant.
    /// Meta locations' field markers are mapped through `fields` (page field id to site field
    /// id; monotonic, so their order is kept).
    pub fn merge_into(&self, word: &mut PackedWord, page_number: usize, fields: &[u16]) {
        let mut at = 0;
        get_pages(self.bytes, &mut at, page_number, fields, &mut word.pages);
        let variants = get(self.bytes, &mut at);
        for _ in 0..variants {
            let form = &self.forms[get(self.bytes, &mut at) as usize];
            let mut pages = Vec::new();
            get_pages(self.bytes, &mut at, page_number, fields, &mut pages);
            if let Some(existing) = word.additional_variants.iter_mut().find(|v| &v.form == form) {
                existing.pages.extend(pages);
            } else {
                word.additional_variants.push(PackedVariant {
                    form: form.clone(),
                    pages,
                });
            }
        }
    }
}

/// The body of upstream's per-page step in `build_indexes`, unchanged but for the page number
/// (set when the records are read back) and the meta field ids (left as the page's own, mapped
/// when the records are read back).
fn page_word_map(
    word_data: HashMap<String, Vec<FossickedWord>>,
    meta_word_data: HashMap<String, Vec<MetaFossickedWord>>,
) -> HashMap<String, PackedWord> {
    let page_number = 0;
    let mut local_word_map: HashMap<String, PackedWord> = HashMap::new();

    for (word, positions) in word_data {
        let mut normalized_positions: Vec<FossickedWord> = Vec::new();
        let mut variant_positions: BTreeMap<String, Vec<FossickedWord>> = BTreeMap::new();

        for fossicked in positions {
            if fossicked.original_word.is_none() {
                normalized_positions.push(fossicked);
            } else {
                variant_positions
                    .entry(fossicked.original_word.clone().unwrap())
                    .or_default()
                    .push(fossicked);
            }
        }

        let packed_word = local_word_map
            .entry(word.clone())
            .or_insert_with(|| PackedWord {
                word: word.clone(),
                pages: Vec::new(),
                additional_variants: Vec::new(),
            });

        if !normalized_positions.is_empty() {
            packed_word
                .pages
                .push(positions_to_packed_page(normalized_positions, page_number));
        }

        for (variant_form, variant_pos) in variant_positions {
            let variant_page = positions_to_packed_page(variant_pos, page_number);
            if let Some(existing_variant) = packed_word
                .additional_variants
                .iter_mut()
                .find(|v| v.form == variant_form)
            {
                existing_variant.pages.push(variant_page);
            } else {
                packed_word.additional_variants.push(PackedVariant {
                    form: variant_form,
                    pages: vec![variant_page],
                });
            }
        }
    }

    for (word, meta_positions) in meta_word_data {
        let mut normalized_meta_positions: Vec<MetaFossickedWord> = Vec::new();
        let mut variant_meta_positions: BTreeMap<String, Vec<MetaFossickedWord>> = BTreeMap::new();

        for meta_fossicked in meta_positions {
            if let Some(original) = meta_fossicked.original_word.clone() {
                variant_meta_positions
                    .entry(original)
                    .or_default()
                    .push(meta_fossicked);
            } else {
                normalized_meta_positions.push(meta_fossicked);
            }
        }

        let packed_word = local_word_map
            .entry(word.clone())
            .or_insert_with(|| PackedWord {
                word: word.clone(),
                pages: Vec::new(),
                additional_variants: Vec::new(),
            });

        if !normalized_meta_positions.is_empty() {
            let meta_locs = meta_positions_to_packed(normalized_meta_positions);
            if let Some(existing_page) = packed_word
                .pages
                .iter_mut()
                .find(|p| p.page_number == page_number)
            {
                existing_page.meta_locs = meta_locs;
            } else {
                packed_word.pages.push(PackedPage {
                    page_number,
                    locs: vec![],
                    meta_locs,
                });
            }
        }

        for (variant_form, variant_pos) in variant_meta_positions {
            let meta_locs = meta_positions_to_packed(variant_pos);
            if let Some(existing_variant) = packed_word
                .additional_variants
                .iter_mut()
                .find(|v| v.form == variant_form)
            {
                if let Some(existing_page) = existing_variant
                    .pages
                    .iter_mut()
                    .find(|p| p.page_number == page_number)
                {
                    existing_page.meta_locs = meta_locs;
                } else {
                    existing_variant.pages.push(PackedPage {
                        page_number,
                        locs: vec![],
                        meta_locs,
                    });
                }
            } else {
                packed_word.additional_variants.push(PackedVariant {
                    form: variant_form,
                    pages: vec![PackedPage {
                        page_number,
                        locs: vec![],
                        meta_locs,
                    }],
                });
            }
        }
    }

    local_word_map
}

fn put(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

fn get(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= ((byte & 0x7f) as u64) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}

fn put_i32(bytes: &mut Vec<u8>, value: i32) {
    put(bytes, ((value << 1) ^ (value >> 31)) as u32 as u64);
}

fn get_i32(bytes: &[u8], at: &mut usize) -> i32 {
    let raw = get(bytes, at) as u32;
    ((raw >> 1) as i32) ^ -((raw & 1) as i32)
}

fn put_pages(bytes: &mut Vec<u8>, pages: &[PackedPage]) {
    put(bytes, pages.len() as u64);
    for page in pages {
        put(bytes, page.locs.len() as u64);
        for &loc in &page.locs {
            put_i32(bytes, loc);
        }
        put(bytes, page.meta_locs.len() as u64);
        for &loc in &page.meta_locs {
            put_i32(bytes, loc);
        }
    }
}

fn skip_pages(bytes: &[u8], at: &mut usize) {
    let pages = get(bytes, at);
    for _ in 0..pages {
        for _ in 0..2 {
            let locs = get(bytes, at);
            for _ in 0..locs {
                get(bytes, at);
            }
        }
    }
}

fn get_pages(
    bytes: &[u8],
    at: &mut usize,
    page_number: usize,
    fields: &[u16],
    out: &mut Vec<PackedPage>,
) {
    let pages = get(bytes, at);
    for _ in 0..pages {
        let n = get(bytes, at) as usize;
        let mut locs = Vec::with_capacity(n);
        for _ in 0..n {
            locs.push(get_i32(bytes, at));
        }
        let n = get(bytes, at) as usize;
        let mut meta_locs = Vec::with_capacity(n);
        for _ in 0..n {
            let loc = get_i32(bytes, at);
            // A negative value switches field: -(field id + 1).
            meta_locs.push(if loc < 0 {
                -(fields[(-loc - 1) as usize] as i32) - 1
            } else {
                loc
            });
        }
        out.push(PackedPage {
            page_number,
            locs,
            meta_locs,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut bytes = Vec::new();
        let values = [0i32, 1, -1, 63, -64, 64, 300, -300, i32::MAX, i32::MIN];
        for v in values {
            put_i32(&mut bytes, v);
        }
        put(&mut bytes, u32::MAX as u64);
        let mut at = 0;
        for v in values {
            assert_eq!(get_i32(&bytes, &mut at), v);
        }
        assert_eq!(get(&bytes, &mut at), u32::MAX as u64);
        assert_eq!(at, bytes.len());
    }

    #[test]
    fn damaged_records_are_refused() {
        assert!(PageRecord::from_bytes(&[]).is_none());
        assert!(PageRecord::from_bytes(&[0xff; 40]).is_none());
        assert!(PageRecord::from_bytes(&[5, b'a']).is_none());
    }
}
