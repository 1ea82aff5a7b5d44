//! The resolver: one verdict per stated figure and rule, from every reading the rules
//! proposed (DESIGN.md, "One resolver decides").
//!
//! For each reading it computes the verdict its arithmetic gives, fills in the arithmetic
//! evidence (fits, near miss, named slip, rivals) and the fitted confidence. Then, per
//! stated figure and rule:
//!
//! * **consistent** when a reading at or above the link threshold makes the figure hold;
//!   the finding shows that reading;
//! * **contradicted** only when the best reading is at or above the (higher) contradiction
//!   threshold, no reading at or above the link threshold explains the figure, no other
//!   rule's reading explains it either, and the miss survives the figures' rounding;
//! * **borderline** when the best reading above the link threshold misses only within
//!   rounding, or holds only at the edge of a hedge;
//! * otherwise nothing: when the tool cannot tell which figures a number follows from,
//!   it says nothing rather than something wrong.
//!
//! Every finding carries its confidence and the readings set aside (`alternatives`).

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::{Alternative, Finding, fmt_num};
use crate::interval::Verdict;
use crate::relate::{Compare, Context, Evidence, Formula, Reading, Relation, evidence, weights};
use crate::rules::{MIN_FRAME_TO_FLAG, Rule, Settings};
// The resolver's maps are keyed by small integers and short id lists and never iterated in
// hash order: a fast hash, not a DoS-resistant one.
use rustc_hash::FxHashMap as HashMap;

/// How many set-aside readings a finding lists.
const ALTERNATIVES: usize = 3;

/// Relations that say how a figure is computed from others; a figure one of them explains
/// is not contradicted by another. Repeats and orderings compare without computing, and
/// stand on their own.
fn derives(r: Relation) -> bool {
    !matches!(r, Relation::Repeat | Relation::Ordering)
}

/// True when a reading that holds accounts for its stated figure's value: it derives the
/// figure from other figures and equals it. A bound ("a share is at most 100 percent") or
/// a figure checked on its own says the figure is possible, not where it comes from.
fn explains(r: &Reading) -> bool {
    let bound = matches!(
        r.formula,
        Formula::Given(Compare::AtMost | Compare::Less | Compare::AtLeast | Compare::More)
    );
    derives(r.relation) && !r.operands.is_empty() && !bound
}

/// The resolver's two thresholds (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// A reading at or above this may explain a figure.
    pub link: f64,
    /// A reading that holds at or above this keeps its figure from being flagged.
    pub explain: f64,
    /// A borderline finding needs its best reading at or above this.
    pub border: f64,
    /// A contradiction needs its best reading at or above this.
    pub contradict: f64,
}

impl Default for Thresholds {
    /// The thresholds chosen on the development corpus with the fitted weights.
    fn default() -> Self {
        Thresholds {
            link: weights::LINK,
            explain: weights::EXPLAIN,
            border: weights::BORDER,
            contradict: weights::CONTRADICT,
        }
    }
}

/// Run rules over a document's claims and resolve their readings into findings, numbered
/// f1, f2, … in order of their stated claim.
pub fn run(doc: &Document, claims: &[Claim], rules: &[&dyn Rule], settings: &Settings) -> Vec<Finding> {
    if claims.len() <= CHUNK + 2 * OVERLAP {
        return run_all(doc, claims, rules, settings);
    }
    // A document with more figures than any article (a data dump, a list of a million
    // figures) is resolved in overlapping windows of claims, so that memory stays bounded
    // and time linear; each window keeps the findings about its own figures.
    let position = Positions::of(claims);
    let mut findings = Vec::new();
    let mut own = 0;
    while own < claims.len() {
        let own_end = (own + CHUNK).min(claims.len());
        let lo = own.saturating_sub(OVERLAP);
        let hi = (own_end + OVERLAP).min(claims.len());
        let Some(window) = claims.get(lo..hi) else { break };
        findings.extend(
            run_all(doc, window, rules, settings)
                .into_iter()
                .filter(|f| position.stated(f).is_some_and(|p| (own..own_end).contains(&p))),
        );
        own = own_end;
    }
    number(&position, &mut findings);
    findings
}

/// Figures resolved in one window by [`run`]; articles have far fewer.
pub const CHUNK: usize = 2_000;

/// Figures either side of a window that its readings may use.
pub const OVERLAP: usize = 200;

fn run_all(doc: &Document, claims: &[Claim], rules: &[&dyn Rule], settings: &Settings) -> Vec<Finding> {
    let cx = Context::new(doc, claims);
    let mut readings = propose(&cx, rules);
    weigh(&mut readings, rules, &evidence::confidence);
    resolve(&cx, rules, readings, settings, Thresholds::default())
}

