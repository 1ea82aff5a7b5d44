//! How many rivals of one reading have a stronger or as strong a cue frame, for every
//! reading of one group (one rule, one stated figure): the `outframed` and `frame_ties`
//! features the resolver sets.
//!
//! The definition is [`naive`]: a reading's rivals with a frame more than 1e-9 stronger,
//! and those with a frame within 1e-9 of its own that derive another value (more than
//! 1e-3 apart, relatively). Comparing every reading with every other costs the square of
//! the group, and a group can hold hundreds of readings (every pair of parts that could
//! make a whole); [`counts`] gives the same numbers from sorted frames and values, with
//! binary searches whose predicates are monotone in the sort order, so that the counts
//! are exactly those of [`naive`]. Small groups, and groups with values where that
//! argument would need care (not finite, or near the subnormal range), take [`naive`].

use std::cmp::Ordering;

/// Slack within which two frames are as strong.
const FRAME_EPS: f64 = 1e-9;

/// Relative slack within which two derived values are the same.
const SAME_VALUE: f64 = 1e-3;

/// Groups up to this size are counted pair by pair.
const SMALL: usize = 8;

/// (stronger, ties) of a reading with frame `f` deriving `d`, among `frames` (frame,
/// derived) of its group, itself included: the definition.
pub fn naive(frames: &[(f64, f64)], f: f64, d: f64) -> (usize, usize) {
    let same_value = |x: f64| (x - d).abs() <= SAME_VALUE * d.abs().max(x.abs());
    let (mut stronger, mut ties) = (0, 0);
    for x in frames {
        stronger += usize::from(x.0 > f + FRAME_EPS);
        ties += usize::from((x.0 - f).abs() <= FRAME_EPS && !same_value(x.1));
    }
    (stronger, ties)
}

/// True for a value the sorted counting handles: finite, and zero or far from the
/// subnormal range (so that relative slack behaves as on the reals).
fn plain(x: f64) -> bool {
    x.is_finite() && (x == 0.0 || x.abs() >= 1e-200)
}

/// (stronger, ties) of every reading of a group, in the order of `frames`, into `out`
/// (cleared first); the same numbers as [`naive`] for each.
pub fn counts(frames: &[(f64, f64)], out: &mut Vec<(usize, usize)>) {
    out.clear();
    if frames.len() <= SMALL || !frames.iter().all(|x| plain(x.0) && plain(x.1)) {
        out.extend(frames.iter().map(|&(f, d)| naive(frames, f, d)));
        return;
    }
    let mut sorted = frames.to_vec();
    sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Runs of one frame (bit for bit), each sorted by derived value.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=sorted.len() {
        let next = sorted.get(i).map(|x| x.0);
        let this = sorted.get(i - 1).map(|x| x.0);
        if next
            .zip(this)
            .is_none_or(|(a, b)| a.total_cmp(&b) != Ordering::Equal)
        {
            runs.push(start..i);
            start = i;
        }
    }
    out.extend(frames.iter().map(|&(f, d)| {
        let t = f + FRAME_EPS;
        // `x > t` is false then true along ascending frames; every frame is finite
        // here, so "not greater" is "at most".
        let stronger = sorted.len() - sorted.partition_point(|x| x.0 <= t);
        // `x - f` is monotone in x, so |x - f| ≤ ε holds on one stretch of the order.
        let lo = sorted.partition_point(|x| x.0 - f < -FRAME_EPS);
        let hi = sorted.partition_point(|x| x.0 - f <= FRAME_EPS);
        let same_value = |x: f64| (x - d).abs() <= SAME_VALUE * d.abs().max(x.abs());
        // A value within SAME_VALUE of d lies within 1.003e-3 |d| of it: a window ten
        // times that holds every one, and the exact test decides inside it.
        let w = 0.01 * d.abs();
        let mut same = 0;
        let first_run = runs.partition_point(|r| r.end <= lo);
        for r in runs.iter().skip(first_run).take_while(|r| r.start < hi) {
            let Some(run) = sorted.get(r.start.max(lo)..r.end.min(hi)) else {
                continue;
            };
            let a = run.partition_point(|x| x.1 < d - w);
            let b = run.partition_point(|x| x.1 <= d + w);
            same += run
                .get(a..b.max(a))
                .unwrap_or(&[])
                .iter()
                .filter(|x| (x.0 - f).abs() <= FRAME_EPS && same_value(x.1))
                .count();
        }
        (stronger, (hi - lo.min(hi)).saturating_sub(same))
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FRAMES: [f64; 8] = [0.0, 0.1, 0.5, 0.5 + 5e-10, 0.5 + 2e-9, 0.56, 0.72, 1.0];
    const VALUES: [f64; 10] = [
        0.0, -0.0, 1.0, 1.000_999, 1.001, 1.001_01, 0.999, -1.0, 250.0, 1e9,
    ];

    proptest! {
        #[test]
        fn counts_are_the_pairwise_counts(
            picks in proptest::collection::vec((0..FRAMES.len(), 0..VALUES.len(), 0.0f64..2.0), 0..120)
        ) {
            let frames: Vec<(f64, f64)> = picks
                .iter()
                .map(|&(f, v, s)| (FRAMES[f], if s < 1.0 { VALUES[v] } else { VALUES[v] * s }))
                .collect();
            let want: Vec<(usize, usize)> = frames.iter().map(|&(f, d)| naive(&frames, f, d)).collect();
            let mut got = Vec::new();
            counts(&frames, &mut got);
            prop_assert_eq!(got, want);
        }
    }
}
