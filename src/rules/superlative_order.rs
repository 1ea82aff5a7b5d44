//! ## What it checks
//! A figure said to rank ("the largest item is policing, at $1.2 billion", "hired the
//! most staff, 2,300, followed by retail (1,800)", "the highest rate in the
//! county") against the other figures of its list, table column or passage; and a figure
//! said to be above or below another ("below the threshold of 0.7125", "well above the
//! national 3.1%", "edged past the $1.12 forecast", "rose 0.8 percent, lagging the 2.1
//! percent increase in prices"). A ranked change ("posted the
//! sharpest rise: values jumped 14.2 percent", "led all states with a 7.3 percent gain")
//! is set against the changes beside it that go its way.
//!
//! ## Why it matters
//! Rankings are written from memory or from an older table; a "largest" item that is not
//! the largest misleads even when every figure is right.
//!
//! ## Example
//! "The largest single item is the police department, at $1.2 billion, followed by $1.45
//! billion for schools." → $1.45 billion is larger, contradicted.
//!
//! ## Not flagged
//! Superlatives about something other than the figure ("the largest city, with 40,000
//! residents"), and figures of different units.

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::Verdict;
use crate::relate::frames::{self, Words};
use crate::relate::measure::{NounFit, noun_fit, same_dimension};
use crate::relate::{Context, Direction, Formula, Reading, Relation, is_input, value_of};

/// The `superlative-order` rule.
pub struct SuperlativeOrder;

const ID: &str = "superlative-order";

#[rustfmt::skip]
const MOST: Words = Words(&[
    "largest", "biggest", "most", "highest", "greatest", "hardest", "heaviest", "strongest", "fastest",
    "widest", "deepest", "costliest", "sharpest", "steepest", "busiest", "richest", "wealthiest",
    "longest", "tallest", "hottest", "wettest", "deadliest", "priciest", "dearest",
]);
#[rustfmt::skip]
const LEAST: Words = Words(&[
    "smallest", "lowest", "least", "fewest", "weakest", "slowest", "cheapest", "poorest", "shortest",
    "slimmest", "narrowest", "mildest", "coldest", "driest", "softest",
]);

/// Words right before a bound that put a figure above it ("above the 7.0% …", "topping
/// the $0.65 consensus"); and comparatives that need "than" ("higher than the …").
#[rustfmt::skip]
const ABOVE: Words = Words(&[
    "above", "exceed*", "surpass*", "outpac*", "beat", "beating", "beats", "topping", "tops", "topped", "past",
    "atop", "outstripp*", "eclips*",
]);
#[rustfmt::skip]
const BELOW: Words = Words(&["below", "under", "trail*", "behind", "beneath", "short", "lag", "lags", "lagg*"]);
/// Words of comparison that are prepositions, not verbs: a figure before them may be the
/// size of a difference ("5 points above the 2.8%").
#[rustfmt::skip]
const PLACE_WORDS: Words = Words(&["above", "past", "atop", "below", "under", "behind", "beneath", "short"]);
#[rustfmt::skip]
const MORE_THAN: Words = Words(&["higher", "bigger", "larger", "greater", "more", "faster", "stronger"]);
#[rustfmt::skip]
const LESS_THAN: Words = Words(&["lower", "smaller", "less", "fewer", "slower", "weaker", "cheaper"]);