/// Every reading of every rule, tagged with the rule's index; not yet judged.
pub fn propose(cx: &Context, rules: &[&dyn Rule]) -> Vec<(usize, Reading)> {
    // Every rule's readings first, then one vector of the right size: growing it rule by
    // rule would copy every reading (some 500 bytes) again at each growth.
    let each: Vec<Vec<Reading>> = rules.iter().map(|rule| rule.propose(cx)).collect();
    let mut all: Vec<(usize, Reading)> = Vec::with_capacity(each.iter().map(Vec::len).sum());
    for (k, readings) in each.into_iter().enumerate() {
        all.extend(readings.into_iter().map(|r| (k, r)));
    }
    all
}

/// Judge each reading and compute its confidence with `confidence` (the fitted model,
/// [`evidence::confidence`], except when weights are being fitted).
pub fn weigh(all: &mut [(usize, Reading)], rules: &[&dyn Rule], confidence: &dyn Fn(&str, &Evidence) -> f64) {
    for (_, r) in all.iter_mut() {
        let mut v = r.judge(0.0);
        if r.slip.is_some() && v != Verdict::Consistent {
            v = Verdict::Contradicted;
        }
        r.verdict = v;
        r.evidence.fits = f64::from(u8::from(v == Verdict::Consistent));
        r.evidence.near_miss = f64::from(u8::from(v == Verdict::Borderline));
        r.evidence.slip = f64::from(u8::from(r.slip.is_some()));
        (r.evidence.miss_size, r.evidence.close_miss) = if v == Verdict::Consistent {
            (0.0, 0.0)
        } else {
            let (stated, derived) = (r.stated_value.nominal, r.derived.nominal);
            (
                evidence::miss_size(stated, derived),
                evidence::close_miss(stated, derived),
            )
        };
    }
    // Readings of one rule and one stated figure are rivals; readings of one rule and one
    // operand set share their operands. Every reading is in one group of each, and no
    // group's result depends on the order of its readings. The operand sets sit end to
    // end in one vector, sorted within each reading.
    let figures: Vec<(usize, usize)> = all.iter().map(|(k, r)| (*k, r.stated)).collect();
    let mut flat: Vec<usize> = Vec::with_capacity(all.iter().map(|(_, r)| r.operands.len()).sum());
    let mut sets: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(all.len());
    for (k, r) in all.iter() {
        let from = flat.len();
        flat.extend(r.operands.iter().map(|o| o.claim));
        if let Some(set) = flat.get_mut(from..) {
            set.sort_unstable();
        }
        sets.push((*k, from..flat.len()));
    }
    // Each operand set (with its rule) gets a number; sorting (number, index) pairs then
    // lists each group's readings together, in no order that matters.
    let mut numbers: HashMap<(usize, &[usize]), usize> = HashMap::default();
    numbers.reserve(all.len());
    let mut by_operands: Vec<(usize, usize)> = sets
        .iter()
        .enumerate()
        .map(|(i, (k, range))| {
            let next = numbers.len();
            let number = *numbers
                .entry((*k, flat.get(range.clone()).unwrap_or(&[])))
                .or_insert(next);
            (number, i)
        })
        .collect();
    by_operands.sort_unstable();
    let mut by_figure: Vec<(usize, usize, usize)> =
        figures.iter().enumerate().map(|(i, &(k, s))| (k, s, i)).collect();
    by_figure.sort_unstable();
    let mut frames: Vec<(f64, f64)> = Vec::new();
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for group in by_figure.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        // Rivals of the same rule and figure with a stronger (or as strong a) frame. A
        // tie that derives the same value ("2,500" and "2.5K" as the whole) is no rival.
        frames.clear();
        frames.extend(
            group
                .iter()
                .filter_map(|&(_, _, i)| all.get(i).map(|(_, r)| (r.evidence.frame, r.derived.nominal))),
        );
        rivals::counts(&frames, &mut counts);
        for (&(_, _, i), &(stronger, ties)) in group.iter().zip(counts.iter()) {
            let Some((_, r)) = all.get_mut(i) else { continue };
            r.evidence.rivals = evidence::log_scaled(group.len().saturating_sub(1), 64.0);
            r.evidence.outframed = evidence::log_scaled(stronger, 16.0);
            r.evidence.frame_ties = evidence::log_scaled(ties, 16.0);
        }
    }
    for group in by_operands.chunk_by(|x, y| x.0 == y.0) {
        // Operands that make another figure of the same rule hold are taken; operands
        // shared with a reading whose stated figure sits nearer them are another's.
        // Another figure holds on these operands when one holding reading states another
        // figure than `r`: the first holding figure, and whether a second one differs.
        let mut holding = group
            .iter()
            .filter_map(|&(_, i)| all.get(i).map(|(_, r)| r))
            .filter(|r| r.verdict == Verdict::Consistent)
            .map(|r| r.stated);
        let first_holding = holding.next();
        let two_holding = first_holding.is_some_and(|h| holding.any(|x| x != h));
        let nearest = group
            .iter()
            .filter_map(|&(_, i)| all.get(i).map(|(_, r)| spread(r)))
            .min();
        for &(_, i) in group {
            let Some((_, r)) = all.get_mut(i) else { continue };
            let taken = two_holding || first_holding.is_some_and(|h| h != r.stated);
            r.evidence.taken = f64::from(u8::from(taken));
            let closer = nearest.is_some_and(|m| m < spread(r));
            r.evidence.closer = f64::from(u8::from(closer));
        }
    }
    for (k, r) in all.iter_mut() {
        r.confidence = if rules.get(*k).is_some_and(|rule| rule.decisive()) {
            1.0
        } else {
            confidence(r.rule, &r.evidence)
        };
    }
}

