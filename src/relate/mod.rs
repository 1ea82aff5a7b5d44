//! The relation layer: every way a figure could follow from other figures of its article.
//!
//! A [`Reading`] is one such way: a relation kind, the stated claim, the operand claims
//! with their roles, a [`Formula`], the value the formula derives (as an interval) and the
//! [`Evidence`] the text gives for it. Rules (`crate::rules`) propose readings; they never
//! decide. One resolver (`crate::resolve`) weighs them and gives each stated figure one
//! verdict. This module holds what every rule reads:
//!
//! * [`Context`]: the document, its claims and, per claim, [`Facts`] computed once (token
//!   window, clause, line, table cell or list item, noun stem, subject words, year);
//! * [`Formula`] and [`Reading::new`]: the arithmetic of a reading, evaluated once, here,
//!   on the figures as printed and on their rounding;
//! * [`frames`]: cue wordings that tie figures together; [`measure`]: same sort of thing?;
//!   [`evidence`]: features and the fitted confidence.

pub mod evidence;
pub mod frames;
pub mod level;
pub mod measure;
pub mod restated;
pub mod structure;
pub mod weights;

use crate::claim::{Claim, Kind};
use crate::document::Document;
use crate::finding::fmt_num;
use crate::interval::{Hedge, Value, Verdict};
use crate::tokens::TokenKind;
pub use evidence::Evidence;
use serde::Serialize;
use std::ops::Range;
use structure::{Cell, Structure};

/// What one claim's surroundings say, computed once per document.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Token indices the claim covers.
    pub tokens: Range<usize>,
    /// Clause index of its first token.
    pub clause: u32,
    /// 0-based line of the text it starts on.
    pub line: usize,
    /// True when it sits in the headline (the first line, when that line is a title).
    pub headline: bool,
    /// Its table cell, when it sits in a table.
    pub cell: Option<Cell>,
    /// (list, item) when it sits in a bullet list.
    pub item: Option<(usize, usize)>,
    /// Stem of its counted noun (counts) or of the noun it is a figure of (money,
    /// percentages).
    pub noun: Option<String>,
    /// Stems of the content words before it in its sentence, nearest first (at most 8).
    pub subject: Vec<String>,
    /// Stems of the content words of its own clause, before and after it (at most 10).
    pub clause_words: Vec<String>,
    /// A year named in its clause (the nearest one), for telling periods apart.
    pub year: Option<u16>,
    /// First token index of its sentence window before it ([`frames::before`]).
    pub before_from: usize,
    /// One past the last token index of its sentence window after it ([`frames::after`]).
    pub after_to: usize,
}

/// What a rule sees: the document, its claims, and the facts of each claim.
pub struct Context<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Its claims, in text order.
    pub claims: &'a [Claim],
    /// Facts of each claim, by index (same order as `claims`).
    pub facts: Vec<Facts>,
    /// Lists, tables and the headline.
    pub structure: Structure,
    /// The article's key figures, by index: in its headline or opening sentences, or
    /// stated more than once. A share, an average or a change may rest on one of them
    /// however far off ("its 11,260 students", a population, a budget).
    pub key: Vec<usize>,
    /// The change cues of each claim ([`frames::ChangeCues`]), read the first time a rule
    /// asks: a claim is an end of many candidate changes.
    cues: Vec<std::sync::OnceLock<frames::ChangeCues>>,
    /// The dimension of each claim ([`measure::dimension`]), by index.
    dims: Vec<Option<measure::Dim<'a>>>,
    /// Each claim's subject stems and clause stems as numbers, one per distinct stem of
    /// the document, for comparing them without comparing strings.
    subject_ids: Vec<Vec<u32>>,
    clause_ids: Vec<Vec<u32>>,
    /// Bit `id % 64` of each subject stem of each claim: claims whose masks share no bit
    /// share no stem ([`Context::shared_subject`]).
    subject_masks: Vec<u64>,
    /// The usable claims of each dimension (no dimension included), in text order, for
    /// counting the figures between two claims ([`Context::intervening`]).
    by_dim: Vec<(Option<measure::Dim<'a>>, Vec<usize>)>,
    /// [`is_plain`] of each claim, by index: rules ask it of every candidate operand.
    plain: Vec<bool>,
}

/// Numbers for the stems of one document: equal stems, equal numbers.
#[derive(Default)]
struct StemIds<'s>(rustc_hash::FxHashMap<&'s str, u32>);

impl<'s> StemIds<'s> {
    fn of(&mut self, words: &'s [String]) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                let next = self.0.len() as u32;
                *self.0.entry(w.as_str()).or_insert(next)
            })
            .collect()
    }
}

/// How many claims before and after a claim a rule may pair it with.
pub const MAX_NEIGHBOURS: usize = 60;

/// Words that carry no subject.
fn content_word(w: &str) -> bool {
    w.len() > 2 && !crate::extract::context::is_stop(w)
}

