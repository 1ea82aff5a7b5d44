//! Review decisions: a reviewer confirms a finding (a real discrepancy) or dismisses it (a
//! false alarm), and the decision is remembered in a review file beside the article.
//!
//! A decision is keyed by the finding's *fingerprint*: its rule id and the normalised texts
//! of the claims it used, not byte offsets, so an edit elsewhere in the article keeps it,
//! and a change to one of its figures makes the finding unreviewed again. Its [`key`], a
//! short hash of the fingerprint, names the finding in every report beside its f-number:
//! f-numbers count the findings of one run and shift when rules are enabled or disabled,
//! the key does not.
//!
//! The file (`ARTICLE.review.json` by default) is JSON:
//!
//! ```json
//! {"version": 1,
//!  "decisions": [{"fingerprint": "per-unit-average|7.4 million|about 6,000|an average of 7,000",
//!                 "status": "confirmed", "reason": null,
//!                 "message": "stated 7,000 cases per agent is 5.68× …"}]}
//! ```
//!
//! Writes are atomic (a temporary file in the same folder, flushed, then renamed over the
//! old one) and made under a lock file, re-reading and merging the decisions on disk first,
//! so two reviews of one article at once do not lose a decision. A file that cannot be read
//! as a review file is an error naming it; it is never overwritten.

use crate::claim::Claim;
use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a reviewer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A real discrepancy.
    Confirmed,
    /// A false alarm.
    Dismissed,
}

impl Status {
    /// The lower-case name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Dismissed => "dismissed",
        }
    }
}

/// One remembered decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Rule id and the normalised texts of the claims used.
    pub fingerprint: String,
    /// Confirmed or dismissed.
    pub status: Status,
    /// Why, when the reviewer said.
    #[serde(default)]
    pub reason: Option<String>,
    /// The finding's message when it was decided, for people reading the file.
    #[serde(default)]
    pub message: String,
}

/// The decisions of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    /// Format version: 1.
    pub version: u32,
    /// Every decision, one per fingerprint.
    pub decisions: Vec<Decision>,
}

/// A review file that cannot be used.
#[derive(Debug)]
pub enum ReviewError {
    /// The file exists but is not a review file.
    Corrupt(PathBuf, String),
    /// Reading or writing failed.
    Io(PathBuf, std::io::Error),
    /// Another review held the lock for too long.
    Locked(PathBuf),
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewError::Corrupt(p, e) => write!(
                f,
                "{}: not a valid review file ({e}); fix it or move it away — it was left untouched",
                p.display()
            ),
            ReviewError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ReviewError::Locked(p) => write!(
                f,
                "{}: another review is writing this file (lock {}.lock held); try again, or delete the lock if no review is running",
                p.display(),
                p.display()
            ),
        }
    }
}

impl std::error::Error for ReviewError {}

/// The review file that goes with an article: `story.txt` → `story.txt.review.json`.
pub fn default_path(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_os_string();
    name.push(".review.json");
    PathBuf::from(name)
}

/// Normalise a claim's text for a fingerprint: lower case, single spaces.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A finding's fingerprint: rule id and the normalised texts of the claims it used.
pub fn fingerprint(f: &Finding, claims: &[Claim]) -> String {
    let texts: Vec<String> = f
        .claims
        .iter()
        .filter_map(|id| crate::claim::by_id(claims, id))
        .map(|c| normalise(&c.text))
        .collect();
    format!("{}|{}", f.rule, texts.join("|"))
}

/// Hex digits in a finding's key.
pub const KEY_LEN: usize = 7;

/// A finding's key: the first [`KEY_LEN`] hex digits of the 64-bit FNV-1a hash of its
/// fingerprint ("3f9c1a2"). It depends on nothing but the fingerprint, so it is the same on
/// every machine and in every run, whichever other rules run; two findings share one only
/// when they share their fingerprint, and then one decision covers both anyway.
pub fn key(fingerprint: &str) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(fingerprint.as_bytes());
    let hex = format!("{:016x}", h.finish());
    hex.chars().take(KEY_LEN).collect()
}

impl ReviewFile {
    /// Read a review file; a missing file is an empty review.
    pub fn load(path: &Path) -> Result<ReviewFile, ReviewError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ReviewFile::empty()),
            Err(e) => return Err(ReviewError::Io(path.to_path_buf(), e)),
        };
        let file: ReviewFile = serde_json::from_str(&text)
            .map_err(|e| ReviewError::Corrupt(path.to_path_buf(), e.to_string()))?;
        if file.version != 1 {
            return Err(ReviewError::Corrupt(
                path.to_path_buf(),
                format!("unknown version {}", file.version),
            ));
        }
        Ok(file)
    }

    /// A review with no decisions.
    pub fn empty() -> ReviewFile {
        ReviewFile {
            version: 1,
            decisions: Vec::new(),
        }
    }

    /// The decision for a fingerprint, if any.
    pub fn get(&self, fingerprint: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.fingerprint == fingerprint)
    }

    /// Record a decision, replacing any earlier one for the same fingerprint.
    pub fn set(&mut self, d: Decision) {
        self.decisions.retain(|o| o.fingerprint != d.fingerprint);
        self.decisions.push(d);
    }
}

