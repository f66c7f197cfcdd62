//! Number, unit and change formatting for the two report languages.
//!
//! Report figures (patent and trademark counts, yuan amounts, rates, percentages) are
//! formatted by the conventions of the page's language:
//!
//! * [`value`] writes a figure with its unit for prose: `15.5万件`, `50.26亿元`,
//!   `155,000 patents`, `5.03 billion yuan`.
//! * [`change`] writes the change between two periods as a phrase: `同比增长41.6%`,
//!   `up 41.6% year on year`, or in percentage points for percentage series.
//! * [`table`] writes a full-precision number for data tables: `5,026,000,000`.
//! * [`tick`] writes a short chart axis label: `15万`, `150k`, `5B`, `40%`; [`axis_ticks`]
//!   writes the labels of a whole axis in one magnitude: `0, 0.5万, 1万, 1.5万`.
//!
//! Every function is pure: no I/O, no global state, and no panics for any input,
//! including NaN and infinities, which (like absent values) print as [`MISSING`].
//!
//! Rounding is half away from zero on the *decimal* value, that is on the shortest
//! decimal that round-trips to the `f64` (so `2.675` rounds to `2.68` although the
//! binary double lies slightly below it), and a value that rounds to zero never shows
//! a minus sign. Scaling by 万, 亿, million or billion shifts the decimal point instead
//! of dividing, so it adds no binary error, and a value that rounds up into the next
//! magnitude moves to it (`99,999,999` prints as `1亿`, never `10000万`).

/// Printed for an absent value, a non-finite value (NaN, ±∞), or a change that cannot
/// be computed.
pub const MISSING: &str = "—";

/// Which national conventions to format by. Chinese for language codes starting with "zh"
/// (primary subtag `zh`: `zh`, `zh-CN`, `zh_TW`), English otherwise: the rules written for
/// `en` also serve every language that has none of its own (see [`Style::own`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Chinese conventions: 万/亿 magnitudes, no thousands separators in prose, unit
    /// labels written straight after the number (`15.5万件`).
    Chinese,
    /// English conventions: thousands separators, million/billion magnitudes, a space
    /// before the unit label (`155,000 patents`).
    English,
}

impl Style {
    /// The style for a language code such as `zh`, `zh-CN`, `zh_Hant` or `en-GB`.
    ///
    /// Chinese when the primary language subtag (the part before the first `-` or `_`)
    /// is `zh`, compared case-insensitively after trimming whitespace; English for
    /// every other code, including the empty string and other languages whose code
    /// merely begins with the letters "zh" (such as `zha`, Zhuang).
    #[must_use]
    pub fn for_lang(code: &str) -> Style {
        Style::own(code).unwrap_or(Style::English)
    }

    /// The style whose rules were written for `code`'s language: Chinese for primary subtag
    /// `zh`, English for `en` (compared as in [`Style::for_lang`]); `None` for every other
    /// language (`fr`, `ja`, …), which [`Style::for_lang`] formats by the English rules.
    #[must_use]
    pub fn own(code: &str) -> Option<Style> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        [Style::Chinese, Style::English].into_iter().find(|s| primary.eq_ignore_ascii_case(s.code()))
    }

    /// The language code whose conventions the style follows: `zh` or `en`. A theme's UI
    /// strings in this language stand in for a language that has none of its own.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Style::Chinese => "zh",
            Style::English => "en",
        }
    }
}

/// What kind of quantity a unit measures; decides magnitudes, unit placement and how
/// changes are expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A number of things (applications, patents, cases): abbreviated with 万/亿 in
    /// Chinese, written in full below one billion in English.
    Count,
    /// An amount of money in the currency given by [`Unit::currency`]: abbreviated with
    /// 万/亿 in Chinese, with million/billion in English.
    Currency,
    /// A percentage, written with `%`; its changes are differences in percentage points.
    Percent,
    /// A ratio such as "patents per 10,000 people", never abbreviated.
    Rate,
}

impl UnitKind {
    /// The name used in YAML.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Count => "count",
            UnitKind::Currency => "currency",
            UnitKind::Percent => "percent",
            UnitKind::Rate => "rate",
        }
    }
}

/// A unit already localised for one language.
#[derive(Clone, Copy, Debug)]
pub struct Unit<'a> {
    /// What kind of quantity this is.
    pub kind: UnitKind,
    /// The unit label in this language: "件" / "patents", "件/万人" / "per 10,000 people"; may be "" (no label).
    ///
    /// Ignored for [`UnitKind::Percent`] (always `%`) and for [`UnitKind::Currency`]
    /// when [`Unit::currency`] is set; a currency unit without a code falls back to it.
    pub label: &'a str,
    /// ISO currency code for Currency ("CNY"); None otherwise.
    ///
    /// CNY, USD and EUR (case-insensitive) print as 元 / yuan, 美元 / US dollars and
    /// 欧元 / euros; any other code prints as itself after the number.
    pub currency: Option<&'a str>,
    /// Decimal places to show; None = the defaults below.
    ///
    /// The default is at most two decimals with trailing zeros trimmed (`15.5`, `84`);
    /// a fixed precision always shows exactly that many decimals (`1,001.0`). In
    /// abbreviated figures it counts decimals of the abbreviated number (`15.5万`).
    pub precision: Option<u8>,
}

/// Whether the previous period is a year (同比 / year on year) or another period (环比 / on the previous period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// The same period one year earlier: 同比 / year on year.
    Year,
    /// The immediately preceding period (quarter, month, …): 环比 / on the previous period.
    Other,
}

/// A calendar date as the language writes it: `2022年5月10日`, `10 May 2022`.
pub fn date(d: jiff::civil::Date, style: Style) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match style {
        Style::Chinese => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Style::English => {
            format!("{} {} {}", d.day(), MONTHS[(d.month() as usize).saturating_sub(1).min(11)], d.year())
        }
    }
}

/// The label of a correction note: `更正（2022年5月10日）`, `Correction, 10 May 2022`.
pub fn correction_label(d: jiff::civil::Date, style: Style) -> String {
    match style {
        Style::Chinese => format!("更正（{}）", date(d, style)),
        Style::English => format!("Correction, {}", date(d, style)),
    }
}

/// The words before a figure as first published: `原发布为`, `originally published as`.
pub fn originally(style: Style) -> &'static str {
    match style {
        Style::Chinese => "原发布为",
        Style::English => "originally published as",
    }
}

/// A value with its unit, for prose: `value(Some(155000.0), count 件, Chinese)` -> "15.5万件".
///
/// Chinese counts and amounts use 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²) from those
/// thresholds on, with no thousands separators: `9999件`, `1万件`, `2.24万件`,
/// `50.26亿元`, `6185万元`. English counts are written in full with thousands
/// separators below one billion, then `1.2 billion` / `trillion`; English amounts use
/// `million`, `billion` and `trillion`: `61.85 million yuan`. Rates and percentages are
/// never abbreviated: `16.09件/万人`, `16.09 per 10,000 people`, `41.6%`.
///
/// In Chinese the label follows the number directly unless it begins with a Latin
/// letter (`500 GBP`); in English it follows after a space. An empty label adds nothing.
/// `None`, NaN and infinities give [`MISSING`].
#[must_use]
pub fn value(v: Option<f64>, unit: &Unit, style: Style) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return MISSING.to_string();
    };
    let tiers = match (style, unit.kind) {
        (Style::Chinese, UnitKind::Count | UnitKind::Currency) => ZH_TIERS,
        (Style::English, UnitKind::Count) => EN_COUNT_TIERS,
        (Style::English, UnitKind::Currency) => EN_MONEY_TIERS,
        (_, UnitKind::Percent | UnitKind::Rate) => PLAIN,
    };
    let places = precision_rule(unit.precision);
    let number = format_number(v.is_sign_negative(), &Decimal::exact(v), tiers, |_| places, style == Style::English);
    if unit.kind == UnitKind::Percent {
        return number + "%";
    }
    with_label(number, unit_name(unit, style), style)
}

/// A figure in prose without a magnitude word, every digit shown: `19464件`,
/// `19,464 cases` (for a figure quoted beside a rate computed from it). Otherwise as
/// [`value`].
#[must_use]
pub fn value_exact(v: Option<f64>, unit: &Unit, style: Style) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return MISSING.to_string();
    };
    let places = precision_rule(unit.precision);
    let number = format_number(v.is_sign_negative(), &Decimal::exact(v), PLAIN, |_| places, style == Style::English);
    if unit.kind == UnitKind::Percent {
        return number + "%";
    }
    with_label(number, unit_name(unit, style), style)
}

