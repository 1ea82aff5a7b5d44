//! Cue wordings: the words around and between figures that tie them into one relation
//! ("from A to B", "up P% from A", "X of the Y", "or $1,400 per resident", "in all",
//! "the rest"). Everything here reads token windows of the document; nothing re-scans
//! the text. Word lists are general English, never an article's words.

use super::{Context, Direction};
use crate::tokens::{Token, TokenKind};
use std::ops::Range;

/// A list of lower-case words; an entry ending in `*` matches every word it begins.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub &'static [&'static str]);

impl Words {
    /// True when `w` is one of the words.
    pub fn has(&self, w: &str) -> bool {
        self.0.iter().any(|e| match e.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => *e == w,
        })
    }
}

/// Words that say a quantity went up.
#[rustfmt::skip]
pub const UP: Words = Words(&[
    "rose", "rise", "rises", "rising", "risen", "up", "increas*", "grew", "grow*", "gain*", "climb*",
    "jump*", "surg*", "soar*", "added", "adding", "boost*", "expand*", "higher", "hike*", "rais*",
    "improv*", "spik*", "rebound*", "advanc*", "leapt", "leap*", "swell*", "swollen", "widen*", "more",
    "upturn", "accelerat*", "doubl*", "tripl*", "outpac*", "topp*", "mount*", "balloon*", "escalat*",
    "larger", "bigger", "greater", "above",
]);

/// Words that say a quantity went down.
#[rustfmt::skip]
pub const DOWN: Words = Words(&[
    "fell", "fall*", "down", "decreas*", "declin*", "drop*", "fewer", "less", "lower*", "lost", "loss*",
    "cut", "cuts", "cutting", "reduc*", "shrank", "shrunk", "shrink*", "slip*", "slid*", "dip*", "sank",
    "sink*", "tumbl*", "plung*", "halv*", "slump*", "shed*", "dwindl*", "contract*", "eased", "eas*",
    "narrow*", "shortfall", "deficit", "downturn", "trimm*", "slash*", "sagg*", "retreat*", "weaken*",
    "smaller", "below",
]);

/// Comparatives that make a percentage the size of a difference ("a third larger than",
/// "27.6% above the", "20% more than"), not a share.
#[rustfmt::skip]
pub const COMPARATIVE: Words = Words(&[
    "larger", "bigger", "greater", "higher", "more", "above", "smaller", "lower", "less", "fewer", "below",
    "cheaper", "costlier", "faster", "slower", "longer", "shorter", "older", "younger",
]);

/// The most tokens a window before or after a claim holds: a long sentence is read up
/// to here, so that a document with no sentence ends costs no more per claim than one
/// with many.
pub const WINDOW: usize = 160;

/// The sentence window around the claim covering `claim` (token indices): the first
/// token of [`before`] and one past the last of [`after`], computed once per claim by
/// [`Context::new`].
pub fn window(toks: &[Token], claim: &Range<usize>) -> (usize, usize) {
    let from = match toks.get(claim.start) {
        None => claim.start,
        Some(first) => {
            let floor = claim.start.saturating_sub(WINDOW);
            toks.get(floor..claim.start)
                .unwrap_or(&[])
                .iter()
                .rposition(|t| t.sentence != first.sentence)
                .map_or(floor, |p| floor + p + 1)
        }
    };
    let to = match claim.end.checked_sub(1).and_then(|k| toks.get(k)) {
        None => claim.end,
        Some(last) => {
            let rest = toks
                .get(claim.end..toks.len().min(claim.end + WINDOW))
                .unwrap_or(&[]);
            claim.end
                + rest
                    .iter()
                    .position(|t| t.sentence != last.sentence)
                    .unwrap_or(rest.len())
        }
    };
    (from, to)
}

/// Every token of claim `i`'s sentence before the claim (at most [`WINDOW`]), nearest last.
pub fn before<'a>(cx: &'a Context, i: usize) -> &'a [Token] {
    let f = cx.fact(i);
    cx.doc
        .tokens
        .all()
        .get(f.before_from..f.tokens.start)
        .unwrap_or(&[])
}

/// Every token of claim `i`'s sentence after the claim (at most [`WINDOW`]).
pub fn after<'a>(cx: &'a Context, i: usize) -> &'a [Token] {
    let f = cx.fact(i);
    cx.doc.tokens.all().get(f.tokens.end..f.after_to).unwrap_or(&[])
}