impl<'a> Context<'a> {
    /// Read the facts of every claim of a document.
    pub fn new(doc: &'a Document, claims: &'a [Claim]) -> Self {
        let structure = Structure::new(doc, claims);
        let toks = &doc.tokens;
        let mut facts = Vec::with_capacity(claims.len());
        for (i, c) in claims.iter().enumerate() {
            let span = crate::Report::text_span(c);
            let tokens = toks.covering(span.start..span.end);
            let first = toks.get(tokens.start);
            let clause = first.map_or(0, |t| t.clause);
            let sentence = first.map_or(0, |t| t.sentence);
            let mut subject = Vec::new();
            let mut k = tokens.start;
            while k > 0 && subject.len() < 8 {
                k -= 1;
                let Some(t) = toks.get(k) else { break };
                if t.sentence != sentence {
                    break;
                }
                if t.kind == TokenKind::Word {
                    let w = toks.lower(t);
                    if content_word(w) {
                        subject.push(measure::stem(w));
                    }
                }
            }
            let noun = match c.kind {
                Kind::Count => c.unit.as_deref(),
                _ => c.noun.as_deref(),
            }
            .map(|n| measure::stem(n.rsplit(' ').next().unwrap_or(n)));
            let year = Self::clause_year(doc, tokens.clone(), clause);
            let mut clause_words = Vec::new();
            let mut k = tokens.start;
            while k > 0 && clause_words.len() < 6 {
                k -= 1;
                let Some(t) = toks.get(k) else { break };
                if t.clause != clause {
                    break;
                }
                let w = toks.lower(t);
                if t.kind == TokenKind::Word && content_word(w) {
                    clause_words.push(measure::stem(w));
                }
            }
            let mut k = tokens.end;
            while clause_words.len() < 10 {
                let Some(t) = toks.get(k) else { break };
                if t.clause != clause {
                    break;
                }
                let w = toks.lower(t);
                if t.kind == TokenKind::Word && content_word(w) {
                    clause_words.push(measure::stem(w));
                }
                k += 1;
            }
            let (before_from, after_to) = frames::window(toks.all(), &tokens);
            let line = doc.line_of(span.start).saturating_sub(1);
            facts.push(Facts {
                before_from,
                after_to,
                line,
                headline: structure.headline_line == Some(line),
                cell: structure.cell_of(i),
                item: structure.item_of(i),
                tokens,
                clause,
                noun,
                subject,
                clause_words,
                year,
            });
        }
        let key = key_figures(claims, &facts);
        let mut ids = StemIds::default();
        let subject_ids: Vec<Vec<u32>> = facts.iter().map(|f| ids.of(&f.subject)).collect();
        let clause_ids = facts.iter().map(|f| ids.of(&f.clause_words)).collect();
        drop(ids);
        let subject_masks = subject_ids
            .iter()
            .map(|v| v.iter().fold(0u64, |m, id| m | 1 << (id % 64)))
            .collect();
        let dims: Vec<Option<measure::Dim<'a>>> = claims.iter().map(measure::dimension).collect();
        let mut by_dim: Vec<(Option<measure::Dim<'a>>, Vec<usize>)> = Vec::new();
        for ((k, c), d) in claims.iter().enumerate().zip(dims.iter()) {
            if !c.usable() {
                continue;
            }
            match by_dim.iter_mut().find(|(x, _)| x == d) {
                Some((_, list)) => list.push(k),
                None => by_dim.push((*d, vec![k])),
            }
        }
        Context {
            plain: claims.iter().map(is_plain).collect(),
            subject_ids,
            clause_ids,
            subject_masks,
            by_dim,
            doc,
            claims,
            facts,
            structure,
            key,
            cues: (0..claims.len()).map(|_| std::sync::OnceLock::new()).collect(),
            dims,
        }
    }

    /// Key figures of one dimension as `c`, other than `i` itself.
    pub fn key_like(&self, i: usize, accept: impl Fn(usize) -> bool) -> Vec<usize> {
        let Some(c) = self.claim(i) else { return Vec::new() };
        self.key
            .iter()
            .copied()
            .filter(|&k| k != i && self.claim(k).is_some_and(|x| measure::same_dimension(x, c)) && accept(k))
            .take(MAX_KEY)
            .collect()
    }

    /// The year token nearest a claim within its clause.
    fn clause_year(doc: &Document, tokens: Range<usize>, clause: u32) -> Option<u16> {
        let toks = &doc.tokens;
        let year_at = |k: usize| {
            toks.get(k)
                .filter(|t| t.kind == TokenKind::Number && t.clause == clause)
                .and_then(|t| toks.lower(t).parse::<u16>().ok())
                .filter(|y| (1900..=2100).contains(y))
        };
        for d in 1..=12 {
            if let Some(y) = tokens.end.checked_add(d - 1).and_then(year_at) {
                return Some(y);
            }
            if let Some(y) = tokens.start.checked_sub(d).and_then(year_at) {
                return Some(y);
            }
        }
        None
    }

    /// The facts of claim `i`.
    pub fn fact(&self, i: usize) -> &Facts {
        static EMPTY: std::sync::LazyLock<Facts> = std::sync::LazyLock::new(Facts::default);
        // The fallback is forced only when asked for: every rule reads facts in its loops.
        self.facts.get(i).unwrap_or_else(|| &EMPTY)
    }

    /// The change cues of claim `i`, read once.
    pub fn cues(&self, i: usize) -> frames::ChangeCues {
        match self.cues.get(i) {
            Some(cell) => *cell.get_or_init(|| frames::ChangeCues::of(self, i)),
            None => frames::ChangeCues::of(self, i),
        }
    }

    /// [`is_plain`] of claim `i`, computed once; false past the end.
    pub fn plain(&self, i: usize) -> bool {
        self.plain.get(i).copied().unwrap_or(false)
    }

    /// The dimension of claim `i` ([`measure::dimension`]), computed once.
    pub fn dim(&self, i: usize) -> Option<measure::Dim<'a>> {
        self.dims.get(i).copied().flatten()
    }