/// How far, in claims, a reading's stated figure sits from its operands.
fn spread(r: &Reading) -> usize {
    r.operands.iter().map(|o| o.claim.abs_diff(r.stated)).sum()
}

/// The decision for one group of readings (one rule, one stated figure), best first:
/// the index of the reading that makes the finding, if any. Only the best reading that
/// misses may flag the figure, above its verdict's threshold, and only when no reading
/// that holds is credible enough to explain it (`explained` says whether another rule's
/// reading does); otherwise the best reading that holds above the link threshold makes
/// it consistent.
fn decide(
    group: &[&Reading],
    t: Thresholds,
    explained: bool,
    may_flag: &dyn Fn(&Reading) -> bool,
) -> Option<usize> {
    let hold = group.iter().position(|r| r.verdict == Verdict::Consistent);
    // The best reading that misses and may flag: a weaker-framed reading of the same
    // figure ranked above it (often the same operands, reached without its cue) does not
    // silence it.
    let miss = group
        .iter()
        .position(|r| r.verdict != Verdict::Consistent && may_flag(r))
        .or_else(|| group.iter().position(|r| r.verdict != Verdict::Consistent));
    let conf = |i: Option<usize>| i.and_then(|i| group.get(i)).map_or(0.0, |r| r.confidence);
    if let Some(m) = miss {
        let r = group.get(m)?;
        // A reading that holds defends the figure when it is credible and its words tie
        // it as well as the miss's: a chance fit with no cue does not outweigh a framed
        // reading.
        let frame_of = |i: Option<usize>| i.and_then(|i| group.get(i)).map_or(0.0, |x| x.evidence.frame);
        let defended = explained
            || (conf(hold) >= t.explain && frame_of(hold) + 1e-9 >= r.evidence.frame.min(MIN_FRAME_TO_FLAG));
        if defended {
            return hold.filter(|_| conf(hold) >= t.link);
        }
        // Parts that add up to another figure are that figure's: "$530 million … $310
        // million went to schools and $220 million to roads" does not call last year's
        // $505 million wrong. (The ends of a change may carry several figures:
        // a percentage and a multiple of the same two levels.)
        let taken = r.relation == Relation::Sum && r.evidence.taken > 0.0;
        let flag = may_flag(r)
            && !taken
            && match r.verdict {
                Verdict::Contradicted => r.confidence >= t.contradict || spelled_out(r),
                Verdict::Borderline => r.confidence >= t.border,
                _ => false,
            };
        if flag {
            return Some(m);
        }
    }
    hold.filter(|_| conf(hold) >= t.link)
}