/// The tokens strictly between two claims (in either order) when they are in one
/// sentence.
pub fn between<'a>(cx: &'a Context, a: usize, b: usize) -> Option<&'a [Token]> {
    let (x, y) = if cx.fact(a).tokens.start <= cx.fact(b).tokens.start {
        (a, b)
    } else {
        (b, a)
    };
    let (fx, fy) = (cx.fact(x), cx.fact(y));
    let toks = cx.doc.tokens.all();
    let same = toks.get(fx.tokens.start).map(|t| t.sentence) == toks.get(fy.tokens.start).map(|t| t.sentence);
    if !same {
        return None;
    }
    toks.get(fx.tokens.end..fy.tokens.start.max(fx.tokens.end))
}

/// Lower-case forms of tokens.
pub fn lower<'a>(cx: &'a Context, toks: &'a [Token]) -> impl DoubleEndedIterator<Item = &'a str> + 'a {
    toks.iter().map(move |t| cx.doc.tokens.lower(t))
}

/// The words (not punctuation) of tokens, lower case.
pub fn words<'a>(cx: &'a Context, toks: &'a [Token]) -> impl DoubleEndedIterator<Item = &'a str> + 'a {
    toks.iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(move |t| cx.doc.tokens.lower(t))
}

/// True when the tokens end with `phrase` (lower-case tokens separated by spaces;
/// punctuation tokens included: "per", "of the", ", or").
pub fn ends_with(cx: &Context, toks: &[Token], phrase: &str) -> bool {
    if parts(phrase) > toks.len() {
        return false;
    }
    // Split as bytes: a space byte never sits inside a multi-byte character, so these
    // are the parts of `phrase.split(' ')`, without a character searcher per call.
    toks.iter()
        .rev()
        .zip(phrase.as_bytes().rsplit(|&b| b == b' '))
        .all(|(t, p)| cx.doc.tokens.lower(t).as_bytes() == p)
}

/// How many space-separated parts a phrase has (as `phrase.split(' ').count()`), without
/// collecting them: these checks run for every pair of figures a rule looks at.
fn parts(phrase: &str) -> usize {
    phrase.bytes().filter(|&b| b == b' ').count() + 1
}

/// True when the tokens start with `phrase`.
pub fn starts_with(cx: &Context, toks: &[Token], phrase: &str) -> bool {
    if parts(phrase) > toks.len() {
        return false;
    }
    toks.iter()
        .zip(phrase.as_bytes().split(|&b| b == b' '))
        .all(|(t, p)| cx.doc.tokens.lower(t).as_bytes() == p)
}

/// Determiners and possessives that may stand between a cue and its figure ("from the
/// $7 million", "of its 400 staff").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "last",
    "this", "year's", "last year's", "some", "about", "just", "nearly", "almost", "roughly", "around",
];

/// The tokens before claim `i`, with determiners and possessive phrases directly before it
/// removed: what a cue phrase must end with.
pub fn before_cue<'a>(cx: &'a Context, i: usize) -> &'a [Token] {
    let mut b = before(cx, i);
    loop {
        let Some(last) = b.last() else { return b };
        let w = cx.doc.tokens.lower(last);
        let possessive = w.ends_with("'s") && last.kind == TokenKind::Word;
        if DETERMINERS.contains(&w) || possessive {
            b = b.get(..b.len() - 1).unwrap_or(&[]);
        } else {
            return b;
        }
    }
}

/// True when one of `phrases` ends the cue window before claim `i`.
pub fn preceded_by(cx: &Context, i: usize, phrases: &[&str]) -> bool {
    let b = before_cue(cx, i);
    phrases.iter().any(|p| ends_with(cx, b, p))
}

/// True when one of `phrases` directly follows claim `i`.
pub fn followed_by(cx: &Context, i: usize, phrases: &[&str]) -> bool {
    let a = after(cx, i);
    phrases.iter().any(|p| starts_with(cx, a, p))
}

/// The tokens of claim `i`'s clause, before and after it.
pub fn clause<'a>(cx: &'a Context, i: usize) -> (&'a [Token], &'a [Token]) {
    let c = cx.fact(i).clause;
    let b = before(cx, i);
    let from = b.iter().rposition(|t| t.clause != c).map_or(0, |p| p + 1);
    let a = after(cx, i);
    let to = a.iter().position(|t| t.clause != c).unwrap_or(a.len());
    (b.get(from..).unwrap_or(&[]), a.get(..to).unwrap_or(&[]))
}