    /// Claim `i`.
    pub fn claim(&self, i: usize) -> Option<&'a Claim> {
        self.claims.get(i)
    }

    /// Indices of the claims within `window` sentences of claim `i` and at most
    /// [`MAX_NEIGHBOURS`] claims away on either side: a binary search, so that pairing
    /// stays linear in the length of a document, however long its sentences.
    pub fn near(&self, i: usize, window: usize) -> Range<usize> {
        let Some(c) = self.claims.get(i) else {
            return 0..0;
        };
        let lo = c.sentence.saturating_sub(window);
        let hi = c.sentence.saturating_add(window);
        let a = self
            .claims
            .partition_point(|o| o.sentence < lo)
            .max(i.saturating_sub(MAX_NEIGHBOURS));
        let b = self
            .claims
            .partition_point(|o| o.sentence <= hi)
            .min(i.saturating_add(MAX_NEIGHBOURS + 1));
        a..b.max(a)
    }

    /// The index of the claim that starts at a byte offset of the text, if any.
    pub fn claim_at(&self, start: usize) -> Option<usize> {
        let i = self
            .claims
            .partition_point(|c| crate::Report::text_span(c).start < start);
        self.claims
            .get(i)
            .filter(|c| crate::Report::text_span(c).start == start)
            .map(|_| i)
    }

    /// True for a figure on a total's table row or list item ("Total: 18,055 votes",
    /// "Total  26,310"): the row's label, or the item's words before the figure (up to a
    /// colon), name a total.
    pub fn on_total_line(&self, k: usize) -> bool {
        let f = self.fact(k);
        if let Some(cell) = f.cell {
            return self
                .doc
                .tables
                .get(cell.table)
                .and_then(|t| t.rows.get(cell.row))
                .is_some_and(|r| crate::table::is_total_label(&r.label));
        }
        let Some((list, item)) = f.item else { return false };
        let Some(range) = self.structure.lists.get(list).and_then(|l| l.items.get(item)) else {
            return false;
        };
        let start = self
            .claim(k)
            .map_or(range.start, |x| crate::Report::text_span(x).start);
        let label = self
            .doc
            .text
            .get(range.start..start.max(range.start))
            .unwrap_or("");
        let label = label.trim_start().trim_start_matches(structure::BULLETS);
        let label = label.split(':').next().unwrap_or(label);
        crate::table::is_total_label(label.trim())
    }

    /// Sentence distance between two claims.
    pub fn sentences_apart(&self, a: usize, b: usize) -> usize {
        match (self.claims.get(a), self.claims.get(b)) {
            (Some(x), Some(y)) => x.sentence.abs_diff(y.sentence),
            _ => usize::MAX,
        }
    }

    /// True when two claims are in one clause.
    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        self.fact(a).clause == self.fact(b).clause
    }

    /// How many subject stems two claims share.
    pub fn shared_subject(&self, a: usize, b: usize) -> usize {
        let mask = |i: usize| self.subject_masks.get(i).copied().unwrap_or(0);
        if mask(a) & mask(b) == 0 {
            return 0;
        }
        let ids = |i: usize| self.subject_ids.get(i).map_or(&[][..], Vec::as_slice);
        let (x, y) = (ids(a), ids(b));
        let mut n = 0;
        for (k, w) in y.iter().enumerate() {
            if x.contains(w) && !y.get(..k).is_some_and(|p| p.contains(w)) {
                n += 1;
            }
        }
        n
    }
}

/// An empty vector for a rule's readings, with room for `per_claim` readings per figure
/// of the document: a rule that proposes several per figure would otherwise copy them
/// all (some 500 bytes each) at every growth.
pub fn readings_for(cx: &Context, per_claim: usize) -> Vec<Reading> {
    Vec::with_capacity(cx.claims.len().saturating_mul(per_claim))
}

/// How many candidate operands a rule looks at for one role.
pub const MAX_CANDIDATES: usize = 16;

/// How many key figures an article keeps.
pub const MAX_KEY: usize = 24;

/// The key figures of an article: plain figures in its headline or first three sentences,
/// and figures whose digits it prints more than once; at most [`MAX_KEY`], in text order.
fn key_figures(claims: &[Claim], facts: &[Facts]) -> Vec<usize> {
    let digits = |c: &Claim| -> String {
        c.text
            .chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == '.')
            .collect()
    };
    let mut seen: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for c in claims.iter().filter(|c| is_plain(c)) {
        *seen.entry(digits(c)).or_default() += 1;
    }
    let mut out = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if !is_plain(c) || !matches!(c.kind, Kind::Count | Kind::Money) {
            continue;
        }
        let early = facts.get(i).is_some_and(|f| f.headline) || c.sentence < 3;
        let repeated = seen.get(&digits(c)).is_some_and(|n| *n >= 2) && digits(c).len() >= 3;
        if early || repeated {
            out.push(i);
            if out.len() >= MAX_KEY {
                break;
            }
        }
    }
    out
}