impl Rule for SuperlativeOrder {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A figure said to be the largest (or above another) must be."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The largest single item is the police department, at $1.2 billion, followed by $1.45 billion for schools.",
                Verdict::Contradicted,
            ),
            (
                "Nursing homes hired the most staff, 2,300, followed by retail (1,800) and hotels (950).",
                Verdict::Consistent,
            ),
            (
                "The station logged 97 mm of snow on Tuesday, well above the previous record of 84 mm set in 2011.",
                Verdict::Consistent,
            ),
            (
                "The river crested at 6.1 metres on Sunday, above its previous peak of 6.4 metres.",
                Verdict::Contradicted,
            ),
            (
                "The lake rose to 412 metres in May, below its 1996 high of 409 metres.",
                Verdict::Contradicted,
            ),
            (
                "Harbor City posted the region's sharpest price rise: values jumped 14.2 percent. Lakeside followed (up 9.1 percent) and Millbrook rose 6.0 percent.",
                Verdict::Consistent,
            ),
            (
                "Ohio led all states with a 7.3 percent gain, ahead of Iowa at 6.8 percent and Utah at 5.5 percent.",
                Verdict::Consistent,
            ),
            (
                "Local wages climbed 3.9% in twelve months, well above the national 3.1%.",
                Verdict::Consistent,
            ),
            (
                "The county jobless rate was 5.9%, below the statewide rate of 5.2%.",
                Verdict::Contradicted,
            ),
            (
                "Hourly pay rose 0.8 percent over the year, lagging the 2.1 percent increase in consumer prices.",
                Verdict::Consistent,
            ),
            (
                "Evictions ran at 2.7 per 10,000 homes, below the regional figure of 5.4 per 10,000.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("superlative_order.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        for (s, c) in cx.claims.iter().enumerate() {
            if ranked_change(c) {
                // "posted the sharpest price rise: values jumped 14.2 percent": a change
                // ranked among changes; "rose 0.8 percent, lagging the 2.1 percent
                // increase in prices": a change set against another.
                superlative(cx, s, c, &mut out);
                comparative(cx, s, c, &mut out);
            }
            if !figure(c) {
                continue;
            }
            superlative(cx, s, c, &mut out);
            comparative(cx, s, c, &mut out);
            loose_comparative(cx, s, c, &mut out);
        }
        out
    }
}

fn figure(c: &Claim) -> bool {
    is_input(c)
        && c.role != Role::Change
        && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent | Kind::Fraction)
}

/// A percent change, which ranks against the changes beside it that go its way.
fn ranked_change(c: &Claim) -> bool {
    is_input(c) && c.role == Role::Change && c.kind == Kind::Percent
}

/// "the most", "largest" among the words before the figure in its clause (or just after).
fn rank_word(cx: &Context, s: usize) -> Option<bool> {
    // The ranking word before the figure ("the largest item is … at $1.2 billion"); one
    // after it ranks the thing counted ("four of the 12 fastest-growing towns").
    let (before, after) = frames::clause(cx, s);
    // Only the words after the last other figure: "17.2 million, the year's highest, to
    // 16.92 million" ranks the 17.2 million.
    // A figure earlier in the clause may own the ranking word instead ("17.2 million, the
    // year's highest, to 16.92 million"): then the word ranks neither for certain.
    if before.iter().any(|t| t.kind == crate::tokens::TokenKind::Number) {
        return None;
    }
    // A ranking named before a colon ranks what the colon opens: "posted the region's
    // sharpest rise: values jumped 14.2 percent".
    let lead_in = colon_lead_in(cx, s, before.len());
    let after_last_figure = before;
    let mut b: Vec<&str> = frames::words(cx, after_last_figure).rev().take(10).collect();
    b.extend(lead_in);
    // "Lakeside's 4.4 is the lowest": the rank right after the figure.
    let a: Vec<&str> = frames::words(cx, after).take(3).collect();
    if let ["is" | "was" | "remains" | "remained", "the", w] = a.as_slice() {
        b.insert(0, w);
    }
    // "led all states with a 7.3 percent gain", "leads every other city at $2,900".
    let led = b.windows(2).any(|w| {
        matches!(
            w,
            ["all" | "every", "led" | "leads" | "leading" | "topped" | "tops"]
        )
    });
    // "the second highest of the year" is no top rank.
    let ranked_below = |i: usize| {
        b.get(i + 1)
            .is_some_and(|w| matches!(*w, "second" | "third" | "fourth" | "fifth" | "next"))
    };
    // "to meet at least one of the five members", "at most 40": a bound, no rank.
    let at_bound = |i: usize| b.get(i + 1) == Some(&"at");
    // A ranked change is ranked by a word of change ("the sharpest rise"), not by a rank of
    // its subject ("the biggest grocer … fell 2.1%").
    let change = cx.claim(s).is_some_and(ranked_change);
    let ranks_figure = |i: usize| {
        let phrase = || {
            b.get(..i)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(3)
                .take_while(|w| !crate::extract::context::is_stop(w))
        };
        let mut words = phrase().peekable();
        !change || words.peek().is_none() || words.any(|w| frames::UP.has(w) || frames::DOWN.has(w))
    };
    let most = led
        || b.iter()
            .enumerate()
            .any(|(i, w)| MOST.has(w) && !ranked_below(i) && !at_bound(i) && ranks_figure(i));
    let least = b
        .iter()
        .enumerate()
        .any(|(i, w)| LEAST.has(w) && !ranked_below(i) && !at_bound(i) && ranks_figure(i));
    match (most, least) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// The words of the clause before a colon that opens claim `s`'s clause (nearest first),
/// when no figure stands between: "Harbor City posted the region's sharpest rise: values
/// jumped 14.2 percent" → "rise", "sharpest", …
fn colon_lead_in<'a>(cx: &'a Context, s: usize, own: usize) -> Vec<&'a str> {
    let all = frames::before(cx, s);
    let Some(head) = all.len().checked_sub(own + 1) else {
        return Vec::new();
    };
    let colon = all.get(head).is_some_and(|t| cx.doc.tokens.lower(t) == ":");
    let lead = all.get(..head).unwrap_or(&[]);
    if !colon || lead.iter().any(|t| t.kind == crate::tokens::TokenKind::Number) {
        return Vec::new();
    }
    frames::words(cx, lead).rev().take(10).collect()
}