/// The change from `previous` to `current` as a phrase: "同比增长41.6%", "up 41.6% year on year".
///
/// The relative change is `(current − previous) / |previous|`, so the direction word
/// always follows the direction of the change, even for negative series. For a
/// [`UnitKind::Percent`] series the change is instead the difference in percentage
/// points: `同比提高1.2个百分点`, `up 1.2 percentage points year on year` (a previous
/// value of 0 is fine there).
///
/// The magnitude always shows exactly one decimal (`41.0%`), whatever
/// [`Unit::precision`] says, and uses thousands separators in English. A change that
/// rounds to 0.0 is unchanged: `与上年持平` / `与上期持平`, `unchanged year on year` /
/// `unchanged on the previous period`. [`MISSING`] when either value is absent or not
/// finite, when `previous` is 0 for a relative change, or when the change overflows.
#[must_use]
pub fn change(current: Option<f64>, previous: Option<f64>, unit: &Unit, period: Period, style: Style) -> String {
    let Some(delta) = delta(current, previous, unit, style) else {
        return MISSING.to_string();
    };
    let Some(Delta { up, magnitude, points }) = delta else {
        return match (style, period) {
            (Style::Chinese, Period::Year) => "与上年持平".to_string(),
            (Style::Chinese, Period::Other) => "与上期持平".to_string(),
            (Style::English, Period::Year) => "unchanged year on year".to_string(),
            (Style::English, Period::Other) => "unchanged on the previous period".to_string(),
        };
    };
    match style {
        Style::Chinese => {
            let prefix = match period {
                Period::Year => "同比",
                Period::Other => "环比",
            };
            format!("{prefix}{}{magnitude}{}", zh_verb(up, points), zh_suffix(points))
        }
        Style::English => {
            let direction = if up { "up" } else { "down" };
            let suffix = if points { " percentage points" } else { "%" };
            let when = match period {
                Period::Year => "year on year",
                Period::Other => "on the previous period",
            };
            format!("{direction} {magnitude}{suffix} {when}")
        }
    }
}

/// Which way a change goes, for showing it with an arrow beside its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A rise.
    Up,
    /// A fall.
    Down,
    /// A change that rounds to 0.0.
    Unchanged,
}

impl Direction {
    /// `up`, `down`, `unchanged`: for class names.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Unchanged => "unchanged",
        }
    }
}

/// The change from `previous` to `current` against a named earlier period, for a headline
/// figure: "比上年增长40.9%" / "up 40.9% on 2020" (`period` is [`Period::Year`]: Chinese names
/// the previous year as 上年; otherwise 上期), "比上年提高1.2个百分点" / "up 1.2 percentage
/// points on 2020", "与上年持平" / "unchanged on 2020". `previous_label` is the previous
/// period as the page's language writes it. The magnitude is computed as in [`change`].
/// `None` where [`change`] gives [`MISSING`].
#[must_use]
pub fn change_on(
    current: Option<f64>,
    previous: Option<f64>,
    unit: &Unit,
    period: Period,
    previous_label: &str,
    style: Style,
) -> Option<(Direction, String)> {
    let delta = delta(current, previous, unit, style)?;
    let zh_then = match period {
        Period::Year => "上年",
        Period::Other => "上期",
    };
    let Some(Delta { up, magnitude, points }) = delta else {
        let words = match style {
            Style::Chinese => format!("与{zh_then}持平"),
            Style::English => format!("unchanged on {previous_label}"),
        };
        return Some((Direction::Unchanged, words));
    };
    let words = match style {
        Style::Chinese => format!("比{zh_then}{}{magnitude}{}", zh_verb(up, points), zh_suffix(points)),
        Style::English => {
            let direction = if up { "up" } else { "down" };
            let suffix = if points { " percentage points" } else { "%" };
            format!("{direction} {magnitude}{suffix} on {previous_label}")
        }
    };
    Some((if up { Direction::Up } else { Direction::Down }, words))
}

fn zh_verb(up: bool, points: bool) -> &'static str {
    match (points, up) {
        (false, true) => "增长",
        (false, false) => "下降",
        (true, true) => "提高",
        (true, false) => "降低",
    }
}

fn zh_suffix(points: bool) -> &'static str {
    if points { "个百分点" } else { "%" }
}

/// A change worked out: its direction, its magnitude as written (one decimal, thousands
/// separators in English), and whether it is in percentage points.
struct Delta {
    up: bool,
    magnitude: String,
    points: bool,
}

/// The change from `previous` to `current`: `None` when it cannot be given (see [`change`]),
/// `Some(None)` when it rounds to zero.
fn delta(current: Option<f64>, previous: Option<f64>, unit: &Unit, style: Style) -> Option<Option<Delta>> {
    let (current, previous) = (current?, previous?);
    if !current.is_finite() || !previous.is_finite() {
        return None;
    }
    let points = unit.kind == UnitKind::Percent;
    let delta = if points {
        current - previous
    } else if previous == 0.0 {
        return None;
    } else {
        (current - previous) / previous.abs() * 100.0
    };
    if !delta.is_finite() {
        return None;
    }
    // Twelve significant digits shed the binary noise of the subtraction
    // (96.8 − 100 = −3.2000000000000028) before the decimal rounding.
    let rounded = round(&Decimal::cleaned(delta, CHANGE_SIGNIFICANT), 0, CHANGE_PLACES);
    if rounded.is_zero() {
        return Some(None);
    }
    let magnitude = render(&rounded, false, style == Style::English);
    Some(Some(Delta { up: delta > 0.0, magnitude, points }))
}

/// A full-precision number for data tables (no 万/亿 abbreviation, thousands separators in both styles: "155,000", "5,026,000,000", "16.09", "41.6"), no unit. None -> MISSING.
///
/// Decimals follow [`Unit::precision`] as in [`value`]; `style` does not change the
/// result. NaN and infinities also give [`MISSING`].
#[must_use]
pub fn table(v: Option<f64>, unit: &Unit, style: Style) -> String {
    // Tables look the same in both languages.
    let _ = style;
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return MISSING.to_string();
    };
    let places = precision_rule(unit.precision);
    format_number(v.is_sign_negative(), &Decimal::exact(v), PLAIN, |_| places, true)
}

/// A short axis tick label: Chinese "0", "5万", "15万", "50亿" (units 万/亿 for counts and yuan, no unit label); English "0", "50k", "150k", "1.5M", "5B" for counts, "5B" for yuan; percent "40%"; rate "16".  `step` is the tick interval, so the precision can be chosen so that neighbouring ticks differ ("2.5万" when step is 5000).
///
/// The magnitude (万/亿/万亿, or k/M/B/T in English) is chosen per tick from `v`, so an
/// axis may read `0, 5000, 1万, 1.5万`. The decimals are those needed to show `step` in
/// that magnitude (at most 15), with trailing zeros trimmed; when `step` is zero or not
/// finite, [`Unit::precision`] (default 2) is used instead, also trimmed. Rates and
/// percentages are not abbreviated; English ticks use thousands separators. A
/// non-finite `v` gives [`MISSING`].
#[must_use]
pub fn tick(v: f64, step: f64, unit: &Unit, style: Style) -> String {
    if !v.is_finite() {
        return MISSING.to_string();
    }
    let tiers = match (style, unit.kind) {
        (Style::Chinese, UnitKind::Count | UnitKind::Currency) => ZH_TIERS,
        (Style::English, UnitKind::Count | UnitKind::Currency) => EN_TICK_TIERS,
        (_, UnitKind::Percent | UnitKind::Rate) => PLAIN,
    };
    let step_place = if step.is_finite() { Decimal::cleaned(step, TICK_SIGNIFICANT).last_place() } else { None };
    let fallback = unit.precision.map_or(DEFAULT_PLACES, u32::from);
    let places = |tier_exp: i32| match step_place {
        Some(place) => {
            let needed = tier_exp.saturating_sub(place).clamp(0, MAX_TICK_PLACES);
            (u32::try_from(needed).unwrap_or(0), true)
        }
        None => (fallback, true),
    };
    let number = format_number(
        v.is_sign_negative(),
        // Tick positions are often computed (i × step), so shed binary noise first.
        &Decimal::cleaned(v, TICK_SIGNIFICANT),
        tiers,
        places,
        style == Style::English,
    );
    if unit.kind == UnitKind::Percent { number + "%" } else { number }
}