impl Context<'_> {
    /// Claims within `window` sentences of claim `i` (not `i` itself) that `accept`
    /// takes, nearest first (by sentence, then by position), at most `cap` of them.
    pub fn candidates(
        &self,
        i: usize,
        window: usize,
        cap: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let Some(c) = self.claims.get(i) else {
            return Vec::new();
        };
        let pos = crate::Report::text_span(c).start;
        // Each candidate with its key, computed once; the claims come in text order, so
        // sorting (key, index) orders ties by position as a stable sort by key would.
        let mut keyed: Vec<((usize, usize), usize)> = self
            .near(i, window)
            .filter(|&k| k != i && accept(k))
            .map(|k| {
                let o = self.claims.get(k);
                let key = (
                    o.map_or(usize::MAX, |o| o.sentence.abs_diff(c.sentence)),
                    o.map_or(usize::MAX, |o| crate::Report::text_span(o).start.abs_diff(pos)),
                );
                (key, k)
            })
            .collect();
        keyed.sort_unstable();
        keyed.truncate(cap);
        keyed.into_iter().map(|(_, k)| k).collect()
    }

    /// The noun stem a claim's per-unit names ("per agent" → "agent").
    pub fn per_noun(&self, i: usize) -> Option<String> {
        self.claim(i)?.per.as_deref().map(measure::stem)
    }

    /// The evidence every reading shares: reach, structure, subject words, headline and
    /// hedge fit of its operands. Rules add their cue frames, nouns and times.
    pub fn base_evidence(&self, stated: usize, operands: &[usize]) -> Evidence {
        let mut e = Evidence::default();
        let n = operands.len().max(1) as f64;
        let Some(s) = self.claim(stated) else { return e };
        let sf = self.fact(stated);
        let mut max_d = 0;
        let mut max_p = 0;
        let mut subject = 0.0;
        let mut structured = 0usize;
        let mut misfit = 0usize;
        for &o in operands {
            let Some(c) = self.claim(o) else { continue };
            let of = self.fact(o);
            if of.clause == sf.clause {
                e.same_clause += 1.0 / n;
            }
            if c.sentence == s.sentence {
                e.same_sentence += 1.0 / n;
            }
            subject += (self.shared_subject(stated, o).min(3) as f64 / 3.0) / n;
            let same_table = matches!((of.cell, sf.cell), (Some(a), Some(b)) if a.table == b.table);
            let same_list = matches!((of.item, sf.item), (Some(a), Some(b)) if a.0 == b.0);
            if same_table || same_list {
                structured += 1;
            } else {
                // Items of one list or cells of one table are one block, however many
                // lines it takes: reach counts only figures outside the stated one's.
                max_d = max_d.max(c.sentence.abs_diff(s.sentence));
                max_p = max_p.max(c.paragraph.abs_diff(s.paragraph));
            }
            if matches!(c.hedge, Hedge::LowerBound | Hedge::UpperBound) {
                misfit += 1;
            }
            if of.headline {
                e.headline = 1.0;
            }
        }
        if sf.headline {
            e.headline = 1.0;
        }
        e.clause_subject = self.clause_subject(stated, operands);
        e.intervening = evidence::log_scaled(self.intervening(stated, operands), 16.0);
        e.distance = evidence::log_scaled(max_d, 64.0);
        e.paragraphs = evidence::log_scaled(max_p, 16.0);
        e.subject = subject;
        e.structure = structured as f64 / n;
        e.hedge_misfit = misfit as f64 / n;
        e
    }

    /// Share of the stated figure's clause words (up to four nearest) found in the clauses
    /// of its operands that sit in other clauses; 1 when every operand shares its clause.
    fn clause_subject(&self, stated: usize, operands: &[usize]) -> f64 {
        let sf = self.fact(stated);
        let ids = |i: usize| self.clause_ids.get(i).map_or(&[][..], Vec::as_slice);
        let all_own = ids(stated);
        let own = all_own.get(..all_own.len().min(4)).unwrap_or(all_own);
        let others = operands
            .iter()
            .copied()
            .filter(|&o| self.fact(o).clause != sf.clause);
        let n_others = others.clone().count();
        if n_others == 0 {
            return 1.0;
        }
        if own.is_empty() {
            return 0.0;
        }
        let mut total = 0.0;
        for o in others {
            let words = ids(o);
            let hit = own.iter().filter(|w| words.contains(w)).count();
            total += hit as f64 / own.len() as f64;
        }
        total / n_others as f64
    }

    /// Figures of the stated figure's dimension between it and its nearest operand.
    fn intervening(&self, stated: usize, operands: &[usize]) -> usize {
        if self.claim(stated).is_none() {
            return 0;
        }
        let dim = self.dim(stated);
        let Some(&nearest) = operands.iter().min_by_key(|&&o| o.abs_diff(stated)) else {
            return 0;
        };
        let (a, b) = if nearest < stated {
            (nearest + 1, stated)
        } else {
            (stated + 1, nearest)
        };
        // The usable figures of that dimension in a..b, less the operands among them
        // (each once): binary searches in the list of the dimension's figures.
        let Some((_, list)) = self.by_dim.iter().find(|(d, _)| *d == dim) else {
            return 0;
        };
        let inside = list
            .partition_point(|&k| k < b)
            .saturating_sub(list.partition_point(|&k| k < a));
        let operands_inside = operands
            .iter()
            .enumerate()
            .filter(|&(j, o)| {
                (a..b).contains(o)
                    && !operands.get(..j).is_some_and(|p| p.contains(o))
                    && list.binary_search(o).is_ok()
            })
            .count();
        inside.saturating_sub(operands_inside)
    }

    /// Set the noun features of a reading from pairs of noun stems that should agree.
    pub fn noun_evidence(e: &mut Evidence, pairs: &[(Option<&str>, Option<&str>)]) {
        let n = pairs.len().max(1) as f64;
        let (mut same, mut unknown, mut clash) = (0.0, 0.0, 0.0);
        for (a, b) in pairs {
            match measure::noun_fit(*a, *b) {
                measure::NounFit::Same | measure::NounFit::Synonym => same += 1.0,
                measure::NounFit::Unknown => unknown += 1.0,
                measure::NounFit::Different => clash += 1.0,
            }
        }
        e.noun_same = same / n;
        e.noun_unknown = unknown / n;
        e.noun_clash = clash / n;
    }

    /// The noun stem of claim `i`, unless it was inferred from another sentence.
    pub fn own_noun(&self, i: usize) -> Option<&str> {
        let c = self.claim(i)?;
        if c.unit_inferred {
            return None;
        }
        self.fact(i).noun.as_deref()
    }

    /// The noun stem of claim `i`, inferred or not.
    pub fn noun(&self, i: usize) -> Option<&str> {
        self.fact(i).noun.as_deref()
    }
}

