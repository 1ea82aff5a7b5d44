//! Checking many articles: named in input order by the calling thread, read, decoded and
//! checked in parallel by rayon's workers, handed back in input order. The calling thread
//! does the ordered I/O: while the workers check one chunk, it writes the results of the
//! chunk before and names the chunk after. So at most three chunks are alive at once,
//! each bounded by [`Limits`] (or by one article, when an article alone is larger):
//! memory follows the largest article, not the archive.

use crate::input::{Article, Notice, Pending};
use rayon::prelude::*;

/// How much input one chunk may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Articles per chunk.
    pub articles: usize,
    /// Bytes of input per chunk (a chunk holds at least one article, however large).
    pub bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            articles: 512,
            bytes: 4 << 20,
        }
    }
}

/// Name the next chunk of inputs.
fn next_chunk<I: Iterator<Item = Pending>>(items: &mut I, limits: Limits) -> Vec<Pending> {
    let mut chunk = Vec::new();
    let mut bytes = 0usize;
    while chunk.len() < limits.articles && bytes < limits.bytes {
        let Some(item) = items.next() else { break };
        bytes = bytes.saturating_add(item.size());
        chunk.push(item);
    }
    chunk
}

/// Read and apply `work` to every input in parallel, and give each result, or the notice
/// read in its place, to `sink` in input order. Stops at the first error `sink` returns.
pub fn ordered<I, T, E, F, S>(items: I, limits: Limits, work: F, mut sink: S) -> Result<(), E>
where
    I: Iterator<Item = Pending>,
    T: Send,
    F: Fn(Article) -> T + Sync,
    S: FnMut(Result<T, Notice>) -> Result<(), E>,
{
    let mut items = items;
    let mut chunk = next_chunk(&mut items, limits);
    let mut written: Option<Vec<Result<T, Notice>>> = None;
    loop {
        if chunk.is_empty() {
            for r in written.take().into_iter().flatten() {
                sink(r)?;
            }
            return Ok(());
        }
        let mut done: Vec<Result<T, Notice>> = Vec::new();
        let mut stopped = None;
        let mut next = Vec::new();
        let work = &work;
        rayon::in_place_scope(|scope| {
            let current = std::mem::take(&mut chunk);
            let done = &mut done;
            scope.spawn(move |_| {
                *done = current.into_par_iter().map(|p| p.read().map(work)).collect();
            });
            // Meanwhile, on this thread: write the chunk before, name the chunk after.
            for r in written.take().into_iter().flatten() {
                if let Err(e) = sink(r) {
                    stopped = Some(e);
                    return;
                }
            }
            next = next_chunk(&mut items, limits);
        });
        if let Some(e) = stopped {
            return Err(e);
        }
        written = Some(done);
        chunk = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(i: usize) -> Pending {
        Pending::Ready(Article {
            path: format!("a{i}"),
            text: "x".repeat(i % 7 * 100),
            lossy: false,
            format: crate::markup::Format::Text,
            is_file: false,
        })
    }

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<Pending> = (0..2000)
            .map(|i| {
                if i % 100 == 3 {
                    Pending::Failed(Notice::Binary(format!("a{i}")))
                } else {
                    article(i)
                }
            })
            .collect();
        let mut seen = Vec::new();
        let limits = Limits {
            articles: 64,
            bytes: 10_000,
        };
        let r: Result<(), ()> = ordered(
            items.into_iter(),
            limits,
            |a| a.path,
            |d| {
                seen.push(d.unwrap_or_else(|n| format!("notice {n}")));
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen.len(), 2000);
        assert_eq!(seen.get(5).map(String::as_str), Some("a5"));
        assert!(seen.get(103).is_some_and(|s| s.starts_with("notice a103")));
        assert_eq!(seen.last().map(String::as_str), Some("a1999"));
    }

    #[test]
    fn a_sink_error_stops_the_batch() {
        let mut count = 0;
        let r = ordered(
            (0..500).map(article),
            Limits::default(),
            |a| a.path,
            |_| {
                count += 1;
                if count == 10 { Err("full") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("full"));
        assert_eq!(count, 10);
    }
}