/// The direction the words nearest claim `i` in its clause give a change: a word right
/// after it ("4.2% more than", "20% lower"), else the nearest up or down word before it
/// (up to eight words back), else one just after it. "more/less … than" before a figure
/// is a hedge, not a direction; "last fall" is a season.
pub fn direction(cx: &Context, i: usize) -> Direction {
    let (b, a) = clause(cx, i);
    let aw: Vec<&str> = words(cx, a).take(4).collect();
    let bw: Vec<&str> = words(cx, b).collect();
    let of = |w: &str| {
        if DOWN.has(w) {
            Some(Direction::Down)
        } else if UP.has(w) {
            Some(Direction::Up)
        } else {
            None
        }
    };
    if let Some(d) = aw.first().and_then(|w| of(w)) {
        return d;
    }
    for (k, w) in bw.iter().enumerate().rev().take(8) {
        let next = bw.get(k + 1).copied().unwrap_or("");
        let prev = k.checked_sub(1).and_then(|p| bw.get(p)).copied().unwrap_or("");
        let hedge = matches!(*w, "more" | "less" | "fewer" | "higher" | "lower") && next == "than";
        let season = *w == "fall" && matches!(prev, "last" | "this" | "next" | "early" | "late");
        if hedge || season {
            continue;
        }
        if let Some(d) = of(w) {
            return d;
        }
    }
    for (k, w) in aw.iter().enumerate().skip(1) {
        let prev = aw.get(k - 1).copied().unwrap_or("");
        if *w == "fall" && matches!(prev, "last" | "this" | "next") {
            continue;
        }
        if let Some(d) = of(w) {
            return d;
        }
    }
    Direction::Unknown
}

/// True when any word of a token window is in `set`.
pub fn any_word(cx: &Context, toks: &[Token], set: Words) -> bool {
    words(cx, toks).any(|w| set.has(w))
}

/// Number of word tokens in a window.
pub fn word_count(toks: &[Token]) -> usize {
    toks.iter().filter(|t| t.kind == TokenKind::Word).count()
}

/// Token index range of a token slice within the document (for diagnostics).
pub fn range_of(cx: &Context, toks: &[Token]) -> Range<usize> {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => cx.doc.tokens.at(a.start as usize)..cx.doc.tokens.at(b.start as usize) + 1,
        _ => 0..0,
    }
}

/// Words before the value a change started from: "from 2.14 million", "compared with
/// 5,863", "than the $72 million", "up from 418,300".
#[rustfmt::skip]
pub const FROM: &[&str] = &[
    "from", "compared with", "compared to", "versus", "vs", "vs .", "than", "against", "over", "since",
    "above", "below",
];

/// Words after the value a change started from: "… $13.48 billion a year earlier".
#[rustfmt::skip]
pub const EARLIER: &[&str] = &[
    "a year earlier", "a year ago", "a year before", "the year before", "the previous year", "the prior
    year", "last year", "in the same period", "in the year-ago", "the same period", "a decade ago", "a
    decade earlier", "earlier", "before", "previously",
];

/// Words before the value a change reached: "to 2.58 million", "reaching 56,112".
#[rustfmt::skip]
pub const TO: &[&str] = &[
    "to", "reaching", "reached", "reach", "totaling", "totalling", "totaled", "totalled", "at", "now",
    "hit", "is", "was", "stood at", "came to", "climbed to", "rose to", "fell to",
];

/// Words before the value a change reached that name it for certain.
pub const TO_STRONG: &[&str] = &[
    "to",
    "reaching",
    "reached",
    "totaling",
    "totalling",
    "totaled",
    "totalled",
    "came to",
    "climbed to",
    "rose to",
    "fell to",
];