/// The value of a figure as an input of arithmetic: its interval, except that a count of
/// things written out to its last unit ("152 firefighters", "1,273,885 people") is exact:
/// there is no 152.4th firefighter.
pub fn value_of(c: &Claim) -> Value {
    let v = c.value;
    let whole = v.nominal.fract() == 0.0 && (v.high - v.low - 1.0).abs() < 1e-9;
    let plain_count = c.per.is_none() && c.per_count.is_none() && !c.average;
    if c.kind == Kind::Count && c.hedge == Hedge::Exact && whole && plain_count {
        Value::point(v.nominal)
    } else {
        v
    }
}

/// Two figures compared in one relation, each given the finer precision of the pair when
/// both are unhedged, of the same order of magnitude and written in one scale: "$170
/// million" beside "$188 million" is precise to the million, but "$1.13bn" beside "$639m"
/// is still precise only to its ten millions.
pub fn sharpen_pair(a: &Claim, b: &Claim) -> (Value, Value) {
    let (va, vb) = (value_of(a), value_of(b));
    let unit_of = |c: &Claim, v: &Value| (c.hedge == Hedge::Exact).then_some(v.high - v.low);
    let (ua, ub) = (unit_of(a, &va), unit_of(b, &vb));
    let ratio = (va.nominal / vb.nominal).abs();
    let comparable =
        ratio.is_finite() && (0.1..=10.0).contains(&ratio) && scale_word(&a.text) == scale_word(&b.text);
    match (ua, ub) {
        (Some(x), Some(y)) if comparable && x != y => {
            let u = x.min(y);
            let tight = |v: Value| Value::new(v.nominal, v.nominal - u / 2.0, v.nominal + u / 2.0);
            (tight(va), tight(vb))
        }
        _ => (va, vb),
    }
}

/// The power of ten a figure's scale word names ("$1.13bn" → 9, "$639m" → 6), if any.
fn scale_word(text: &str) -> Option<u8> {
    // The last run of ASCII letters, lower-cased on the stack: every pair of figures a
    // rule compares asks, and no scale word is longer than this.
    let word = text
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())?;
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"k" | b"thousand" => Some(3),
        b"m" | b"mn" | b"mln" | b"million" | b"millions" => Some(6),
        b"b" | b"bn" | b"billion" | b"billions" => Some(9),
        b"tn" | b"trillion" | b"trillions" => Some(12),
        _ => None,
    }
}

/// The kinds of relation between figures (DESIGN.md, "Relations").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A ÷ B, per unit or per N.
    Ratio,
    /// Percent changes one after another, compounded (or one net of another).
    Compound,
    /// count × per-unit = total.
    Product,
    /// part ÷ whole.
    Share,
    /// (new − old) ÷ old.
    PercentChange,
    /// new − old for percentages, in points.
    PointChange,
    /// new − old.
    AbsoluteChange,
    /// new ÷ old as "doubled", "three times".
    Multiplier,
    /// parts add up to a whole.
    Sum,
    /// a day ↔ a year.
    Rate,
    /// the same measure stated twice.
    Repeat,
    /// "the largest", "ranked first".
    Ordering,
    /// A relation written in a user rule file.
    Custom,
}

impl Relation {
    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Ratio => "ratio",
            Relation::Compound => "compound_change",
            Relation::Product => "product",
            Relation::Share => "share",
            Relation::PercentChange => "percent_change",
            Relation::PointChange => "point_change",
            Relation::AbsoluteChange => "absolute_change",
            Relation::Multiplier => "multiplier",
            Relation::Sum => "sum",
            Relation::Rate => "rate",
            Relation::Repeat => "repeat",
            Relation::Ordering => "ordering",
            Relation::Custom => "custom",
        }
    }
}

/// Which way a change went, as its sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// rose, up, increase, jumped…
    Up,
    /// fell, down, decrease, fewer…
    Down,
    /// The sentence does not say.
    Unknown,
}

/// The arithmetic of a reading, over its operands in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Formula {
    /// operand 0 ÷ operand 1 × scale ("per 1,000" → scale 1,000).
    Ratio(f64),
    /// The product of every operand, times a constant.
    Product(f64),
    /// operand 0 ÷ operand 1 × 100 (a percentage).
    Share,
    /// operand 0 (a percentage) × operand 1 ÷ 100: the part a share of a whole is.
    PartOf,
    /// (operand 1 − operand 0) ÷ operand 0 × 100, signed by the direction.
    PercentChange(Direction),
    /// operand 1 − operand 0, signed by the direction.
    Difference(Direction),
    /// operand 1 ÷ operand 0.
    Multiplier,
    /// The sum of every operand.
    Sum,
    /// operand 0 − the sum of the others.
    Remainder,
    /// operand 0 × a constant (a rate over another period).
    Scale(f64),
    /// operand 0 itself.
    Same,
    /// The largest operand: the stated figure must be at least that.
    AtLeastMax,
    /// The smallest operand: the stated figure must be at most that.
    AtMostMin,
    /// Successive percent changes compounded: ((1 + a/100)(1 + b/100)… − 1) × 100.
    Compound,
    /// A percent change net of another (a "real" change after inflation):
    /// ((1 + a/100) ÷ (1 + b/100) − 1) × 100.
    Deflate,
    /// A value computed by the rule itself (a user rule's expression), compared with the
    /// stated figure as the comparison says.
    Given(Compare),
}