/// The tick labels of a whole axis, all in ONE magnitude chosen from the largest tick (in
/// absolute value), so that an axis never mixes forms such as `5000, 1万`.
///
/// Chinese counts and amounts: `0, 0.5万, 1万, 1.5万, 2万` (万 from a largest tick of 10,000,
/// 亿 from 10⁸, 万亿 from 10¹²), plain below: `0, 500, 1000, 1500` (no separators, as in
/// prose). English counts and amounts: plain with separators below 10,000 (`0, 500, 1,000`),
/// then `k`, `M`, `B`, `T` (`0, 5k, 10k, 15k`; `0, 0.5M, 1M`). Rates and percentages are never
/// abbreviated. Zero is always `0` (`0%`). Decimals are those needed to show `step` in the
/// chosen magnitude, trailing zeros trimmed, as for [`tick`]; non-finite values give
/// [`MISSING`] and are ignored when choosing the magnitude.
#[must_use]
pub fn axis_ticks(values: &[f64], step: f64, unit: &Unit, style: Style) -> Vec<String> {
    let tiers: &[(i32, Tier)] = match (style, unit.kind) {
        (Style::Chinese, UnitKind::Count | UnitKind::Currency) => ZH_AXIS_TIERS,
        (Style::English, UnitKind::Count | UnitKind::Currency) => EN_AXIS_TIERS,
        (_, UnitKind::Percent | UnitKind::Rate) => PLAIN_AXIS_TIERS,
    };
    let largest = values.iter().filter(|v| v.is_finite()).map(|v| v.abs()).fold(0.0, f64::max);
    let largest = Decimal::cleaned(largest, TICK_SIGNIFICANT);
    let tier = match largest.is_zero() {
        true => &PLAIN[0],
        false => tiers.iter().rev().find(|(from, _)| *from <= largest.exp).map_or(&PLAIN[0], |(_, tier)| tier),
    };
    let step_place = if step.is_finite() { Decimal::cleaned(step, TICK_SIGNIFICANT).last_place() } else { None };
    let places = |tier_exp: i32| match step_place {
        Some(place) => (u32::try_from(tier_exp.saturating_sub(place).clamp(0, MAX_TICK_PLACES)).unwrap_or(0), true),
        None => (unit.precision.map_or(DEFAULT_PLACES, u32::from), true),
    };
    let group = style == Style::English;
    let (decimals, _) = places(tier.exp);
    values
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                return MISSING.to_string();
            }
            let magnitude = Decimal::cleaned(v, TICK_SIGNIFICANT);
            let number = if round(&magnitude, tier.exp, decimals).is_zero() {
                // Zero (or a value rounding to it) needs no magnitude: "0", never "0万".
                "0".to_string()
            } else {
                format_number(v.is_sign_negative(), &magnitude, std::slice::from_ref(tier), places, group)
            };
            if unit.kind == UnitKind::Percent { number + "%" } else { number }
        })
        .collect()
}

/// Default decimals for values and tables: at most this many, trailing zeros trimmed.
const DEFAULT_PLACES: u32 = 2;
/// Decimals of a change, always shown.
const CHANGE_PLACES: u32 = 1;
/// Significant digits kept from a computed change before rounding.
const CHANGE_SIGNIFICANT: usize = 12;
/// Significant digits kept from a tick position or step before rounding.
const TICK_SIGNIFICANT: usize = 15;
/// Most decimals a tick label may show.
const MAX_TICK_PLACES: i32 = 15;

/// One magnitude: numbers from `10^exp` on are divided by it and followed by `suffix`.
struct Tier {
    /// The power of ten this magnitude divides by.
    exp: i32,
    /// Written after the divided number: `万`, ` billion`, `k`.
    suffix: &'static str,
}

/// Shorthand for the tier tables below.
const fn tier(exp: i32, suffix: &'static str) -> Tier {
    Tier { exp, suffix }
}

/// No abbreviation.
const PLAIN: &[Tier] = &[tier(0, "")];
/// Chinese counts and amounts, in prose and on axes.
const ZH_TIERS: &[Tier] = &[tier(0, ""), tier(4, "万"), tier(8, "亿"), tier(12, "万亿")];
/// English counts in prose: in full below one billion.
const EN_COUNT_TIERS: &[Tier] = &[tier(0, ""), tier(9, " billion"), tier(12, " trillion")];
/// English amounts in prose.
const EN_MONEY_TIERS: &[Tier] = &[tier(0, ""), tier(6, " million"), tier(9, " billion"), tier(12, " trillion")];
/// English counts and amounts on axes.
const EN_TICK_TIERS: &[Tier] = &[tier(0, ""), tier(3, "k"), tier(6, "M"), tier(9, "B"), tier(12, "T")];

/// Magnitudes of a whole axis (see [`axis_ticks`]): from which power of ten of the largest
/// tick each one is used.
const ZH_AXIS_TIERS: &[(i32, Tier)] =
    &[(0, tier(0, "")), (4, tier(4, "万")), (8, tier(8, "亿")), (12, tier(12, "万亿"))];
/// English axes stay plain below 10,000 ("1,000" reads better than "1k" there).
const EN_AXIS_TIERS: &[(i32, Tier)] =
    &[(0, tier(0, "")), (4, tier(3, "k")), (6, tier(6, "M")), (9, tier(9, "B")), (12, tier(12, "T"))];
/// Rates and percentages: never abbreviated.
const PLAIN_AXIS_TIERS: &[(i32, Tier)] = &[(0, tier(0, ""))];

/// Decimals and whether to trim trailing zeros, from a unit's precision.
fn precision_rule(precision: Option<u8>) -> (u32, bool) {
    match precision {
        Some(places) => (u32::from(places), false),
        None => (DEFAULT_PLACES, true),
    }
}

/// The unit word for counts, rates and currencies (not percentages).
/// The unit as a heading or caption names it: the label, or for money the currency's name
/// (`元` / `yuan` for CNY, `美元` / `US dollars`, `欧元` / `euros`, other codes as written);
/// `%` for percentages.
#[must_use]
pub fn unit_name<'a>(unit: &Unit<'a>, style: Style) -> &'a str {
    if unit.kind == UnitKind::Percent {
        return "%";
    }
    if unit.kind != UnitKind::Currency {
        return unit.label;
    }
    let Some(code) = unit.currency else {
        return unit.label;
    };
    let code = code.trim();
    let known = |zh: &'static str, en: &'static str| match style {
        Style::Chinese => zh,
        Style::English => en,
    };
    if code.eq_ignore_ascii_case("CNY") {
        known("元", "yuan")
    } else if code.eq_ignore_ascii_case("USD") {
        known("美元", "US dollars")
    } else if code.eq_ignore_ascii_case("EUR") {
        known("欧元", "euros")
    } else {
        code
    }
}

/// Appends a unit label to a formatted number by the style's spacing rule.
fn with_label(mut number: String, label: &str, style: Style) -> String {
    if label.is_empty() {
        return number;
    }
    let spaced = match style {
        Style::English => true,
        Style::Chinese => label.starts_with(|c: char| c.is_ascii_alphabetic()),
    };
    if spaced {
        number.push(' ');
    }
    number.push_str(label);
    number
}

/// Formats a magnitude with sign, choosing the tier by size and moving up a tier when
/// rounding reaches the next one. `places` gives (decimals, trim) for a tier exponent.
fn format_number(
    negative: bool,
    magnitude: &Decimal,
    tiers: &[Tier],
    places: impl Fn(i32) -> (u32, bool),
    group: bool,
) -> String {
    let mut index =
        if magnitude.is_zero() { 0 } else { tiers.iter().rposition(|t| t.exp <= magnitude.exp).unwrap_or(0) };
    let (rounded, trim, suffix) = loop {
        let Some(tier) = tiers.get(index) else {
            return MISSING.to_string();
        };
        let (decimals, trim) = places(tier.exp);
        let rounded = round(magnitude, tier.exp, decimals);
        match tiers.get(index.saturating_add(1)) {
            Some(next)
                if rounded.int.len() > usize::try_from(next.exp.saturating_sub(tier.exp)).unwrap_or(usize::MAX) =>
            {
                index = index.saturating_add(1);
            }
            _ => break (rounded, trim, tier.suffix),
        }
    };
    let mut out = String::new();
    if negative && !rounded.is_zero() {
        out.push('-');
    }
    out.push_str(&render(&rounded, trim, group));
    out.push_str(suffix);
    out
}