/// Evidence that claims `a` (before) and `b` (after) are the ends of the change stated by
/// claim `s`: from/to wordings, the stated direction against their order, their years.
///
/// When a from/to wording fixes which figure came first, a direction word that disagrees
/// with the figures is a property of the figures (possibly the error), not of the
/// reading; only when nothing fixes the order does the direction orient the pair, and a
/// pair that runs against it is a clash.
pub fn change_evidence(cx: &Context, s: usize, a: usize, b: usize, d: Direction) -> super::Evidence {
    let mut e = cx.base_evidence(s, &[a, b]);
    let (ca, cb) = (cx.cues(a), cx.cues(b));
    // How plainly the words name each end: "from", "compared with", "a year earlier"
    // name the start; "to", "reaching" the end strongly, "at", "now", "was" weakly.
    // "three dozen trainees, a fifth larger than the autumn intake of 30": the comparison
    // names its base as firmly as "from" does, and the figure set off before it as the
    // value compared.
    let compared = compared_pair(cx, s, a, b);
    let old_strong = ca.old_strong || compared;
    let old_marked = ca.old_marked || compared;
    // "to $32.2 million" belongs to another change when another figure is marked as its
    // start ("jumped from $8.5 million to $32.2 million").
    let owned_elsewhere = b
        .checked_sub(1)
        .is_some_and(|x| x != a && x != s && cx.sentences_apart(x, b) == 0 && cx.cues(x).from);
    let new_marked = cb.to && !owned_elsewhere;
    let new_strong = new_marked && cb.to_strong;
    let b_marked_old = cb.marked_old;
    let a_marked_new = ca.reached && !old_marked;
    // An end that is the end of another stated change in the sentence ("fell 25 cents to
    // $17.65 … up 19 cents at $31.22") belongs to that change.
    let taken_end = [a, b].iter().any(|&k| {
        k.checked_sub(1)
            .is_some_and(|x| x != s && x != a && x != b && tied_to_change(cx, x, k, &[&["to"], &["at"]]))
    });
    // A start named right after another stated change ("up 40%, from $500 million to
    // $700 million, even as ridership was down 9%") is that change's.
    let taken_start = a
        .checked_sub(1)
        .is_some_and(|x| x != s && x != b && tied_to_change(cx, x, a, &[&["from"], &[",", "from"]]));
    let wrong = (b_marked_old && !old_marked) || a_marked_new || taken_end || taken_start;
    let sentence = |k: usize| cx.claim(k).map(|c| c.sentence);
    let one_sentence = sentence(a) == sentence(s) && sentence(b) == sentence(s);
    let old_score: f64 = if old_strong {
        0.6
    } else if old_marked {
        0.4
    } else {
        0.0
    };
    // "5,738 in 2017, compared with 5,863 in 2016": each end dated, in order, and the
    // start named, fix the end as firmly as a "to".
    let dated_in_order = matches!((cx.fact(a).year, cx.fact(b).year), (Some(x), Some(y)) if x < y);
    let new_score: f64 = if new_strong {
        0.6
    } else if new_marked
        || (old_strong && dated_in_order)
        || (ca.from && apposed_end(cx, s, a, b))
        || compared
    {
        0.3
    } else {
        0.0
    };
    let mut frame: f64 = (old_score + new_score).min(1.0);
    if wrong {
        frame = 0.0;
    }
    if !one_sentence {
        // The other end in the next or last sentence is still tied by the marker; farther
        // off, hardly.
        let near = cx.sentences_apart(a, s) <= 1 && cx.sentences_apart(b, s) <= 1;
        frame *= if near { 0.85 } else { 0.5 };
    }
    e.frame = frame;
    let (va, vb) = match (cx.claim(a), cx.claim(b)) {
        (Some(x), Some(y)) => (x.value.nominal, y.value.nominal),
        _ => (0.0, 0.0),
    };
    let against = match d {
        Direction::Up => vb < va,
        Direction::Down => vb > va,
        Direction::Unknown => false,
    };
    let order_known = (old_marked || new_marked) && !wrong;
    e.direction_clash = f64::from(u8::from(wrong || (against && !order_known)));
    e.cue = match (cx.claim(s).map(|c| c.role), d) {
        (Some(crate::claim::Role::Change), _) => 1.0,
        (_, Direction::Up | Direction::Down) => 0.5,
        _ => 0.0,
    };
    match (cx.fact(a).year, cx.fact(b).year) {
        (Some(x), Some(y)) if x < y => e.time_fit = 1.0,
        (Some(x), Some(y)) if x > y => e.time_clash = 1.0,
        _ => {}
    }
    let na = cx.own_noun(a);
    let nb = cx.own_noun(b);
    Context::noun_evidence(&mut e, &[(na, nb)]);
    e
}

/// True when claim `x` is a stated change ("25 cents", "77.5%") and the tokens between it
/// and claim `k`, right after it, are exactly one of `ties` ("to", "at"; "from", ", from"):
/// `k` is that change's end or start.
fn tied_to_change(cx: &Context, x: usize, k: usize, ties: &[&[&str]]) -> bool {
    cx.claim(x).is_some_and(|c| c.role == crate::claim::Role::Change)
        && between(cx, x, k).is_some_and(|t| {
            ties.iter()
                .any(|tie| t.len() == tie.len() && lower(cx, t).zip(tie.iter()).all(|(w, want)| w == *want))
        })
}