/// How a user rule compares the stated figure with its derived value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// About equal, within rounding (and the rule's tolerance).
    Equal,
    /// At most.
    AtMost,
    /// Less than.
    Less,
    /// At least.
    AtLeast,
    /// More than.
    More,
}

impl Formula {
    /// Evaluate on operand values; `None` when it divides by zero or has too few operands.
    pub fn eval(&self, v: &[Value]) -> Option<Value> {
        let first = *v.first()?;
        let second = v.get(1).copied();
        let out = match *self {
            Formula::Ratio(scale) => first.checked_div(second?)?.scale(scale),
            Formula::Product(k) => v.iter().skip(1).fold(first, |acc, x| acc.times(*x)).scale(k),
            Formula::Share => first.checked_div(second?)?.scale(100.0),
            Formula::PartOf => first.times(second?).scale(0.01),
            Formula::PercentChange(d) => {
                let s = second?.minus(first).checked_div(first)?.scale(100.0);
                signed(s, d)
            }
            Formula::Difference(d) => signed(second?.minus(first), d),
            Formula::Multiplier => second?.checked_div(first)?,
            Formula::Sum => v.iter().skip(1).fold(first, |acc, x| acc.plus(*x)),
            Formula::Remainder => v.iter().skip(1).fold(first, |acc, x| acc.minus(*x)),
            Formula::Scale(k) => first.scale(k),
            Formula::Same => first,
            Formula::AtLeastMax => *v.iter().max_by(|a, b| a.nominal.total_cmp(&b.nominal))?,
            Formula::AtMostMin => *v.iter().min_by(|a, b| a.nominal.total_cmp(&b.nominal))?,
            Formula::Compound => v
                .iter()
                .map(|x| x.scale(0.01).plus(Value::point(1.0)))
                .reduce(|acc, x| acc.times(x))?
                .minus(Value::point(1.0))
                .scale(100.0),
            Formula::Deflate => first
                .scale(0.01)
                .plus(Value::point(1.0))
                .checked_div(second?.scale(0.01).plus(Value::point(1.0)))?
                .minus(Value::point(1.0))
                .scale(100.0),
            Formula::Given(_) => return None,
        };
        out.is_finite().then_some(out)
    }

    /// The formula written out over the operands' printed values: "7,400,000 ÷ 6,000".
    pub fn render(&self, v: &[f64]) -> String {
        let n = |k: usize| v.get(k).map_or("?".to_string(), |x| fmt_num(*x));
        let all = |sep: &str| v.iter().map(|x| fmt_num(*x)).collect::<Vec<_>>().join(sep);
        match *self {
            Formula::Ratio(scale) if scale != 1.0 => format!("{} ÷ {} × {}", n(0), n(1), fmt_num(scale)),
            Formula::Ratio(_) => format!("{} ÷ {}", n(0), n(1)),
            // "240,000 × 0.62 ÷ 100": a rate over a base divides by the base.
            Formula::Product(k) if k > 0.0 && k < 1.0 && (1.0 / k - (1.0 / k).round()).abs() < 1e-9 => {
                format!("{} ÷ {}", all(" × "), fmt_num((1.0 / k).round()))
            }
            Formula::Product(k) if k != 1.0 => format!("{} × {}", all(" × "), fmt_num(k)),
            Formula::Product(_) => all(" × "),
            Formula::Share => format!("{} ÷ {} × 100", n(0), n(1)),
            Formula::PartOf => format!("{}% × {}", n(0), n(1)),
            Formula::PercentChange(d) if falls(d, v) => format!("({} − {}) ÷ {} × 100", n(0), n(1), n(0)),
            Formula::PercentChange(_) => format!("({} − {}) ÷ {} × 100", n(1), n(0), n(0)),
            Formula::Difference(d) if falls(d, v) => format!("{} − {}", n(0), n(1)),
            Formula::Difference(_) => format!("{} − {}", n(1), n(0)),
            Formula::Multiplier => format!("{} ÷ {}", n(1), n(0)),
            Formula::Sum => all(" + "),
            Formula::Remainder => all(" − "),
            // "÷ 12", "÷ 365.25": a rate over a shorter period reads as a division.
            Formula::Scale(k) if k > 0.0 && k < 1.0 => format!("{} ÷ {}", n(0), fmt_num(1.0 / k)),
            Formula::Scale(k) => format!("{} × {}", n(0), fmt_num(k)),
            Formula::Same => n(0),
            Formula::AtLeastMax => format!("max({})", all(", ")),
            Formula::AtMostMin => format!("min({})", all(", ")),
            Formula::Compound => format!(
                "({} − 1) × 100",
                v.iter()
                    .map(|x| format!("(1 + {}%)", fmt_num(*x)))
                    .collect::<Vec<_>>()
                    .join(" × ")
            ),
            Formula::Deflate => format!("((1 + {}%) ÷ (1 + {}%) − 1) × 100", n(0), n(1)),
            Formula::Given(_) => all(", "),
        }
    }

    /// True for formulas that compare by order rather than by equality.
    pub fn is_order(&self) -> bool {
        matches!(self, Formula::AtLeastMax | Formula::AtMostMin)
    }
}

/// True when a change is written out as before − after, so that the formula a reader sees
/// gives the value [`signed`] computes: a fall, or a change of unknown direction whose
/// value went down.
fn falls(d: Direction, v: &[f64]) -> bool {
    match d {
        Direction::Up => false,
        Direction::Down => true,
        Direction::Unknown => matches!((v.first(), v.get(1)), (Some(before), Some(after)) if after < before),
    }
}