/// Resolve weighed readings ([`weigh`]) into findings.
pub fn resolve(
    cx: &Context,
    rules: &[&dyn Rule],
    all: Vec<(usize, Reading)>,
    settings: &Settings,
    thresholds: Thresholds,
) -> Vec<Finding> {
    // Group by (rule, stated figure), in key order, each group's readings in the order
    // proposed; then best first.
    let mut order: Vec<(usize, usize, usize)> = all
        .iter()
        .enumerate()
        .map(|(i, (k, r))| (*k, r.stated, i))
        .collect();
    order.sort_unstable();
    // Stated figures some derivation explains: no derivation flags them.
    let mut explained: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, r) in &all {
        if explains(r)
            && r.verdict == Verdict::Consistent
            && r.confidence >= thresholds.explain
            && r.evidence.frame >= MIN_FRAME_TO_FLAG
        {
            explained.entry(r.stated).or_default().push(*k);
        }
    }
    let mut findings = Vec::new();
    let mut group: Vec<&Reading> = Vec::new();
    for members in order.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let Some(&(k, stated, _)) = members.first() else {
            continue;
        };
        let key = (k, stated);
        group.clear();
        group.extend(members.iter().filter_map(|&(_, _, i)| all.get(i).map(|(_, r)| r)));
        group.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let Some(rule) = rules.get(key.0) else { continue };
        let by_other = group.first().is_some_and(|r| {
            derives(r.relation)
                && explained
                    .get(&r.stated)
                    .is_some_and(|ks| ks.iter().any(|&k| k != key.0))
        });
        let Some(chosen) = decide(&group, thresholds, by_other, &|r| rule.may_flag(r)) else {
            continue;
        };
        let Some(r) = group.get(chosen) else { continue };
        let alternatives = group
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != chosen)
            .take(ALTERNATIVES)
            .map(|(_, a)| alternative(cx, a))
            .collect();
        let mut f = finding(cx, *rule, r, alternatives);
        // A reading the wording spells out is believed at least as far as the
        // contradiction threshold, whatever the corpus weights say.
        if r.verdict != Verdict::Consistent && spelled_out(r) {
            f.confidence = f.confidence.max(round3(thresholds.contradict));
        }
        soften(&mut f, r, settings.tolerance_for(rule.id()), *rule);
        if f.confidence >= settings.min_confidence {
            findings.push(f);
        }
    }
    let position = Positions::of(cx.claims);
    let mut findings = one_per_claim_set(findings, &position);
    number(&position, &mut findings);
    findings
}

/// One finding per set of figures: "$120 million on 10,000 students, or $18,000 per
/// student" is one relation whether read as a product or as a ratio, and "2,000 a day, or
/// 60,000 a month" one whichever figure is taken as stated. The flagged finding wins,
/// then the one whose stated figure comes last: copy states the inputs first and what
/// follows from them after ("…, or $18,000 per student").
fn one_per_claim_set(findings: Vec<Finding>, position: &Positions) -> Vec<Finding> {
    let set = |f: &Finding| {
        let mut v = f.claims.clone();
        v.sort();
        v
    };
    let loud = |f: &Finding| match f.verdict {
        Verdict::Contradicted => 2,
        Verdict::Borderline => 1,
        _ => 0,
    };
    let mut best: HashMap<Vec<String>, usize> = HashMap::default();
    for (i, f) in findings.iter().enumerate() {
        let e = best.entry(set(f)).or_insert(i);
        let Some(kept) = findings.get(*e) else { continue };
        let place = |f: &Finding| position.stated(f).unwrap_or(0);
        if (loud(f), place(f)) > (loud(kept), place(kept)) {
            *e = i;
        }
    }
    findings
        .into_iter()
        .enumerate()
        .filter(|(i, f)| best.get(&set(f)) == Some(i))
        .map(|(_, f)| f)
        .collect()
}

/// Ids of claims by index.
fn ids(cx: &Context, r: &Reading) -> Vec<String> {
    r.claim_indices()
        .into_iter()
        .filter_map(|i| cx.claim(i).map(|c| c.id.clone()))
        .collect()
}

fn roles(r: &Reading) -> Vec<String> {
    r.operands
        .iter()
        .map(|o| o.role.to_string())
        .chain(std::iter::once("stated".to_string()))
        .collect()
}

fn alternative(cx: &Context, r: &Reading) -> Alternative {
    Alternative {
        rule: r.rule.to_string(),
        claims: ids(cx, r),
        roles: roles(r),
        formula: r.arithmetic(cx),
        derived: r.derived,
        verdict: r.verdict,
        confidence: round3(r.confidence),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn finding(cx: &Context, rule: &dyn Rule, r: &Reading, alternatives: Vec<Alternative>) -> Finding {
    let w = rule.word(cx, r);
    let factor = (r.derived.nominal != 0.0).then(|| r.stated_value.nominal / r.derived.nominal);
    Finding {
        id: String::new(),
        rule: rule.id().to_string(),
        verdict: r.verdict,
        severity: rule.severity(r.verdict),
        claims: ids(cx, r),
        stated: r.stated_value,
        derived: r.derived,
        message: w.message,
        explanation: w.explanation,
        factor: factor.filter(|f| f.is_finite()),
        would_hold_if: w.would_hold_if,
        roles: roles(r),
        relation: r.relation.as_str().to_string(),
        confidence: round3(r.confidence),
        alternatives,
    }
}

/// Soften a flagged finding that the user's tolerance reconciles, and say so.
fn soften(f: &mut Finding, r: &Reading, tolerance: f64, rule: &dyn Rule) {
    if tolerance <= 0.0 || !matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline) {
        return;
    }
    let v = r.judge(tolerance);
    if v < f.verdict {
        f.explanation.push_str(&format!(
            " Within the configured tolerance of ±{}%: {} rather than {}.",
            fmt_num(tolerance * 100.0),
            v.as_str(),
            f.verdict.as_str()
        ));
        f.verdict = v;
        f.severity = rule.severity(v);
    }
}

/// Where each claim stands in the document, by id.
struct Positions<'a>(HashMap<&'a str, usize>);