/// "revenue of $4.2 billion, up 12% from $3.45 billion": `b` right before the change `s`,
/// set off by a comma and a word of direction, with start `a` after it, is the end.
fn apposed_end(cx: &Context, s: usize, a: usize, b: usize) -> bool {
    if !(b < s && s < a) || cx.sentences_apart(b, s) != 0 || cx.sentences_apart(a, s) != 0 {
        return false;
    }
    // The figure's own noun and time may stand before the comma ("41.2 million trips last
    // year, up 9% from 37.1 million"), but no other comma.
    between(cx, b, s).is_some_and(|t| {
        let l: Vec<&str> = lower(cx, t).collect();
        let Some(comma) = l.iter().position(|w| *w == ",") else {
            return false;
        };
        let (head, tail) = l.split_at(comma);
        head.len() <= 5 && matches!(tail, [",", w] | [",", w, "by"] if UP.has(w) || DOWN.has(w))
    })
}

/// "1,200 workers, 20% more than the 1,000 it had", "36 trainees, a fifth larger than the
/// autumn intake of 30": `b` set off by a comma right before the difference `s`, which a
/// comparative and "than" tie to `a` within a few words, in one clause of one sentence.
fn compared_pair(cx: &Context, s: usize, a: usize, b: usize) -> bool {
    if !(b < s && s < a) {
        return false;
    }
    let head = between(cx, b, s).is_some_and(|t| {
        let l: Vec<&str> = lower(cx, t).collect();
        matches!(l.split_last(), Some((&",", rest)) if rest.len() <= 5 && !rest.contains(&","))
    });
    let tail = between(cx, s, a).is_some_and(|t| {
        let l: Vec<&str> = lower(cx, t).collect();
        let rest = match l.as_slice() {
            [w, "than", rest @ ..] if COMPARATIVE.has(w) => rest,
            ["above" | "below", rest @ ..] => rest,
            _ => return false,
        };
        rest.len() <= 5 && !rest.contains(&",")
    });
    head && tail
}

/// What the words around one claim say about its place in a change, read once per claim
/// ([`Context::cues`]) for [`change_evidence`], which weighs every pair of ends.
#[derive(Debug, Clone, Copy)]
pub struct ChangeCues {
    /// Named as a start: "from", "compared with" before it, "a year earlier" after it.
    pub old_strong: bool,
    /// `old_strong`, or placed earlier by the words ([`marked_earlier`]).
    pub old_marked: bool,
    /// "from" right before it.
    pub from: bool,
    /// One of [`TO`] before it.
    pub to: bool,
    /// One of [`TO_STRONG`] before it.
    pub to_strong: bool,
    /// Named as a start by "from", "than", "up from" … before it or [`EARLIER`] after it.
    pub marked_old: bool,
    /// "to", "reaching", "reached" before it.
    pub reached: bool,
}

impl ChangeCues {
    /// Read the cues of claim `i`.
    pub fn of(cx: &Context, i: usize) -> Self {
        // What [`preceded_by`] and [`followed_by`] read, taken once for every phrase.
        let (b, a) = (before_cue(cx, i), after(cx, i));
        let preceded = |phrases: &[&str]| phrases.iter().any(|p| ends_with(cx, b, p));
        let earlier = EARLIER.iter().any(|p| starts_with(cx, a, p));
        let old_strong = preceded(FROM) || earlier;
        ChangeCues {
            old_strong,
            old_marked: old_strong || marked_earlier(cx, i),
            from: preceded(&["from"]),
            to: preceded(TO),
            to_strong: preceded(TO_STRONG),
            marked_old: preceded(&[
                "from",
                "compared with",
                "compared to",
                "than",
                "up from",
                "down from",
            ]) || earlier,
            reached: preceded(&["to", "reaching", "reached"]),
        }
    }
}

/// A figure the words place before a change: "than the autumn intake of 30" (a "than"
/// within five words before it), or in a clause opened by "when" ("when she took office,
/// the number was 3.7 million"), or "in <year>" when another figure names a later one.
pub fn marked_earlier(cx: &Context, a: usize) -> bool {
    let (before, _) = clause(cx, a);
    let words: Vec<&str> = words(cx, before).collect();
    // "larger than the autumn intake of 30": a comparative and "than" within a few words;
    // "more than half the surplus" compares no two values.
    let than = words
        .iter()
        .rev()
        .take(5)
        .position(|w| *w == "than")
        .is_some_and(|p| {
            let at = words.len() - 1 - p;
            let comparative = at
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|w| COMPARATIVE.has(w));
            let fraction = words.get(at + 1..).is_some_and(|rest| {
                rest.iter()
                    .any(|w| matches!(*w, "half" | "third" | "quarter" | "twice" | "double"))
            });
            comparative && !fraction
        });
    let when =
        words.first().is_some_and(|w| *w == "when") || words.iter().rev().take(8).any(|w| *w == "when");
    than || when
}

