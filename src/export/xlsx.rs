//! `<id>.xlsx`: one sheet per language with translated headers, units, source, licence and
//! notes. Numbers are stored as numbers; every text cell is written as text, never as a
//! formula. The creation date is the dataset's `updated` date, so the bytes do not change.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::model::Site;
use crate::model::dataset::{Dataset, KeyKind};
use crate::numfmt::UnitKind;

/// Sheet names must be unique, at most 31 characters and free of `[]:*?/\`.
fn sheet_name(name: &str, code: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(31).collect();
    if clean.trim().is_empty() { code.to_string() } else { clean }
}

/// The workbook of a dataset.
pub fn xlsx(ds: &Dataset, site: &Site) -> Result<Vec<u8>, XlsxError> {
    let c = &site.config;
    let default = c.default_lang();
    let mut wb = Workbook::new();
    let date = ds.updated.unwrap_or(jiff::civil::date(2000, 1, 1));
    let created = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    let props = DocProperties::new()
        .set_title(ds.title.get(default))
        .set_author(ds.publisher.as_ref().unwrap_or(&c.publisher).get(default))
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    let bold = Format::new().set_bold();
    let title_fmt = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    let mut used_names = Vec::new();
    let flagged = super::status_series(ds);
    // Column of each series, and of its status where it has one.
    let mut columns = Vec::new();
    let mut next = 1u16;
    for i in 0..ds.series.len() {
        let status = flagged.contains(&i).then_some(next + 1);
        columns.push((next, status));
        next += if status.is_some() { 2 } else { 1 };
    }
    for lang in &c.languages {
        let l = lang;
        let style = l.style();
        let zh = l.is_chinese();
        let label = |zh_text: &'static str, en_text: &'static str| if zh { zh_text } else { en_text };
        let ws = wb.add_worksheet();
        let mut name = sheet_name(lang.name(), l.code());
        if used_names.contains(&name) {
            name = sheet_name(l.code(), l.code());
        }
        used_names.push(name.clone());
        ws.set_name(&name)?;
        ws.write_string_with_format(0, 0, ds.title.get(l), &title_fmt)?;
        let mut row = 1;
        if let Some(d) = &ds.description {
            ws.write_string(row, 0, d.get(l))?;
            row += 1;
        }
        row += 1;
        // Header: key label, then each series with its unit.
        let header_row = row;
        ws.write_string_with_format(row, 0, ds.key.label.get(l), &bold)?;
        for (i, s) in ds.series.iter().enumerate() {
            let unit = match s.unit.kind {
                UnitKind::Percent => "%".to_string(),
                UnitKind::Currency => match (s.unit.currency.as_deref(), zh) {
                    (Some("CNY"), true) => "元".into(),
                    (Some("CNY"), false) => "yuan".into(),
                    (Some(code), _) => code.into(),
                    (None, _) => s.unit.label.get(l).into(),
                },
                _ => s.unit.label.get(l).to_string(),
            };
            let head = if unit.is_empty() {
                s.label.get(l).to_string()
            } else if zh {
                format!("{}（{unit}）", s.label.get(l))
            } else {
                format!("{} ({unit})", s.label.get(l))
            };
            ws.write_string_with_format(row, columns[i].0, head, &bold)?;
            if let Some(sc) = columns[i].1 {
                let h = if zh {
                    format!("{}（数据状态）", s.label.get(l))
                } else {
                    format!("{} (status)", s.label.get(l))
                };
                ws.write_string_with_format(row, sc, h, &bold)?;
            }
        }
        row += 1;
        for r in &ds.rows {
            match (ds.key.kind, r.key.parse::<f64>()) {
                (KeyKind::Year, Ok(year)) => ws.write_number(row, 0, year)?,
                _ => ws.write_string(row, 0, ds.key_label(&r.key, l))?,
            };
            for (i, v) in r.values.iter().enumerate() {
                if let Some(v) = v {
                    ws.write_number(row, columns[i].0, *v)?;
                }
                if let (Some(sc), Some(st)) = (columns[i].1, r.status.get(i).copied().flatten()) {
                    ws.write_string(row, sc, st.short(style))?;
                }
            }
            row += 1;
        }
        ws.set_freeze_panes(header_row + 1, 0)?;
        row += 1;
        let mut meta = |k: &str, v: &str, row: &mut u32| -> Result<(), XlsxError> {
            ws.write_string_with_format(*row, 0, k, &bold)?;
            ws.write_string_with_format(*row, 1, v, &wrap)?;
            *row += 1;
            Ok(())
        };
        let source = match &ds.source.url {
            Some(u) => format!("{} {u}", ds.source.name.get(l)),
            None => ds.source.name.get(l).to_string(),
        };
        meta(label("来源", "Source"), &source, &mut row)?;
        meta(label("发布机构", "Publisher"), ds.publisher.as_ref().unwrap_or(&c.publisher).get(l), &mut row)?;
        meta(label("许可协议", "Licence"), &ds.license, &mut row)?;
        for s in &ds.series {
            let name = s.label.get(l);
            if let Some(src) = &s.source {
                let v = match &src.url {
                    Some(u) => format!("{} {u}", src.name.get(l)),
                    None => src.name.get(l).to_string(),
                };
                meta(&format!("{}{name}", label("来源：", "Source: ")), &v, &mut row)?;
            }
            if let Some(p) = &s.publisher {
                meta(&format!("{}{name}", label("发布机构：", "Publisher: ")), p.get(l), &mut row)?;
            }
            if let Some(lic) = &s.license {
                meta(&format!("{}{name}", label("许可协议：", "Licence: ")), lic, &mut row)?;
            }
        }
        for st in crate::model::quality::statuses_in(ds) {
            meta(&format!("{}{}", label("数据状态：", "Status: "), st.short(style)), st.label(style), &mut row)?;
        }
        for b in &ds.breaks {
            let period = ds.key_label(&b.period, l);
            let k =
                if zh { format!("口径调整（{period}起）") } else { format!("Break in series (from {period})") };
            meta(&k, b.note.get(l), &mut row)?;
        }
        if let Some(u) = ds.updated {
            meta(label("更新日期", "Updated"), &u.to_string(), &mut row)?;
        }
        meta(
            label("缺失值", "Missing values"),
            label("空白单元格表示数据缺失", "An empty cell is a missing value"),
            &mut row,
        )?;
        if let Some(n) = &ds.notes {
            meta(label("说明", "Notes"), n.get(l), &mut row)?;
        }
        for corr in &ds.corrections {
            meta(label("更正", "Correction"), &format!("{}: {}", corr.date, corr.text.get(l)), &mut row)?;
        }
        ws.set_column_width(0, 22)?;
        for col in 1..next {
            ws.set_column_width(col, 20)?;
        }
    }
    wb.save_to_buffer()
}