fn signed(v: Value, d: Direction) -> Value {
    match d {
        Direction::Up => v,
        Direction::Down => v.scale(-1.0),
        Direction::Unknown => magnitude(v),
    }
}

/// The interval of |x|.
pub fn magnitude(v: Value) -> Value {
    if v.low >= 0.0 {
        v
    } else if v.high <= 0.0 {
        v.scale(-1.0)
    } else {
        Value::new(v.nominal.abs(), 0.0, v.high.max(-v.low))
    }
}

/// One operand of a reading: a claim and the part it plays.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operand {
    /// Index of the claim in the document's claims.
    #[serde(skip)]
    pub claim: usize,
    /// The part it plays: "total", "count", "before", "after", "part", "whole"…
    pub role: &'static str,
    /// The value it enters the formula with (its interval, sharpened or signed as the
    /// rule read it).
    #[serde(skip)]
    pub value: Value,
}

/// One way a stated figure could follow from other figures.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Id of the rule that proposed it: a built-in rule's constant, or a user rule's id
    /// interned once (`claims_lang::intern`), so that proposing a reading allocates no id.
    pub rule: &'static str,
    /// The relation kind.
    pub relation: Relation,
    /// Index of the stated claim.
    pub stated: usize,
    /// The other claims, in the formula's order.
    pub operands: Vec<Operand>,
    /// The arithmetic.
    pub formula: Formula,
    /// The stated figure in the formula's terms (a fraction as a percentage).
    pub stated_value: Value,
    /// The value the formula derives from the operands as printed, as an interval over
    /// their rounding and hedges.
    pub derived: Value,
    /// The same, with each input's rounding capped at [`BORDERLINE_CAP`] of its value:
    /// what decides between borderline and contradicted.
    pub derived_tight: Value,
    /// What the text says for this reading.
    pub evidence: Evidence,
    /// A classic slip that reproduces the stated figure exactly, named.
    pub slip: Option<String>,
    /// Other things the explanation must say ("the sentence says it fell").
    pub notes: Vec<String>,
    /// The unit of the derived value, for messages ("case per officer", "USD", "percent").
    pub unit: Option<String>,
    /// Set by the resolver.
    pub verdict: Verdict,
    /// Set by the resolver: how likely this reading is the one the writer meant.
    pub confidence: f64,
    /// The arithmetic as the rule wrote it, for formulas the rule evaluated itself.
    pub written: Option<String>,
}

/// Largest share of its own value that an input's rounding may move it when telling a
/// borderline miss from a contradiction: "10,000 students" is not read as 5,000–15,000
/// there. A figure printed to one significant digit is rarely more than 5% off what it
/// rounds.
pub const BORDERLINE_CAP: f64 = 0.05;

/// A value with its half-width capped at [`BORDERLINE_CAP`] of its nominal value.
pub fn capped(v: Value) -> Value {
    let cap = BORDERLINE_CAP * v.nominal.abs();
    let low = v.low.max(v.nominal - cap);
    let high = v.high.min(v.nominal + cap);
    Value {
        low: low.min(v.nominal),
        high: high.max(v.nominal),
        ..v
    }
}

impl Reading {
    /// A reading of `formula` over the given operands, each with its value: the derived
    /// value is evaluated here, once, on the printed figures and on their rounding.
    /// `None` when the formula cannot be evaluated (division by zero, overflow).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        rule: &'static str,
        relation: Relation,
        stated: usize,
        stated_value: Value,
        operands: Vec<(usize, &'static str, Value)>,
        formula: Formula,
        evidence: Evidence,
    ) -> Option<Reading> {
        // The values on the stack: a reading has a handful of operands, and the rules
        // propose hundreds of readings per article.
        const ON_STACK: usize = 16;
        let (derived, derived_tight) = if operands.len() <= ON_STACK {
            let mut values = [Value::point(0.0); ON_STACK];
            let mut tight = [Value::point(0.0); ON_STACK];
            for ((v, t), (_, _, x)) in values.iter_mut().zip(tight.iter_mut()).zip(operands.iter()) {
                *v = *x;
                *t = capped(*x);
            }
            let n = operands.len();
            let derived = formula.eval(values.get(..n)?)?;
            (derived, formula.eval(tight.get(..n)?)?)
        } else {
            let values: Vec<Value> = operands.iter().map(|(_, _, v)| *v).collect();
            let derived = formula.eval(&values)?;
            let tight_inputs: Vec<Value> = values.iter().map(|v| capped(*v)).collect();
            (derived, formula.eval(&tight_inputs)?)
        };
        Some(Reading {
            rule,
            relation,
            stated,
            operands: operands
                .into_iter()
                .map(|(claim, role, value)| Operand { claim, role, value })
                .collect(),
            formula,
            stated_value,
            derived,
            derived_tight,
            evidence,
            slip: None,
            notes: Vec::new(),
            unit: None,
            verdict: Verdict::Unverifiable,
            confidence: 0.0,
            written: None,
        })
    }