/// True when the words before a figure make it the size of a difference ("a gap of
/// 1,080", "an increase of 300", "a shortfall of $3.3 million"): no end of a change.
pub fn names_difference(cx: &Context, k: usize) -> bool {
    let b = before_cue(cx, k);
    let w: Vec<&str> = words(cx, b).rev().take(2).collect();
    let noun = matches!(w.as_slice(), ["of", n, ..] if DIFFERENCE_NOUNS.contains(n));
    // "up more than 6%, or 16.75 pence, to 293.5p", "sank 14.87% - or $1.83 - to": the
    // amount restating a percent change.
    let restated = k.checked_sub(1).is_some_and(|p| {
        cx.claim(p).is_some_and(|c| c.kind == crate::claim::Kind::Percent)
            && between(cx, p, k).is_some_and(|t| {
                let l: Vec<&str> = lower(cx, t).collect();
                l.contains(&"or") && l.len() <= 3
            })
    });
    noun || restated
}

/// Nouns of a difference, before "of".
const DIFFERENCE_NOUNS: &[&str] = &[
    "gap",
    "difference",
    "margin",
    "increase",
    "decrease",
    "rise",
    "drop",
    "decline",
    "gain",
    "loss",
    "shortfall",
    "surplus",
    "deficit",
    "jump",
    "fall",
    "cut",
    "reduction",
    "growth",
    "lead",
    "deficit",
];

/// Words that set a gap above its benchmark ("$9.3 million or 2.4% more than planned",
/// "ahead of", "beat the plan by 3.2 percent or $2.6 million").
#[rustfmt::skip]
const GAP_ABOVE: Words = Words(&[
    "above", "ahead", "more", "higher", "greater", "beat", "beating", "exceed*", "topp*", "surpass*",
]);
/// Words that set a gap below its benchmark ("$18.6 million (4.3%) below its plan",
/// "short of", "under budget by 7% or $0.8 million").
#[rustfmt::skip]
const GAP_BELOW: Words = Words(&[
    "below", "short", "under", "behind", "less", "lower", "fewer", "miss*", "trail*",
]);

/// "$18.6 million (4.3%) below its plan", "$9.3 million or 2.4% more than planned",
/// "below the plan by $1.1 million or 0.9%": percentage `s` tied to an amount beside it
/// (brackets or "or"), the pair said to be above or below a benchmark the text does not
/// give. The amount's claim index and whether the pair is above the benchmark.
pub fn gap(cx: &Context, s: usize) -> Option<(usize, bool)> {
    let tied = |k: usize| {
        let l: Vec<&str> = lower(cx, between(cx, k, s)?).collect();
        let ok = if k < s {
            matches!(l.as_slice(), ["("] | ["or"] | [",", "or"])
        } else {
            matches!(l.as_slice(), ["or"] | [",", "or"])
        };
        ok.then_some(k)
    };
    let amount = s
        .checked_sub(1)
        .and_then(tied)
        .or_else(|| tied(s + 1))
        .filter(|&k| {
            cx.claim(k).is_some_and(|c| {
                c.usable() && matches!(c.kind, crate::claim::Kind::Count | crate::claim::Kind::Money)
            })
        })?;
    let (first, last) = (amount.min(s), amount.max(s));
    // After the pair: "… below the target", "… short of forecast", "… more than expected".
    let side = |w: &str| {
        if GAP_ABOVE.has(w) {
            Some(true)
        } else if GAP_BELOW.has(w) {
            Some(false)
        } else {
            None
        }
    };
    let after_says = words(cx, after(cx, last)).next().and_then(side);
    // Before it: "ended up below estimates by …", "beat estimates by …".
    let head: Vec<&str> = words(cx, before(cx, first)).rev().take(4).collect();
    let before_says = if head.first() == Some(&"by") {
        head.iter().skip(1).find_map(|w| side(w))
    } else {
        None
    };
    after_says.or(before_says).map(|above| (amount, above))
}