/// A non-negative finite decimal number: `digits` (first and last non-zero; empty for
/// zero) with the first digit worth `10^exp`.
#[derive(Debug)]
struct Decimal {
    /// Significant decimal digits, 0–9, most significant first.
    digits: Vec<u8>,
    /// The power of ten the first digit is worth.
    exp: i32,
}

impl Decimal {
    /// The shortest decimal that round-trips to `|v|`; `v` must be finite.
    fn exact(v: f64) -> Decimal {
        Decimal::parse(&format!("{:e}", v.abs()))
    }

    /// `|v|` rounded to `significant` significant digits; `v` must be finite.
    fn cleaned(v: f64, significant: usize) -> Decimal {
        Decimal::parse(&format!("{:.*e}", significant.saturating_sub(1), v.abs()))
    }

    /// Parses Rust's `{:e}` output for a non-negative number, e.g. `1.55e5`.
    fn parse(s: &str) -> Decimal {
        let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
        let mut exp: i32 = exp.parse().unwrap_or(0);
        let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let leading = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..leading);
        exp = exp.saturating_sub(i32::try_from(leading).unwrap_or(i32::MAX));
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Decimal { digits, exp }
    }

    /// Whether this is zero (no significant digits).
    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// The exponent of the last significant digit; None for zero.
    fn last_place(&self) -> Option<i32> {
        let len = i32::try_from(self.digits.len()).ok()?;
        if len == 0 { None } else { Some(self.exp.saturating_sub(len - 1)) }
    }
}

/// A rounded magnitude: `int` has no leading zeros (`"0"` below one), `frac` has
/// exactly the requested number of digits.
#[derive(Debug)]
struct Rounded {
    /// The integer digits.
    int: String,
    /// The decimal digits.
    frac: String,
}

impl Rounded {
    /// Whether every digit is zero (so no minus sign may be shown).
    fn is_zero(&self) -> bool {
        self.int.bytes().chain(self.frac.bytes()).all(|b| b == b'0')
    }
}

/// Rounds `d / 10^scale` to `places` decimals, half away from zero.
fn round(d: &Decimal, scale: i32, places: u32) -> Rounded {
    let places_len = usize::try_from(places).unwrap_or(0);
    // Number of digits in the integer round(d / 10^scale × 10^places), before carry.
    let width = d.exp.saturating_sub(scale).saturating_add(i32::try_from(places).unwrap_or(i32::MAX)).saturating_add(1);
    let mut n: Vec<u8> = Vec::new();
    if let Ok(width) = usize::try_from(width)
        && !d.is_zero()
    {
        n.extend(d.digits.iter().take(width));
        n.resize(width, 0);
        if d.digits.get(width).is_some_and(|&next| next >= 5) {
            increment(&mut n);
        }
    }
    if n.len() <= places_len {
        let pad = places_len + 1 - n.len();
        n.splice(0..0, std::iter::repeat_n(0, pad));
    }
    let (int, frac) = n.split_at(n.len() - places_len);
    let text = |digits: &[u8]| digits.iter().map(|&x| char::from(b'0' + x)).collect();
    Rounded { int: text(int), frac: text(frac) }
}

/// Adds one to a big-endian digit vector.
fn increment(n: &mut Vec<u8>) {
    for digit in n.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return;
        }
    }
    n.insert(0, 1);
}