    /// A reading whose derived value the rule computed itself (a user rule's expression).
    #[allow(clippy::too_many_arguments)]
    pub fn given(
        rule: &'static str,
        stated: usize,
        stated_value: Value,
        operands: Vec<(usize, &'static str)>,
        derived: Value,
        compare: Compare,
        written: String,
        evidence: Evidence,
    ) -> Reading {
        Reading {
            rule,
            relation: Relation::Custom,
            stated,
            operands: operands
                .into_iter()
                .map(|(claim, role)| Operand {
                    claim,
                    role,
                    value: Value::point(0.0),
                })
                .collect(),
            formula: Formula::Given(compare),
            stated_value,
            derived,
            derived_tight: derived,
            evidence,
            slip: None,
            notes: Vec::new(),
            unit: None,
            verdict: Verdict::Unverifiable,
            confidence: 0.0,
            written: Some(written),
        }
    }

    /// With a named slip.
    pub fn with_slip(mut self, slip: Option<String>) -> Self {
        self.slip = slip;
        self
    }

    /// With the unit of the derived value.
    pub fn with_unit(mut self, unit: Option<String>) -> Self {
        self.unit = unit;
        self
    }

    /// With a note for the explanation.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Indices of every claim used, the stated one last.
    pub fn claim_indices(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.operands.iter().map(|o| o.claim).collect();
        v.push(self.stated);
        v
    }

    /// The verdict the arithmetic gives (DESIGN.md, "Values are intervals"):
    /// consistent when the derived value from the figures as printed falls inside the
    /// stated interval; borderline when it misses but the rounding of the inputs (each
    /// capped at [`BORDERLINE_CAP`]) or the edge of an open hedge reaches it;
    /// contradicted otherwise. Order formulas compare by order.
    pub fn judge(&self, tolerance: f64) -> Verdict {
        let s = self.stated_value.widen(tolerance);
        if self.formula.is_order() {
            return order_verdict(&s, &self.derived, self.formula == Formula::AtLeastMax);
        }
        if self.relation == Relation::Repeat {
            return repeat_verdict(&s, &self.derived, &self.derived_tight);
        }
        match self.formula {
            Formula::Given(Compare::AtMost | Compare::Less) => {
                return order_verdict(&s, &self.derived, false);
            }
            Formula::Given(Compare::AtLeast | Compare::More) => {
                return order_verdict(&s, &self.derived, true);
            }
            _ => {}
        }
        let v = crate::interval::verdict(&s, &self.derived, 0.0);
        if v == Verdict::Borderline && !s.overlaps(&self.derived_tight) {
            let x = self.derived.nominal;
            let eps = crate::interval::FLOAT_SLACK * x.abs().max(1.0);
            let on_edge =
                (s.low_open && (x - s.low).abs() <= eps) || (s.high_open && (x - s.high).abs() <= eps);
            if !on_edge {
                return Verdict::Contradicted;
            }
        }
        v
    }

    /// The formula over the operands' printed values.
    pub fn arithmetic(&self, cx: &Context) -> String {
        if let Some(w) = &self.written {
            return w.clone();
        }
        let _ = cx;
        let v: Vec<f64> = self.operands.iter().map(|o| o.value.nominal).collect();
        self.formula.render(&v)
    }
}

/// Two statements of one measure: consistent when either figure as printed lies inside
/// the other's interval ("7.4 million" inside "more than 7 million"), borderline when
/// their intervals only overlap, contradicted when even their capped rounding keeps them
/// apart.
fn repeat_verdict(a: &Value, b: &Value, b_tight: &Value) -> Verdict {
    let inside = |x: &Value, y: &Value| {
        let eps = crate::interval::FLOAT_SLACK * x.nominal.abs().max(1.0);
        x.nominal >= y.low - eps && x.nominal <= y.high + eps
    };
    if inside(a, b) || inside(b, a) {
        Verdict::Consistent
    } else if capped(*a).overlaps(b_tight) {
        Verdict::Borderline
    } else {
        Verdict::Contradicted
    }
}

/// "stated ≥ max" (or "stated ≤ min"): consistent when it holds as printed, contradicted
/// when no reading of the rounding lets it hold, borderline in between.
fn order_verdict(stated: &Value, bound: &Value, at_least: bool) -> Verdict {
    let (holds, impossible) = if at_least {
        (stated.nominal >= bound.nominal, stated.high < bound.low)
    } else {
        (stated.nominal <= bound.nominal, stated.low > bound.high)
    };
    if holds {
        Verdict::Consistent
    } else if impossible {
        Verdict::Contradicted
    } else {
        Verdict::Borderline
    }
}

/// True when a claim may be an input of arithmetic: usable, and neither a threshold
/// ("cities of more than 50,000"), a projection, nor the base of a rate.
pub fn is_input(c: &Claim) -> bool {
    c.usable()
        && !matches!(
            c.role,
            crate::claim::Role::Projection | crate::claim::Role::PerBase
        )
        && !vague_plural(&c.text)
}

/// "billions of messages", "thousands", "tens of millions": an order of magnitude, not a
/// figure anything can be computed from.
fn vague_plural(text: &str) -> bool {
    // Every word of the list starts with one of these letters, and a word equal to one
    // ignoring ASCII case starts with it in either case: most claims ("$5", "12%") are
    // told apart by their first byte, without splitting the text.
    let lead = text.trim_start().as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(lead, Some(b'd' | b'h' | b't' | b'm' | b'b')) {
        return false;
    }
    let first = text.split_whitespace().next().unwrap_or("");
    [
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "tens",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w))
}

/// A plain stated value: an input that is neither a change, an average nor a per-unit
/// figure.
pub fn is_plain(c: &Claim) -> bool {
    is_input(c)
        && c.role != crate::claim::Role::Change
        && c.per.is_none()
        && c.per_count.is_none()
        && !c.average
}

/// A level a change may run from or to: a plain value, or an average or a figure per unit
/// ("the average fare rose 8% to $2.70 from $2.50", "averaged 3,200 daily passengers,
/// up 450 from 2,750"), but no change and no rate per so many.
pub fn is_level(c: &Claim) -> bool {
    is_plain(c)
        || (is_input(c)
            && c.role != crate::claim::Role::Change
            && c.per_count.is_none()
            && (c.per.is_some() || c.average))
}

#[cfg(test)]
mod tests;