fn compatible(cx: &Context, s: usize, c: &Claim, k: usize) -> bool {
    // Changes rank among changes of the same direction ("down 9.5 percent" against
    // "down 5.2 percent"), levels among levels.
    let alike = |x: &Claim| {
        if ranked_change(c) {
            // A bare percentage of its sentence is a change of the same kind ("led all
            // states with a 7.3 percent gain, ahead of Iowa at 6.8 percent").
            let d = frames::direction(cx, s);
            let dk = frames::direction(cx, k);
            let bare = figure(x) && x.kind == Kind::Percent && (dk == Direction::Unknown || dk == d);
            d != Direction::Unknown
                && ((ranked_change(x) && dk == d) || (bare && cx.sentences_apart(s, k) == 0))
        } else {
            figure(x)
        }
    };
    cx.claim(k).is_some_and(|x| {
        alike(x)
            && same_dimension(x, c)
            && x.per == c.per
            && noun_fit(cx.own_noun(s), cx.own_noun(k)) != NounFit::Different
    })
}

fn superlative(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let Some(most) = rank_word(cx, s) else { return };
    // "had the lowest, $610 and $575 respectively": each figure is the extreme of its own
    // group, not of the others.
    let (before, after) = frames::clause(cx, s);
    if frames::words(cx, before)
        .chain(frames::words(cx, after))
        .any(|w| w == "respectively")
    {
        return;
    }
    // The others: the figure's table column or list, else its passage.
    let mut others: Vec<usize> = Vec::new();
    if let Some(cell) = cx.fact(s).cell {
        for row in 0..cx.structure.rows(cell.table) {
            if let Some(k) = cx.structure.at(cell.table, row, cell.col) {
                if k != s && !cx.on_total_line(k) {
                    others.push(k);
                }
            }
        }
    } else {
        // The ranked figures of its sentence ("the most staff, 2,300, followed by
        // retail (1,800) and hotels (950)"), else of its paragraph.
        let sentence = cx.candidates(s, 0, 8, |k| compatible(cx, s, c, k));
        let paragraph = c.paragraph;
        others = if sentence.is_empty() {
            cx.candidates(s, 3, 8, |k| cx.claim(k).is_some_and(|x| x.paragraph == paragraph))
        } else {
            sentence
        };
    }
    // "placed 6 titles in the top 40", "will close 4 of its 19 plants": the whole the
    // figure is counted in ranks no figure against it.
    others.retain(|&k| compatible(cx, s, c, k) && !whole_of(cx, s, k));
    if others.is_empty() {
        return;
    }
    let mut e = cx.base_evidence(s, &others);
    e.frame = if cx.fact(s).cell.is_some() { 0.6 } else { 0.8 };
    e.cue = f64::from(u8::from(frames::followed_by(cx, s, &["followed by", ","])));
    let pairs: Vec<(Option<&str>, Option<&str>)> =
        others.iter().map(|&k| (cx.own_noun(s), cx.own_noun(k))).collect();
    Context::noun_evidence(&mut e, &pairs);
    let operands = others
        .iter()
        .filter_map(|&k| cx.claim(k).map(|x| (k, "other", value_of(x))))
        .collect();
    let formula = if most {
        Formula::AtLeastMax
    } else {
        Formula::AtMostMin
    };
    if let Some(r) = Reading::new(ID, Relation::Ordering, s, c.value, operands, formula, e) {
        out.push(r.with_unit(c.unit.clone()));
    }
}

