//! Figures of a plain-text table whose caption gives a scale: under "Passengers by route
//! (millions of trips)" a cell "12.64" is 12,640,000 trips. The claim keeps its text and
//! span as printed; its value is scaled, and its noun is the caption's ("trip") when the
//! cell has none. The caption's own "millions of trips" is the table's unit, not a claim.

use crate::claim::{Claim, Kind};
use crate::document::Document;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static CAPTION_NOUN: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"(?i)(?-u:\b)(?:thousands|millions|billions)\s+of\s+([a-z]+)"));

/// "(Million Tonnes per Year)": a bracketed scale, the noun, and what it is per.
static CAPTION_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)\(\s*(?:thousand|million|billion)s?\s+([a-z]+)(?:\s+(?:per|a)\s+(day|week|month|year|hour))?\s*\)",
    )
});

/// Where a table's caption and header may be: up to four lines above its first row (as
/// `crate::table` reads them).
fn caption_range(text: &str, first_row: usize) -> Range<usize> {
    let before = text.get(..first_row).unwrap_or("");
    let mut start = first_row;
    for _ in 0..5 {
        match before.get(..start.saturating_sub(1)).and_then(|t| t.rfind('\n')) {
            Some(i) => start = i + 1,
            None => {
                start = 0;
                break;
            }
        }
    }
    start..first_row
}

/// The claims whose span lies inside `range`, as indices (claims are in text order).
fn claims_in(claims: &[Claim], range: &Range<usize>) -> Range<usize> {
    let from = claims.partition_point(|c| c.span.start < range.start);
    let to = claims.partition_point(|c| c.span.start < range.end);
    from..to.max(from)
}

/// True for a vague plural naming a unit: "millions", "millions of trips".
fn is_unit_label(c: &Claim) -> bool {
    let t = c.text.to_lowercase();
    ["thousands", "millions", "billions"]
        .iter()
        .any(|w| t == *w || t.starts_with(&format!("{w} of")))
}

/// Scale the figures of every table whose caption gives a scale, and drop the caption's
/// unit label ("millions of trips") from the claims.
pub fn apply_scales(doc: &Document, claims: &mut Vec<Claim>) {
    let text = doc.text.as_str();
    let mut labels: Vec<Range<usize>> = Vec::new();
    for table in doc
        .tables
        .iter()
        .filter(|t| t.scale != 1.0 && t.scale.is_finite())
    {
        let caption = caption_range(text, table.range.start);
        let caption_text = text.get(caption.clone()).unwrap_or("");
        let unit = CAPTION_UNIT.captures(caption_text);
        let noun = CAPTION_NOUN
            .captures(caption_text)
            .and_then(|c| c.get(1))
            .or_else(|| unit.as_ref().and_then(|c| c.get(1)))
            .map(|m| super::context::singular(&m.as_str().to_lowercase()));
        let per = unit
            .as_ref()
            .and_then(|c| c.get(2))
            .map(|m| m.as_str().to_lowercase());
        labels.push(caption);
        for cell in table.rows.iter().flat_map(|r| r.cells.iter().flatten()) {
            for k in claims_in(claims, cell) {
                let Some(c) = claims.get_mut(k) else { continue };
                // Only a figure as printed: no scale word, percent or year of its own.
                if !matches!(c.kind, Kind::Count | Kind::Money) || c.text.contains(char::is_alphabetic) {
                    continue;
                }
                c.value = c.value.scale(table.scale);
                match noun.as_deref() {
                    Some("dollar") if c.kind == Kind::Count => {
                        c.kind = Kind::Money;
                        c.unit = Some("USD".into());
                    }
                    Some(n) if c.unit.is_none() && c.kind == Kind::Count => {
                        c.unit = Some(n.to_string());
                        c.noun = Some(n.to_string());
                        c.unit_inferred = true;
                    }
                    _ => {}
                }
                if c.per.is_none() {
                    c.per.clone_from(&per);
                }
            }
        }
    }
    if !labels.is_empty() {
        claims.retain(|c| {
            !(is_unit_label(c)
                && labels
                    .iter()
                    .any(|r| r.start <= c.span.start && c.span.end <= r.end))
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::claim::Kind;
    use crate::document::Document;

    const T: &str = "Passengers by route (millions of trips)\n\nRoute           FY2022   FY2023   Change\nHarbor line      12.64    13.50    +6.8%\nHill shuttle      3.05     3.20    +4.9%\n\nTravel rose last year.";

    #[test]
    fn cells_take_the_caption_scale_and_noun() {
        let claims = crate::extract::extract(&Document::new(T));
        let cell = claims.iter().find(|c| c.text == "12.64");
        assert_eq!(cell.map(|c| c.kind), Some(Kind::Count));
        assert!(cell.is_some_and(|c| (c.value.nominal - 12_640_000.0).abs() < 1e-3));
        assert!(cell.is_some_and(|c| (c.value.low - 12_635_000.0).abs() < 1e-3));
        assert_eq!(cell.and_then(|c| c.unit.clone()), Some("trip".into()));
        // The span is the cell as printed.
        assert_eq!(cell.map(|c| &T[c.span.start..c.span.end]), Some("12.64"));
        // Percentages in the table are not scaled.
        let pct = claims.iter().find(|c| c.text == "+6.8%");
        assert!(pct.is_some_and(|c| (c.value.nominal - 6.8).abs() < 1e-9));
        // The caption's "millions of trips" is no claim.
        assert!(
            !claims
                .iter()
                .any(|c| c.text.to_lowercase().starts_with("millions"))
        );
    }

    #[test]
    fn a_bracketed_unit_gives_the_noun_and_what_it_is_per() {
        let t = "Season | Stocks (Million Tonnes per Year)\n2019 | 4.25\n2020 | 4.80\n2021 | 5.10\n";
        let claims = crate::extract::extract(&Document::new(t));
        let cell = claims.iter().find(|c| c.text == "4.80");
        assert!(cell.is_some_and(|c| (c.value.nominal - 4_800_000.0).abs() < 1e-3));
        assert_eq!(cell.and_then(|c| c.unit.clone()), Some("tonne".into()));
        assert_eq!(cell.and_then(|c| c.per.clone()), Some("year".into()));
    }

    #[test]
    fn money_captions_make_money() {
        let t = "Spending (millions of dollars)\n\nItem        2023     2024\nSchools    120.5    131.0\nRoads       44.2     47.9\n";
        let claims = crate::extract::extract(&Document::new(t));
        let cell = claims.iter().find(|c| c.text == "44.2");
        assert_eq!(cell.map(|c| c.kind), Some(Kind::Money));
        assert!(cell.is_some_and(|c| (c.value.nominal - 44_200_000.0).abs() < 1e-3));
    }

    #[test]
    fn unscaled_tables_are_left_alone() {
        let t = "Item        2023     2024\nSchools    120.5    131.0\nRoads       44.2     47.9\n";
        let claims = crate::extract::extract(&Document::new(t));
        assert!(
            claims
                .iter()
                .find(|c| c.text == "44.2")
                .is_some_and(|c| (c.value.nominal - 44.2).abs() < 1e-9)
        );
    }
}