impl<'a> Positions<'a> {
    fn of(claims: &'a [Claim]) -> Self {
        Positions(
            claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i))
                .collect(),
        )
    }

    /// The position of a finding's stated claim (listed last).
    fn stated(&self, f: &Finding) -> Option<usize> {
        f.claims.last().and_then(|id| self.0.get(id.as_str()).copied())
    }
}

/// Number findings f1, f2, … in order of their stated claim, then rule.
fn number(position: &Positions, findings: &mut [Finding]) {
    findings.sort_by_cached_key(|f| (position.stated(f).unwrap_or(usize::MAX), f.rule.clone()));
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("f{}", i + 1);
    }
}

/// True when the wording itself ties a reading's figures together as tightly as its rule
/// knows how, so that the reading needs no corpus weight to be believed: the article
/// states the relation. Each kind has its own wording; ranks have none that is safe on
/// unseen copy, and flag only on their fitted confidence. Measured on the development
/// corpus: these wordings raise no false alarm on either fold.
fn spelled_out(r: &Reading) -> bool {
    let e = &r.evidence;
    let clean = e.noun_clash == 0.0 && e.time_clash == 0.0 && e.direction_clash == 0.0 && e.outframed == 0.0;
    let tied = match r.relation {
        // "$120 million on its 10,000 students, or $18,000 per student", "1.8 million
        // shares at $52.40 each, a $104 million buyback", "2,000 tons a day, or about
        // 90,000 tons a month": the strongest frame, in one clause, with no rival as well
        // framed. The same for a share, a multiplier or a change in one clause ("$104
        // million, or 36 percent of the city's $392 million budget", "tripled, from 2,100
        // to 4,800").
        Relation::Product
        | Relation::Rate
        | Relation::Share
        | Relation::Multiplier
        | Relation::PercentChange
        | Relation::PointChange
        | Relation::AbsoluteChange
        | Relation::Compound => e.frame >= 1.0 - 1e-9 && e.same_clause >= 1.0 && e.frame_ties == 0.0,
        // The same in one clause, or an average named as one ("each examiner carries an
        // average of 7,000 claims") whose total and count name its nouns within a few
        // sentences. A rate per so many ("17 officers per 10,000 residents") compares
        // populations, often of different places, and a bound ("more than 50,000") is no
        // count: neither is spelled out.
        Relation::Ratio => {
            (e.frame >= 1.0 - 1e-9 && e.same_clause >= 1.0 && e.frame_ties == 0.0)
                || (e.frame >= 0.8 - 1e-9
                    && e.cue >= 1.0
                    && e.noun_same >= 1.0
                    && e.hedge_misfit == 0.0
                    && matches!(r.formula, crate::relate::Formula::Ratio(n) if n == 1.0))
        }
        // A breakdown after a colon that takes the rest of the sentence ("$3.5 billion:
        // $1.2 billion for police, …"); it spans clauses by construction.
        // Or a table's total row (a list's total line) under every other row of its
        // column, when the rows add up to more than the total: a table may leave rows out
        // ("selected lines"), but the rows it shows cannot exceed the whole.
        Relation::Sum => {
            let excess = e.cue >= 1.0 && e.structure >= 1.0 && r.derived_tight.low > r.stated_value.high;
            e.frame >= 1.0 - 1e-9 && e.frame_ties == 0.0 && (e.same_sentence >= 1.0 || excess)
        }
        // The same digits in another order, counting the same thing in another sentence
        // ("1,012 teachers" … "1,102 teachers"): a classic slip.
        Relation::Repeat => e.cue >= 1.0 && e.noun_same >= 1.0 && e.same_sentence == 0.0,
        _ => false,
    };
    tied && clean
}

mod rivals;

#[cfg(test)]
mod tests;