/// Writes a rounded magnitude, optionally trimming trailing zeros and grouping thousands.
fn render(r: &Rounded, trim: bool, group: bool) -> String {
    let mut out = if group { group_thousands(&r.int) } else { r.int.clone() };
    let frac = if trim { r.frac.trim_end_matches('0') } else { &r.frac };
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `1234567` -> `1,234,567` (ASCII digits only).
fn group_thousands(int: &str) -> String {
    let len = int.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: Style = Style::Chinese;
    const EN: Style = Style::English;

    fn unit(kind: UnitKind, label: &'static str) -> Unit<'static> {
        Unit { kind, label, currency: None, precision: None }
    }
    fn count(label: &'static str) -> Unit<'static> {
        unit(UnitKind::Count, label)
    }
    fn money(code: &'static str) -> Unit<'static> {
        Unit { currency: Some(code), ..unit(UnitKind::Currency, "ignored") }
    }
    fn rate(label: &'static str) -> Unit<'static> {
        unit(UnitKind::Rate, label)
    }
    fn pct() -> Unit<'static> {
        unit(UnitKind::Percent, "")
    }
    fn fixed(u: Unit<'static>, places: u8) -> Unit<'static> {
        Unit { precision: Some(places), ..u }
    }

    /// Compares one output with its expected text, naming the input on failure.
    #[track_caller]
    fn check(input: impl std::fmt::Debug, actual: impl AsRef<str>, expected: &str) {
        assert_eq!(actual.as_ref(), expected, "input: {input:?}");
    }

    /// Checks `value` for each (input, expected) pair.
    #[track_caller]
    fn values(u: Unit, style: Style, cases: &[(f64, &str)]) {
        for &(v, expected) in cases {
            check((v, u, style), value(Some(v), &u, style), expected);
        }
    }

    #[track_caller]
    fn tables(u: Unit, cases: &[(f64, &str)]) {
        for &(v, expected) in cases {
            for style in [ZH, EN] {
                check((v, u, style), table(Some(v), &u, style), expected);
            }
        }
    }

    #[track_caller]
    fn ticks(u: Unit, style: Style, cases: &[(f64, f64, &str)]) {
        for &(v, step, expected) in cases {
            check((v, step, u, style), tick(v, step, &u, style), expected);
        }
    }

    #[track_caller]
    fn changes(u: Unit, period: Period, style: Style, cases: &[(f64, f64, &str)]) {
        for &(cur, prev, expected) in cases {
            check((cur, prev, u, period, style), change(Some(cur), Some(prev), &u, period, style), expected);
        }
    }

    /// True if `s` has a minus sign directly before a number that is all zeros ("-0",
    /// "-0.00", "-0万").
    fn has_negative_zero(s: &str) -> bool {
        s.match_indices('-').any(|(i, _)| {
            let number: String =
                s[i + 1..].chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
            number.chars().any(|c| c.is_ascii_digit()) && number.chars().all(|c| matches!(c, '0' | '.' | ','))
        })
    }

    fn assert_clean(context: impl std::fmt::Debug, s: &str) {
        assert!(!s.is_empty(), "empty output for {context:?}");
        assert!(!s.contains("NaN"), "{s:?} for {context:?}");
        assert!(!s.contains("inf"), "{s:?} for {context:?}");
        assert!(!has_negative_zero(s), "negative zero {s:?} for {context:?}");
    }

    // ---------------------------------------------------------------- Style

    #[test]
    fn style_for_lang() {
        for code in ["zh", "zh-CN", "zh_TW", "ZH-Hant", "zh-Hans-CN", " zh "] {
            assert_eq!(Style::for_lang(code), ZH, "{code:?}");
        }
        for code in ["en", "en-GB", "", "fr", "zha", "z", "-zh", "ja"] {
            assert_eq!(Style::for_lang(code), EN, "{code:?}");
        }
        assert_eq!(Style::own("zh-Hant"), Some(ZH));
        assert_eq!(Style::own("EN-gb"), Some(EN));
        for code in ["fr", "", "zha", "ja", "eng"] {
            assert_eq!(Style::own(code), None, "{code:?}");
        }
    }

    #[test]
    fn missing_is_em_dash() {
        assert_eq!(MISSING, "\u{2014}");
    }

    // ---------------------------------------------------------------- value, Chinese

    #[test]
    fn value_chinese_counts() {
        values(
            count("件"),
            ZH,
            &[
                (1001.0, "1001件"),
                (155_000.0, "15.5万件"),
                (22_400.0, "2.24万件"),
                (18_700.0, "1.87万件"),
                (840_000.0, "84万件"),
                (9_999.0, "9999件"),
                (10_000.0, "1万件"),
                (99_999_999.0, "1亿件"),
                (100_000_000.0, "1亿件"),
                (123_456_789.0, "1.23亿件"),
                (0.0, "0件"),
                (-0.0, "0件"),
                (1.0, "1件"),
                (-1001.0, "-1001件"),
                (-155_000.0, "-15.5万件"),
                (12.5, "12.5件"),
                (1e12, "1万亿件"),
                (1.5e12, "1.5万亿件"),
            ],
        );
        values(count(""), ZH, &[(22_400.0, "2.24万"), (1001.0, "1001")]);
    }

    #[test]
    fn value_chinese_magnitude_rollover() {
        values(
            count("件"),
            ZH,
            &[
                (9_999.4, "9999.4件"),
                (9_999.994, "9999.99件"),
                (9_999.995, "1万件"),
                (-9_999.995, "-1万件"),
                (99_995_000.0, "9999.5万件"),
                (99_999_500.0, "9999.95万件"),
                (99_999_949.0, "9999.99万件"),
                (99_999_950.0, "1亿件"),
                (999_999_999_999.0, "1万亿件"),
                (999_949_999_999.0, "9999.5亿件"),
            ],
        );
        // A fixed precision rolls over too, and keeps its decimals.
        values(fixed(count("件"), 0), ZH, &[(9_999.5, "1万件"), (9_999.4, "9999件"), (155_000.0, "16万件")]);
        values(fixed(count("件"), 2), ZH, &[(99_999_999.0, "1.00亿件"), (1001.0, "1001.00件")]);
    }

    #[test]
    fn value_chinese_currency() {
        values(
            money("CNY"),
            ZH,
            &[
                (5_026_000_000.0, "50.26亿元"),
                (61_850_000.0, "6185万元"),
                (500.0, "500元"),
                (0.0, "0元"),
                (-61_850_000.0, "-6185万元"),
                (1.2345e13, "12.35万亿元"),
                (0.5, "0.5元"),
            ],
        );
        values(money("cny"), ZH, &[(500.0, "500元")]);
        values(money("USD"), ZH, &[(500.0, "500美元"), (15_000.0, "1.5万美元")]);
        values(money("EUR"), ZH, &[(500.0, "500欧元")]);
        values(money("GBP"), ZH, &[(500.0, "500 GBP"), (15_000.0, "1.5万 GBP")]);
        // Without a currency code the label is used.
        values(unit(UnitKind::Currency, "元"), ZH, &[(61_850_000.0, "6185万元")]);
    }

    #[test]
    fn value_chinese_rate_and_percent() {
        values(
            rate("件/万人"),
            ZH,
            &[(16.09, "16.09件/万人"), (16.0, "16件/万人"), (12_345.678, "12345.68件/万人"), (-0.004, "0件/万人")],
        );
        values(pct(), ZH, &[(41.6, "41.6%"), (41.0, "41%"), (-3.25, "-3.25%"), (0.005, "0.01%"), (0.0, "0%")]);
        // Percent ignores the label.
        values(unit(UnitKind::Percent, "个"), ZH, &[(41.6, "41.6%")]);
        values(fixed(pct(), 1), ZH, &[(41.0, "41.0%"), (41.66, "41.7%")]);
    }

    #[test]
    fn value_default_precision_and_rounding() {
        values(
            count(""),
            ZH,
            &[
                (15.50, "15.5"),
                (84.00, "84"),
                (12.345, "12.35"),
                (2.675, "2.68"),
                (1.005, "1.01"),
                (0.125, "0.13"),
                (-0.125, "-0.13"),
                (0.5, "0.5"),
                (0.001, "0"),
                (-0.001, "0"),
                (-0.005, "-0.01"),
                (1e-300, "0"),
                (5e-324, "0"),
            ],
        );
        values(
            fixed(count(""), 0),
            ZH,
            &[(0.5, "1"), (-0.5, "-1"), (2.5, "3"), (-2.5, "-3"), (0.49, "0"), (-0.49, "0")],
        );
        values(fixed(count(""), 3), ZH, &[(2.0, "2.000"), (0.0005, "0.001"), (-0.0004, "0.000")]);
    }

    // ---------------------------------------------------------------- value, English

    #[test]
    fn value_english_counts() {
        values(count("cases"), EN, &[(1001.0, "1,001 cases"), (-1001.0, "-1,001 cases")]);
        values(
            count("patents"),
            EN,
            &[
                (155_000.0, "155,000 patents"),
                (0.0, "0 patents"),
                (-0.0, "0 patents"),
                (999.0, "999 patents"),
                (1001.5, "1,001.5 patents"),
                (999_999_999.0, "999,999,999 patents"),
                (999_999_999.996, "1 billion patents"),
                (1e9, "1 billion patents"),
                (1.2e9, "1.2 billion patents"),
                (1.23456e9, "1.23 billion patents"),
                (-1.2e9, "-1.2 billion patents"),
                (1e12, "1 trillion patents"),
                (999_995_000_000.0, "1 trillion patents"),
            ],
        );
        values(count(""), EN, &[(22_400.0, "22,400"), (0.0, "0")]);
        values(fixed(count("cases"), 1), EN, &[(1001.0, "1,001.0 cases")]);
    }

    #[test]
    fn value_english_currency() {
        values(
            money("CNY"),
            EN,
            &[
                (5_026_000_000.0, "5.03 billion yuan"),
                (61_850_000.0, "61.85 million yuan"),
                (500.0, "500 yuan"),
                (155_000.0, "155,000 yuan"),
                (999_999.0, "999,999 yuan"),
                (999_999.999, "1 million yuan"),
                (1_500_000.0, "1.5 million yuan"),
                (999_995_000.0, "1 billion yuan"),
                (-61_850_000.0, "-61.85 million yuan"),
                (2.5e12, "2.5 trillion yuan"),
                (0.0, "0 yuan"),
            ],
        );
        values(money("USD"), EN, &[(500.0, "500 US dollars")]);
        values(money("EUR"), EN, &[(500.0, "500 euros")]);
        values(money("JPY"), EN, &[(500.0, "500 JPY"), (2e6, "2 million JPY")]);
        values(money(" usd "), EN, &[(500.0, "500 US dollars")]);
        values(unit(UnitKind::Currency, ""), EN, &[(500.0, "500")]);
        values(fixed(money("CNY"), 1), EN, &[(5_026_000_000.0, "5.0 billion yuan")]);
    }

    #[test]
    fn value_english_rate_and_percent() {
        values(
            rate("per 10,000 people"),
            EN,
            &[(16.09, "16.09 per 10,000 people"), (12_345.678, "12,345.68 per 10,000 people")],
        );
        values(pct(), EN, &[(41.6, "41.6%"), (-3.2, "-3.2%"), (1234.5, "1,234.5%")]);
    }

    #[test]
    fn value_missing() {
        for style in [ZH, EN] {
            for u in [count("件"), money("CNY"), rate("x"), pct()] {
                check((None::<f64>, u), value(None, &u, style), MISSING);
                for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -f64::NAN] {
                    check((v, u), value(Some(v), &u, style), MISSING);
                }
            }
        }
    }

    // ---------------------------------------------------------------- change

    #[test]
    fn change_chinese() {
        changes(
            count("件"),
            Period::Year,
            ZH,
            &[
                (141.6, 100.0, "同比增长41.6%"),
                (96.8, 100.0, "同比下降3.2%"),
                (141.0, 100.0, "同比增长41.0%"),
                (100.0, 100.0, "与上年持平"),
                (100.04, 100.0, "与上年持平"),
                (99.96, 100.0, "与上年持平"),
                (100.05, 100.0, "同比增长0.1%"),
                (99.95, 100.0, "同比下降0.1%"),
                (0.0, 100.0, "同比下降100.0%"),
                (1_334_600.0, 10_000.0, "同比增长13246.0%"),
                (155_000.0, 109_463.0, "同比增长41.6%"),
            ],
        );
        changes(
            count("件"),
            Period::Other,
            ZH,
            &[(141.6, 100.0, "环比增长41.6%"), (96.8, 100.0, "环比下降3.2%"), (100.0, 100.0, "与上期持平")],
        );
    }

    #[test]
    fn change_english() {
        changes(
            count("patents"),
            Period::Year,
            EN,
            &[
                (141.6, 100.0, "up 41.6% year on year"),
                (96.8, 100.0, "down 3.2% year on year"),
                (141.0, 100.0, "up 41.0% year on year"),
                (100.0, 100.0, "unchanged year on year"),
                (1_334_600.0, 10_000.0, "up 13,246.0% year on year"),
            ],
        );
        changes(
            count("patents"),
            Period::Other,
            EN,
            &[
                (141.6, 100.0, "up 41.6% on the previous period"),
                (96.8, 100.0, "down 3.2% on the previous period"),
                (100.0, 100.0, "unchanged on the previous period"),
            ],
        );
    }

    #[test]
    fn change_percentage_points() {
        changes(
            pct(),
            Period::Year,
            ZH,
            &[
                (41.6, 40.4, "同比提高1.2个百分点"),
                (40.4, 41.6, "同比降低1.2个百分点"),
                (41.6, 41.6, "与上年持平"),
                (5.0, 0.0, "同比提高5.0个百分点"),
                (41.0, 40.0, "同比提高1.0个百分点"),
            ],
        );
        changes(
            pct(),
            Period::Other,
            ZH,
            &[(41.6, 40.4, "环比提高1.2个百分点"), (40.4, 41.6, "环比降低1.2个百分点"), (40.0, 40.0, "与上期持平")],
        );
        changes(
            pct(),
            Period::Year,
            EN,
            &[
                (41.6, 40.4, "up 1.2 percentage points year on year"),
                (40.4, 41.6, "down 1.2 percentage points year on year"),
                (40.0, 40.04, "unchanged year on year"),
            ],
        );
        changes(pct(), Period::Other, EN, &[(41.6, 40.4, "up 1.2 percentage points on the previous period")]);
    }

    #[test]
    fn change_other_kinds_and_signs() {
        // Currency and rate series change relatively, like counts.
        changes(money("CNY"), Period::Year, ZH, &[(5_026.0, 5_000.0, "同比增长0.5%")]);
        changes(rate("x"), Period::Year, EN, &[(16.09, 14.0, "up 14.9% year on year")]);
        // Divided by |previous|: the word follows the direction of the change.
        changes(
            count(""),
            Period::Year,
            EN,
            &[
                (-50.0, -100.0, "up 50.0% year on year"),
                (-150.0, -100.0, "down 50.0% year on year"),
                (50.0, -100.0, "up 150.0% year on year"),
            ],
        );
        // Unit precision does not change the one decimal of a change.
        changes(fixed(count(""), 3), Period::Year, EN, &[(141.6, 100.0, "up 41.6% year on year")]);
        changes(fixed(pct(), 0), Period::Year, ZH, &[(41.6, 40.4, "同比提高1.2个百分点")]);
    }

    #[test]
    fn change_on_a_named_period() {
        let on = |cur: f64, prev: Option<f64>, u: Unit, period, label, style| {
            change_on(Some(cur), prev, &u, period, label, style).map(|(d, w)| (d.name(), w))
        };
        let c = count("件");
        assert_eq!(on(155000.0, Some(110000.0), c, Period::Year, "2020年", ZH), Some(("up", "比上年增长40.9%".into())));
        assert_eq!(
            on(150000.0, Some(155000.0), c, Period::Year, "2021", EN),
            Some(("down", "down 3.2% on 2021".into()))
        );
        assert_eq!(
            on(100.0, Some(100.0), c, Period::Other, "2021 Q1", EN),
            Some(("unchanged", "unchanged on 2021 Q1".into()))
        );
        assert_eq!(
            on(100.0, Some(100.0), c, Period::Other, "2021年一季度", ZH),
            Some(("unchanged", "与上期持平".into()))
        );
        assert_eq!(
            on(41.6, Some(40.4), pct(), Period::Year, "2020", EN),
            Some(("up", "up 1.2 percentage points on 2020".into()))
        );
        assert_eq!(
            on(40.4, Some(41.6), pct(), Period::Year, "2020年", ZH),
            Some(("down", "比上年降低1.2个百分点".into()))
        );
        assert_eq!(on(2_000_000.0, Some(1.0), c, Period::Year, "2020", EN).unwrap().1, "up 199,999,900.0% on 2020");
        assert_eq!(on(1.0, None, c, Period::Year, "2020", EN), None);
        assert_eq!(on(1.0, Some(0.0), c, Period::Year, "2020", EN), None);
    }

    #[test]
    fn change_missing() {
        let u = count("件");
        for style in [ZH, EN] {
            for period in [Period::Year, Period::Other] {
                let c = |cur: Option<f64>, prev: Option<f64>| change(cur, prev, &u, period, style);
                check("none current", c(None, Some(1.0)), MISSING);
                check("none previous", c(Some(1.0), None), MISSING);
                check("none both", c(None, None), MISSING);
                check("previous zero", c(Some(1.0), Some(0.0)), MISSING);
                check("previous -0", c(Some(1.0), Some(-0.0)), MISSING);
                check("both zero", c(Some(0.0), Some(0.0)), MISSING);
                for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                    check(bad, c(Some(bad), Some(1.0)), MISSING);
                    check(bad, c(Some(1.0), Some(bad)), MISSING);
                }
                check("overflow", c(Some(f64::MAX), Some(-f64::MAX)), MISSING);
                check("overflow", c(Some(f64::MAX), Some(1e-300)), MISSING);
                let p = pct();
                check("points overflow", change(Some(f64::MAX), Some(-f64::MAX), &p, period, style), MISSING);
                check("points none", change(None, Some(1.0), &p, period, style), MISSING);
            }
        }
    }

    // ---------------------------------------------------------------- table

    #[test]
    fn table_values() {
        tables(
            count("件"),
            &[
                (155_000.0, "155,000"),
                (1001.0, "1,001"),
                (999.0, "999"),
                (0.0, "0"),
                (-0.0, "0"),
                (-0.001, "0"),
                (-1001.0, "-1,001"),
                (-1_234_567.891, "-1,234,567.89"),
                (1e15, "1,000,000,000,000,000"),
                (99_999_999.0, "99,999,999"),
                (999.999, "1,000"),
            ],
        );
        tables(money("CNY"), &[(5_026_000_000.0, "5,026,000,000")]);
        tables(rate("件/万人"), &[(16.09, "16.09")]);
        tables(pct(), &[(41.6, "41.6"), (-3.2, "-3.2")]);
        tables(fixed(rate(""), 2), &[(16.1, "16.10"), (1234.5, "1,234.50")]);
        tables(fixed(count(""), 0), &[(2.5, "3"), (155_000.4, "155,000")]);
        for style in [ZH, EN] {
            let u = count("");
            check("none", table(None, &u, style), MISSING);
            check("nan", table(Some(f64::NAN), &u, style), MISSING);
            check("inf", table(Some(f64::INFINITY), &u, style), MISSING);
        }
    }

    // ---------------------------------------------------------------- tick

    #[test]
    fn tick_chinese() {
        ticks(
            count("件"),
            ZH,
            &[
                (0.0, 50_000.0, "0"),
                (50_000.0, 50_000.0, "5万"),
                (150_000.0, 50_000.0, "15万"),
                (25_000.0, 5_000.0, "2.5万"),
                (20_000.0, 5_000.0, "2万"),
                (12_500.0, 2_500.0, "1.25万"),
                (5_000.0, 5_000.0, "5000"),
                (-50_000.0, 50_000.0, "-5万"),
                (2e8, 1e8, "2亿"),
            ],
        );
        ticks(money("CNY"), ZH, &[(5e9, 1e9, "50亿"), (0.0, 1e9, "0")]);
        ticks(pct(), ZH, &[(40.0, 10.0, "40%"), (42.5, 2.5, "42.5%")]);
        ticks(rate("件/万人"), ZH, &[(16.0, 2.0, "16"), (16.5, 0.5, "16.5"), (12_000.0, 1000.0, "12000")]);
    }

    #[test]
    fn tick_english() {
        ticks(
            count("patents"),
            EN,
            &[
                (0.0, 50_000.0, "0"),
                (50_000.0, 50_000.0, "50k"),
                (150_000.0, 50_000.0, "150k"),
                (1_500_000.0, 500_000.0, "1.5M"),
                (5e9, 1e9, "5B"),
                (500.0, 100.0, "500"),
                (1_000.0, 500.0, "1k"),
                (2_500.0, 500.0, "2.5k"),
                (-50_000.0, 50_000.0, "-50k"),
                (2e12, 1e12, "2T"),
            ],
        );
        ticks(money("CNY"), EN, &[(5e9, 1e9, "5B"), (2.5e9, 5e8, "2.5B")]);
        ticks(pct(), EN, &[(40.0, 10.0, "40%"), (-10.0, 10.0, "-10%")]);
        ticks(rate("per 10,000 people"), EN, &[(16.0, 2.0, "16"), (1_500.0, 500.0, "1,500")]);
    }

    #[test]
    fn tick_noise_and_degenerate_steps() {
        // Computed positions: 3 × 0.1 and 3 × 0.1 − 0.3.
        ticks(
            pct(),
            EN,
            &[
                (0.1 + 0.2, 0.1, "0.3%"),
                (3.0 * 0.1 - 0.3, 0.1, "0%"),
                (-(3.0 * 0.1 - 0.3), 0.1, "0%"),
                (7.0 * 0.1, 0.1, "0.7%"),
            ],
        );
        // Steps with float noise do not ask for 17 decimals.
        ticks(pct(), ZH, &[(0.3, 0.1 + 0.2, "0.3%")]);
        // A negative step works like its magnitude.
        ticks(count(""), ZH, &[(25_000.0, -5_000.0, "2.5万")]);
        // Without a usable step: unit precision (default 2), trimmed.
        for step in [0.0, f64::NAN, f64::INFINITY] {
            ticks(count(""), ZH, &[(25_000.0, step, "2.5万"), (12_345.0, step, "1.23万")]);
            ticks(fixed(count(""), 1), EN, &[(12_345.0, step, "12.3k")]);
        }
        for style in [ZH, EN] {
            for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                check(bad, tick(bad, 1.0, &count(""), style), MISSING);
            }
        }
        // Very fine steps are capped at 15 decimals (then trimmed).
        ticks(rate(""), EN, &[(1.0, 1e-300, "1"), (0.5, 5e-324, "0.5")]);
    }

    /// The labels of the axis from `lo` by `step`, `n` ticks (computed as k × step).
    fn axis(lo: f64, step: f64, n: usize, u: Unit, style: Style) -> Vec<String> {
        let values: Vec<f64> = (0..n).map(|k| lo + k as f64 * step).collect();
        let labels = axis_ticks(&values, step, &u, style);
        for label in &labels {
            assert_clean((lo, step, n), label);
        }
        labels
    }

    #[test]
    fn axis_ticks_use_one_magnitude_chosen_from_the_largest_tick() {
        assert_eq!(axis(0.0, 5_000.0, 5, count("件"), ZH), ["0", "0.5万", "1万", "1.5万", "2万"]);
        assert_eq!(axis(0.0, 2_000.0, 6, count("件"), ZH), ["0", "0.2万", "0.4万", "0.6万", "0.8万", "1万"]);
        assert_eq!(axis(0.0, 50_000.0, 5, count("件"), ZH), ["0", "5万", "10万", "15万", "20万"]);
        assert_eq!(axis(0.0, 500.0, 5, count("件"), ZH), ["0", "500", "1000", "1500", "2000"]);
        assert_eq!(axis(0.0, 2e9, 4, money("CNY"), ZH), ["0", "20亿", "40亿", "60亿"]);
        assert_eq!(axis(0.0, 5e7, 5, money("CNY"), ZH), ["0", "0.5亿", "1亿", "1.5亿", "2亿"]);
        assert_eq!(axis(-2e4, 1e4, 4, count(""), ZH), ["-2万", "-1万", "0", "1万"]);
        assert_eq!(axis(0.0, 5_000.0, 5, count("patents"), EN), ["0", "5k", "10k", "15k", "20k"]);
        assert_eq!(axis(0.0, 500.0, 5, count("patents"), EN), ["0", "500", "1,000", "1,500", "2,000"]);
        assert_eq!(axis(0.0, 2_000.0, 6, count("patents"), EN), ["0", "2k", "4k", "6k", "8k", "10k"]);
        assert_eq!(axis(0.0, 500_000.0, 4, count("patents"), EN), ["0", "0.5M", "1M", "1.5M"]);
        assert_eq!(axis(0.0, 50_000.0, 5, count("patents"), EN), ["0", "50k", "100k", "150k", "200k"]);
        assert_eq!(axis(0.0, 1e9, 6, money("CNY"), EN), ["0", "1B", "2B", "3B", "4B", "5B"]);
    }

    #[test]
    fn axis_ticks_of_rates_and_percentages_are_plain() {
        assert_eq!(axis(0.0, 10.0, 5, pct(), ZH), ["0%", "10%", "20%", "30%", "40%"]);
        assert_eq!(axis(8.0, 2.0, 5, rate("件/万人"), ZH), ["8", "10", "12", "14", "16"]);
        assert_eq!(axis(0.0, 5_000.0, 3, rate("件/万人"), ZH), ["0", "5000", "10000"]);
        assert_eq!(axis(0.0, 5_000.0, 3, rate("per 10,000 people"), EN), ["0", "5,000", "10,000"]);
        assert_eq!(axis(0.0, 0.1, 4, pct(), EN), ["0%", "0.1%", "0.2%", "0.3%"]);
    }

    #[test]
    fn axis_ticks_odd_input() {
        assert!(axis_ticks(&[], 1.0, &count(""), ZH).is_empty());
        assert_eq!(axis_ticks(&[0.0, -0.0], 1.0, &count(""), ZH), ["0", "0"]);
        assert_eq!(axis_ticks(&[f64::NAN, 2e4], 1e4, &count(""), ZH), [MISSING, "2万"]);
        assert_eq!(axis_ticks(&[0.0, 25_000.0], f64::NAN, &count(""), ZH), ["0", "2.5万"]);
        assert_eq!(axis_ticks(&[0.0, 12_345.0], 0.0, &fixed(count(""), 1), EN), ["0", "12.3k"]);
        // A value far below the magnitude's precision is shown as 0, never "0万".
        assert_eq!(axis_ticks(&[0.0, 1.0, 1e5], 5e4, &count(""), ZH), ["0", "0", "10万"]);
        for v in sample_values() {
            for u in all_units() {
                for style in [ZH, EN] {
                    for label in axis_ticks(&[0.0, v, v / 2.0], v / 2.0, &u, style) {
                        assert_clean((v, u, style), &label);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- properties

    /// Values across magnitudes and signs, including rounding edges and specials.
    fn sample_values() -> Vec<f64> {
        let mantissas = [1.0, 1.5, 2.675, 4.999_999_9, 5.0, 9.994_9, 9.995, 9.999_999_999_99];
        let mut out = vec![0.0, -0.0, f64::MIN_POSITIVE, 5e-324, f64::MAX, f64::MIN, f64::EPSILON, 0.1 + 0.2];
        // Every exponent near the report range, a sparse sweep over the rest.
        let exps = (-30..=30).chain((-320..=308).step_by(17));
        for exp in exps {
            for m in mantissas {
                let v = m * 10f64.powi(exp);
                if v.is_finite() {
                    out.push(v);
                    out.push(-v);
                }
            }
        }
        out
    }

    fn all_units() -> Vec<Unit<'static>> {
        let mut out = Vec::new();
        for base in [count("件"), count(""), money("CNY"), money("XYZ"), rate("x"), pct()] {
            out.push(base);
            for p in [0, 1, 2, 5] {
                out.push(fixed(base, p));
            }
        }
        out
    }

    #[test]
    fn property_outputs_are_clean() {
        let values_ = sample_values();
        let units = all_units();
        for &v in &values_ {
            for u in &units {
                for style in [ZH, EN] {
                    assert_clean((v, u, style), &value(Some(v), u, style));
                    assert_clean((v, u, style), &table(Some(v), u, style));
                    for step in [1.0, 0.5, 5000.0, 1e9, v.abs() / 4.0, 0.0] {
                        assert_clean((v, step, u, style), &tick(v, step, u, style));
                    }
                }
            }
        }
    }

    #[test]
    fn property_abbreviated_part_stays_below_next_magnitude() {
        for v in sample_values() {
            for style in [ZH, EN] {
                for u in [count(""), money("XYZ"), fixed(count(""), 0), fixed(count(""), 3)] {
                    let s = value(Some(v), &u, style);
                    let tiers: &[(&str, usize)] = match style {
                        Style::Chinese => &[("万亿", usize::MAX), ("亿", 4), ("万", 4)],
                        Style::English => &[("trillion", usize::MAX), ("billion", 3), ("million", 3)],
                    };
                    for &(suffix, max_int_digits) in tiers {
                        if let Some(number) = s.split(suffix).next().filter(|_| s.contains(suffix)) {
                            let int_digits = number
                                .trim()
                                .trim_start_matches('-')
                                .split('.')
                                .next()
                                .unwrap_or("")
                                .chars()
                                .filter(char::is_ascii_digit)
                                .count();
                            assert!(
                                int_digits <= max_int_digits,
                                "{s:?} for {v:?} has too many digits before {suffix}"
                            );
                            break;
                        }
                    }
                    // Unabbreviated figures stay below the first magnitude.
                    if style == ZH && !s.contains(['万', '亿']) {
                        assert!(v.abs() < 10_000.0, "{s:?} for {v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn property_table_round_trips() {
        // A small linear congruential generator: deterministic, no crates.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            state
        };
        for _ in 0..20_000 {
            let bits = next();
            let unit_fraction = f64::from(u32::try_from(bits >> 32).unwrap_or(0)) / f64::from(u32::MAX);
            let exp = i32::try_from(next() % 15).unwrap_or(0) - 3;
            let sign = if next() % 2 == 0 { 1.0 } else { -1.0 };
            let v = sign * unit_fraction * 10f64.powi(exp);
            let s = table(Some(v), &count(""), EN);
            assert_clean(v, &s);
            let parsed: f64 = s.replace(',', "").parse().unwrap_or(f64::NAN);
            assert!((parsed - v).abs() <= 0.005 + v.abs() * 1e-12, "{s:?} does not round-trip {v:?}");
            // Grouping is well-formed: groups of three after the first.
            let int = s.trim_start_matches('-').split('.').next().unwrap_or("");
            let groups: Vec<&str> = int.split(',').collect();
            assert!(groups.iter().skip(1).all(|g| g.len() == 3), "{s:?}");
            assert!(groups.first().is_some_and(|g| (1..=3).contains(&g.len())), "{s:?}");
        }
    }

    #[test]
    fn property_changes_are_clean_and_directed() {
        let grid = [
            -1e12, -155_000.0, -100.0, -1.0, -0.1, -1e-9, 0.0, 1e-9, 0.1, 1.0, 40.4, 41.6, 100.0, 100.05, 155_000.0,
            1e12, 1e300,
        ];
        for &cur in &grid {
            for &prev in &grid {
                for u in [count(""), pct()] {
                    for style in [ZH, EN] {
                        for period in [Period::Year, Period::Other] {
                            let s = change(Some(cur), Some(prev), &u, period, style);
                            let ctx = (cur, prev, u.kind, style, period);
                            assert_clean(ctx, &s);
                            assert!(!s.contains('-'), "sign in {s:?} for {ctx:?}");
                            if u.kind == UnitKind::Count && prev == 0.0 {
                                assert_eq!(s, MISSING, "{ctx:?}");
                            } else if s != MISSING && cur > prev + 1.0 {
                                assert!(
                                    s.contains("up") || s.contains("增长") || s.contains("提高"),
                                    "{s:?} for {ctx:?}"
                                );
                            } else if s != MISSING && cur < prev - 1.0 {
                                assert!(
                                    s.contains("down") || s.contains("下降") || s.contains("降低"),
                                    "{s:?} for {ctx:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn property_labels_present() {
        for v in [0.0, 1.0, -1.0, 12_345.0, 1e10] {
            assert!(value(Some(v), &count("件"), ZH).ends_with('件'));
            assert!(value(Some(v), &count("cases"), EN).ends_with(" cases"));
            assert!(value(Some(v), &money("CNY"), ZH).ends_with('元'));
            assert!(value(Some(v), &money("CNY"), EN).ends_with(" yuan"));
            assert!(value(Some(v), &pct(), EN).ends_with('%'));
            assert!(!value(Some(v), &money("CNY"), EN).contains("ignored"));
        }
    }

    #[test]
    fn negative_zero_detector() {
        for s in ["-0", "-0.00", "-0万", "-0 cases", "x -0,000"] {
            assert!(has_negative_zero(s), "{s:?}");
        }
        for s in ["-0.5", "-10", "0", "-1,001", "per 10,000 - x", "-0.01%"] {
            assert!(!has_negative_zero(s), "{s:?}");
        }
    }

    #[test]
    fn internals_round_and_group() {
        let r = round(&Decimal::exact(999.995), 0, 2);
        assert_eq!((r.int.as_str(), r.frac.as_str()), ("1000", "00"));
        let r = round(&Decimal::exact(0.0), 0, 3);
        assert_eq!((r.int.as_str(), r.frac.as_str()), ("0", "000"));
        let r = round(&Decimal::exact(0.05), 0, 1);
        assert_eq!((r.int.as_str(), r.frac.as_str()), ("0", "1"));
        let r = round(&Decimal::exact(0.04), 0, 0);
        assert!(r.is_zero());
        assert_eq!(group_thousands("1"), "1");
        assert_eq!(group_thousands("123"), "123");
        assert_eq!(group_thousands("1234"), "1,234");
        assert_eq!(group_thousands("123456"), "123,456");
        assert_eq!(group_thousands("1234567"), "1,234,567");
        assert_eq!(Decimal::exact(155_000.0).last_place(), Some(3));
        assert_eq!(Decimal::exact(0.25).last_place(), Some(-2));
        assert_eq!(Decimal::exact(0.0).last_place(), None);
    }

    // ---------------------------------------------------------------- proptest

    /// Reads a prose figure back into a number and the size of its last shown digit:
    /// `15.5万件` -> (155000, 1000), `5.03 billion yuan` -> (5.03e9, 1e7), `1,001` -> (1001, 1).
    fn read_back(s: &str) -> Option<(f64, f64)> {
        let number: String = s.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')).collect();
        let rest = s[number.len()..].trim_start();
        let scale = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("trillion", 1e12), ("billion", 1e9), ("million", 1e6)]
            .iter()
            .find(|(w, _)| rest.starts_with(w))
            .map_or(1.0, |&(_, f)| f);
        let plain = number.replace(',', "");
        let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len());
        let decimals = i32::try_from(decimals).ok()?;
        Some((plain.parse::<f64>().ok()? * scale, scale * 10f64.powi(-decimals)))
    }

    proptest::proptest! {
        /// Any `f64` at all (NaN, ±∞, subnormals, −0 included) formats without a panic,
        /// and the text never shows NaN, inf or a negative zero.
        #[test]
        fn any_f64_formats_cleanly(
            v in proptest::num::f64::ANY,
            prev in proptest::num::f64::ANY,
            step in proptest::num::f64::ANY,
            precision in proptest::option::of(0u8..=20),
        ) {
            for base in [count("件"), money("CNY"), rate("件/万人"), pct()] {
                let u = Unit { precision, ..base };
                for style in [ZH, EN] {
                    let shown = value(Some(v), &u, style);
                    if v.is_finite() { assert_clean((v, u, style), &shown) } else { proptest::prop_assert_eq!(&shown, MISSING) }
                    let t = table(Some(v), &u, style);
                    if v.is_finite() { assert_clean((v, u, style), &t) }
                    for period in [Period::Year, Period::Other] {
                        assert_clean((v, prev, u, style), &change(Some(v), Some(prev), &u, period, style));
                    }
                    let _ = tick(v, step, &u, style);
                    for label in axis_ticks(&[0.0, v, step], step, &u, style) {
                        assert_clean((v, step, u, style), &label);
                    }
                }
            }
        }

        /// The magnitude survives formatting: read back, a prose figure is within half of
        /// its last shown digit of the value, in both languages, for either sign.
        #[test]
        fn prose_figures_round_trip_their_magnitude(mantissa in 1.0f64..10.0, exp in 0i32..15, negative: bool) {
            let v = if negative { -mantissa } else { mantissa } * 10f64.powi(exp);
            for u in [count(""), money("CNY"), fixed(count(""), 1), fixed(money("CNY"), 3)] {
                for style in [ZH, EN] {
                    let s = value(Some(v), &u, style);
                    let (back, unit_of_last_digit) = read_back(&s).expect("a number");
                    proptest::prop_assert!(
                        (back - v).abs() <= unit_of_last_digit / 2.0 * (1.0 + 1e-9) + v.abs() * 1e-12,
                        "{s:?} reads back as {back} for {v}"
                    );
                    proptest::prop_assert_eq!(back < 0.0, negative && back != 0.0, "{:?} for {}", s, v);
                }
            }
        }

        /// A change names its direction: a rise is 增长/up, a fall 下降/down, never a sign.
        #[test]
        fn changes_name_their_direction(cur in -1e9f64..1e9, prev in -1e9f64..1e9) {
            for style in [ZH, EN] {
                let s = change(Some(cur), Some(prev), &count(""), Period::Year, style);
                proptest::prop_assert!(!s.contains('-'), "{s:?}");
                let rel = (cur - prev) / prev.abs() * 100.0;
                if prev != 0.0 && rel >= 0.06 {
                    proptest::prop_assert!(s.contains("增长") || s.starts_with("up "), "{s:?} for {cur} after {prev}");
                } else if prev != 0.0 && rel <= -0.06 {
                    proptest::prop_assert!(s.contains("下降") || s.starts_with("down "), "{s:?} for {cur} after {prev}");
                }
            }
        }
    }
}
