//! Checking many articles: read in input order, checked in parallel (rayon), handed back
//! in input order. At most two chunks of articles are held at once (the one being
//! checked and the one being read), each bounded by [`Limits`] or by one article when an
//! article alone is larger, so memory follows the largest article, not the archive.

use crate::input::{Article, Item, Notice};
use rayon::prelude::*;

/// How much input one chunk may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Articles per chunk.
    pub articles: usize,
    /// Bytes of text per chunk (a chunk holds at least one article, however large).
    pub bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            articles: 1024,
            bytes: 8 << 20,
        }
    }
}

/// Read the next chunk of items.
fn next_chunk<I: Iterator<Item = Item>>(items: &mut I, limits: Limits) -> Vec<Item> {
    let mut chunk = Vec::new();
    let mut bytes = 0usize;
    while chunk.len() < limits.articles && bytes < limits.bytes {
        let Some(item) = items.next() else { break };
        bytes += item.as_ref().map_or(0, |a| a.text.len());
        chunk.push(item);
    }
    chunk
}

/// Apply `work` to every article in parallel and give each result, or the notice read in
/// its place, to `sink` in input order. Reading the next chunk overlaps checking the
/// current one. Stops at the first error `sink` returns.
pub fn ordered<I, T, E, F, S>(items: I, limits: Limits, work: F, mut sink: S) -> Result<(), E>
where
    I: Iterator<Item = Item> + Send,
    T: Send,
    F: Fn(Article) -> T + Sync,
    S: FnMut(Result<T, Notice>) -> Result<(), E>,
{
    let mut items = items;
    let mut chunk = next_chunk(&mut items, limits);
    while !chunk.is_empty() {
        let (done, next) = rayon::join(
            || {
                chunk
                    .into_par_iter()
                    .map(|item| item.map(&work))
                    .collect::<Vec<_>>()
            },
            || next_chunk(&mut items, limits),
        );
        for d in done {
            sink(d)?;
        }
        chunk = next;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(i: usize) -> Item {
        Ok(Article {
            path: format!("a{i}"),
            text: "x".repeat(i % 7 * 100),
            lossy: false,
            format: crate::markup::Format::Text,
            is_file: false,
        })
    }

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<Item> = (0..2000)
            .map(|i| {
                if i % 100 == 3 {
                    Err(Notice::Binary(format!("a{i}")))
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
