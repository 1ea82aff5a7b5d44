//! A change stated apart from the two figures it runs between.
//!
//! Reports often give the two levels in one sentence and the change in another: "Net
//! income was $3.3 billion, compared with $3.0 billion a year earlier. … Profit rose 12%
//! from a year earlier"; "Orders ran at 4.12 million units, down from 4.80 million. …
//! Orders fell 14.2 percent from the second quarter of 2019." The change's sentence names
//! no figure it could run between; the pair is the one the words frame as a change
//! ("compared with", "down from", "from … to").
//!
//! [`pairs`] lists such framed pairs for a stated change whose own sentence holds none of
//! its ends, nearest first, each with whether it shares the change's subject words.

use super::Context;
use super::frames;
use super::measure::same_dimension;

/// How many framed pairs one change weighs.
const MAX_PAIRS: usize = 6;

/// How many sentences away a framed pair may stand.
const REACH: usize = 24;

/// Framed pairs (start, end, shares the change's subject) for stated change `s`, whose
/// sentence holds no figure `endpoint` accepts: two figures of one measure in one
/// sentence, the start named by "from", "compared with", "a year earlier" and the end not
/// named a start, nearest to `s` first.
pub fn pairs(cx: &Context, s: usize, endpoint: impl Fn(usize) -> bool) -> Vec<(usize, usize, bool)> {
    let Some(cs) = cx.claim(s) else { return Vec::new() };
    let own_sentence = cx.near(s, 0).any(|k| k != s && endpoint(k));
    if own_sentence {
        return Vec::new();
    }
    let mut out = Vec::new();
    for a in cx.near(s, REACH) {
        let Some(ca) = cx.claim(a) else { continue };
        if ca.sentence == cs.sentence || !endpoint(a) || !cx.cues(a).old_strong {
            continue;
        }
        // The end: the nearest figure of the start's measure in its sentence that is not
        // named a start itself, with at most a dozen words between.
        let end = cx
            .near(a, 0)
            .filter(|&b| {
                b != a
                    && endpoint(b)
                    && !cx.cues(b).marked_old
                    && cx.claim(b).is_some_and(|cb| {
                        same_dimension(ca, cb)
                            && ca.per == cb.per
                            && cb.value.nominal != ca.value.nominal
                            && cb.value.nominal != 0.0
                    })
                    && frames::between(cx, a, b).is_some_and(|t| frames::word_count(t) <= 12)
            })
            .min_by_key(|&b| b.abs_diff(a));
        if let Some(b) = end {
            let shared = cx.shared_subject(s, b) > 0 || cx.shared_subject(s, a) > 0;
            out.push((a, b, shared));
        }
    }
    out.sort_by_key(|&(a, _, _)| cx.sentences_apart(a, s));
    out.truncate(MAX_PAIRS);
    out
}