/// "below the threshold of 0.604748", "higher than the 2.8% national rate": the figure
/// after the words of comparison is the bound, the figure they are said of comes before
/// them in the sentence (or the one before).
fn comparative(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    // Only words, never a hedge that is part of another figure ("just over 100,000").
    let before = frames::before_cue(cx, s);
    // A year is part of the words ("above its 1998 peak of 6.4 metres"), not a figure.
    let tail_len = before
        .iter()
        .rev()
        .take_while(|t| {
            t.kind != crate::tokens::TokenKind::Number || crate::table::is_year(cx.doc.tokens.lower(t))
        })
        .count();
    let tail = before.get(before.len() - tail_len..).unwrap_or(&[]);
    let words: Vec<&str> = frames::words(cx, tail).rev().take(6).collect();
    let than = words.first() == Some(&"than");
    // "finished below forecast by $2.1 million": a figure after "by" is the size of the
    // difference, not the bound.
    if words.first() == Some(&"by") {
        return;
    }
    // "below the national rate of 5.2", "above the previous record of 84 mm": the bound
    // named by a noun phrase and "of" after the word of comparison.
    let named_bound = words.first() == Some(&"of")
        && words
            .iter()
            .skip(1)
            .take(4)
            .all(|w| !frames::COMPARATIVE.has(w) || ABOVE.has(w) || BELOW.has(w))
        && words.iter().skip(2).take(4).any(|w| ABOVE.has(w) || BELOW.has(w));
    // The direction, and how many words back from the figure its word stands.
    let comparison = if than {
        match words.get(1) {
            Some(w) if MORE_THAN.has(w) => Some((true, 1)),
            Some(w) if LESS_THAN.has(w) => Some((false, 1)),
            _ => None,
        }
    } else {
        let reach = if named_bound { 6 } else { 3 };
        words.iter().take(reach).enumerate().find_map(|(i, w)| {
            if ABOVE.has(w) {
                Some((true, i))
            } else if BELOW.has(w) {
                Some((false, i))
            } else {
                None
            }
        })
    };
    let Some((above, at)) = comparison else { return };
    if negated(cx, s) {
        return;
    }
    // Words between the figure before and the word of comparison.
    let lead = frames::words(cx, tail).count().saturating_sub(at + 1);
    // "$2,140 more than the $50,160", "5 points above the 2.8%": a figure right before the
    // comparative is the size of a difference, not a level said to be above the bound. A
    // comma between ends the figure's phrase: "7.5%, below the statewide 8.3%".
    let pause = tail
        .iter()
        .any(|t| matches!(cx.doc.tokens.lower(t), "," | ";" | ":" | "—" | "–" | "("));
    // A verb of comparison has a level for its subject: "$2.84 billion topped the $2.79
    // billion", "sales of 412 units trailed the 450"; a preposition follows a difference.
    let verb = !than && words.get(at).is_some_and(|w| !PLACE_WORDS.has(w));
    let diff = lead <= 1
        && !pause
        && !verb
        && tail.first().is_some_and(|t| {
            let k = cx.doc.tokens.at(t.start as usize);
            k > 0
                && cx
                    .doc
                    .tokens
                    .get(k - 1)
                    .is_some_and(|p| p.kind == crate::tokens::TokenKind::Number)
        })
        || frames::before_cue(cx, s).len() > tail.len() && frames::words(cx, tail).count() <= 2 && than;
    if diff {
        return;
    }
    // The figure compared: the nearest compatible figure before, in this sentence or the last.
    // A rise may be set against a rate ("local wages climbed 3.9% in twelve months, well
    // above the national 3.1%"); a fall against one says nothing plain of which is larger.
    let rise = |k: usize| {
        !ranked_change(c)
            && c.kind == Kind::Percent
            && cx.claim(k).is_some_and(|x| {
                ranked_change(x)
                    && same_dimension(x, c)
                    && x.per == c.per
                    && frames::direction(cx, k) == Direction::Up
            })
    };
    let subject = cx
        .candidates(s, 1, 6, |k| k < s && (compatible(cx, s, c, k) || rise(k)))
        .into_iter()
        .find(|&k| cx.sentences_apart(k, s) <= 1 && cx.claim(k).is_some_and(|x| x.paragraph == c.paragraph));
    let Some(a) = subject else { return };
    let Some(ca) = cx.claim(a) else { return };
    let mut e = cx.base_evidence(a, &[s]);
    // "than", or "above"/"below" right before the bound or its noun phrase: the words of
    // comparison name both figures.
    let explicit = than || named_bound || words.first().is_some_and(|w| ABOVE.has(w) || BELOW.has(w));
    e.frame = if explicit { 0.8 } else { 0.5 };
    e.cue = f64::from(u8::from(explicit));
    // The stated figure is the one said to be above or below: `a`; the bound is `s`.
    push_comparison(cx, (a, ca), (s, c), above, e, out);
}