/// Record decisions in the review file at `path`: under the lock, re-read what is on disk,
/// apply the new decisions over it, and replace the file atomically.
pub fn record(path: &Path, new: &[Decision]) -> Result<ReviewFile, ReviewError> {
    let _lock = Lock::acquire(path)?;
    let mut file = ReviewFile::load(path)?;
    for d in new {
        file.set(d.clone());
    }
    write_atomic(path, &file)?;
    Ok(file)
}

/// Write a review file: a temporary file in the same folder, flushed to disk, renamed over
/// the old one. A crash at any point leaves the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, file: &ReviewFile) -> Result<(), ReviewError> {
    let io = |e| ReviewError::Io(path.to_path_buf(), e);
    let json = serde_json::to_string_pretty(file)
        .map_err(|e| ReviewError::Io(path.to_path_buf(), std::io::Error::other(e)))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(json.as_bytes()).map_err(io)?;
    f.write_all(b"\n").map_err(io)?;
    f.sync_all().map_err(io)?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// An exclusive lock on a review file: `PATH.lock`, created atomically, removed on drop.
struct Lock {
    path: PathBuf,
}

impl Lock {
    fn acquire(review: &Path) -> Result<Lock, ReviewError> {
        let mut name = review.as_os_str().to_os_string();
        name.push(".lock");
        let path = PathBuf::from(name);
        let start = Instant::now();
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    // The owner's pid, so that a lock left by a killed review can be taken over.
                    let _ = write!(f, "{}", std::process::id());
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if stale(&path) {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > Duration::from_secs(10) {
                        return Err(ReviewError::Locked(review.to_path_buf()));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(ReviewError::Io(path, e)),
            }
        }
    }
}

/// A lock whose owner is gone: its pid names no running process (where /proc tells); or it
/// holds no pid a second after it was made (its owner died between creating and writing
/// it); or it is older than a minute.
fn stale(lock: &Path) -> bool {
    let pid = std::fs::read_to_string(lock)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok());
    let age = std::fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    match pid {
        Some(pid) if Path::new("/proc/self").exists() => !Path::new(&format!("/proc/{pid}")).exists(),
        Some(_) => age.is_some_and(|a| a > Duration::from_secs(60)),
        None => age.is_some_and(|a| a > Duration::from_secs(1)),
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(fp: &str, status: Status) -> Decision {
        Decision {
            fingerprint: fp.into(),
            status,
            reason: None,
            message: String::new(),
        }
    }

    #[test]
    fn keys_are_short_stable_hashes() {
        // Pinned: a key must never change between versions, or review commands in notes
        // and tickets would name nothing.
        assert_eq!(
            key("per-unit-average|7.4 million|about 6,000|an average of 7,000").len(),
            KEY_LEN
        );
        assert_eq!(key(""), "cbf29ce");
        assert_eq!(key("a"), "af63dc4");
        assert_ne!(key("r|a"), key("r|b"));
    }

    #[test]
    fn record_merges_with_what_is_on_disk() {
        let dir = std::env::temp_dir().join(format!("claimcheck-review-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("a.txt.review.json");
        let _ = std::fs::remove_file(&path);
        assert!(record(&path, &[decision("r|a", Status::Confirmed)]).is_ok());
        assert!(record(&path, &[decision("r|b", Status::Dismissed)]).is_ok());
        let file = ReviewFile::load(&path).unwrap_or_default();
        assert_eq!(file.decisions.len(), 2);
        assert_eq!(file.get("r|a").map(|d| d.status), Some(Status::Confirmed));
        assert!(record(&path, &[decision("r|a", Status::Dismissed)]).is_ok());
        let file = ReviewFile::load(&path).unwrap_or_default();
        assert_eq!(file.get("r|a").map(|d| d.status), Some(Status::Dismissed));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_file_is_an_error_and_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("claimcheck-corrupt-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("b.txt.review.json");
        let _ = std::fs::write(&path, "{ not json");
        let err = record(&path, &[decision("r|a", Status::Confirmed)]);
        assert!(matches!(err, Err(ReviewError::Corrupt(..))));
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "{ not json");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