/// A comparative in a figure's clause set against a figure of the clause or sentence
/// before: "the town's median reached $920 … Across the county the median is lower,
/// $860"; "the club is now bigger than its rival, whose roll is roughly 41,000". The
/// words give the direction, not which figures: such a reading may explain, never flag.
fn loose_comparative(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let (before, after) = frames::clause(cx, s);
    let words: Vec<&str> = frames::words(cx, before)
        .rev()
        .take(6)
        .chain(frames::words(cx, after).take(2))
        .collect();
    let more = words.iter().any(|w| {
        MORE_THAN.has(w)
            || matches!(
                *w,
                "above" | "topped" | "surpassed" | "exceeded" | "beat" | "outpaced" | "past"
            )
    });
    let less = words
        .iter()
        .any(|w| LESS_THAN.has(w) || matches!(*w, "below" | "trails" | "trailed" | "behind" | "under"));
    if more == less || negated(cx, s) {
        return;
    }
    let other = cx
        .candidates(s, 1, 6, |k| {
            k < s && compatible(cx, s, c, k) && !cx.same_clause(k, s)
        })
        .into_iter()
        .next();
    let Some(o) = other else { return };
    let Some(co) = cx.claim(o) else { return };
    let mut e = cx.base_evidence(s, &[o]);
    e.frame = 0.4;
    push_comparison(cx, (s, c), (o, co), more, e, out);
}

/// True when figure `k`, right after `s`, is the whole `s` is counted in: "9 of the 20",
/// "4 of its 19 plants", "6 titles in the top 40".
fn whole_of(cx: &Context, s: usize, k: usize) -> bool {
    k == s + 1
        && frames::between(cx, s, k).is_some_and(|t| {
            let w: Vec<&str> = frames::words(cx, t).collect();
            let of = matches!(
                w.as_slice(),
                ["of"]
                    | ["of", "the" | "its" | "their" | "all"]
                    | [_, "of"]
                    | [_, "of", "the" | "its" | "their" | "all"]
            ) && !w.iter().any(|x| ABOVE.has(x) || BELOW.has(x) || *x == "ahead");
            of || matches!(w.as_slice(), [_, "in", "the", "top"] | ["in", "the", "top"])
        })
}

/// "no box seat will cost more than $900": a negated clause sets a cap, and
/// says nothing of which figure is larger.
fn negated(cx: &Context, s: usize) -> bool {
    let (before, _) = frames::clause(cx, s);
    frames::words(cx, before).any(|w| matches!(w, "no" | "not" | "never" | "nor") || w.ends_with("n't"))
}

/// The reading that figure `stated` is above (or below) figure `other`, with the nouns of
/// the two as evidence.
fn push_comparison(
    cx: &Context,
    stated: (usize, &Claim),
    other: (usize, &Claim),
    above: bool,
    mut e: crate::relate::Evidence,
    out: &mut Vec<Reading>,
) {
    Context::noun_evidence(&mut e, &[(cx.own_noun(stated.0), cx.own_noun(other.0))]);
    let formula = if above {
        Formula::AtLeastMax
    } else {
        Formula::AtMostMin
    };
    if let Some(r) = Reading::new(
        ID,
        Relation::Ordering,
        stated.0,
        value_of(stated.1),
        vec![(other.0, "compared with", value_of(other.1))],
        formula,
        e,
    ) {
        out.push(r.with_unit(stated.1.unit.clone()));
    }
}
