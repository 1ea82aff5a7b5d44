//! Reading articles: files, directories (walked recursively, .gitignore respected), glob
//! patterns (their matches filtered by the same ignore rules as a directory walk), standard
//! input, and JSON Lines corpora, one clear message for each way that can fail.
//!
//! Inputs are named first ([`expand`]: cheap, only paths) and read one at a time as a
//! batch asks for them ([`Articles`]), so a corpus larger than memory streams through.

use crate::markup::Format;
use serde::Deserialize;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// An article as read.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given ("-" for standard input); for a JSON Lines record, its id.
    pub path: String,
    /// Its text, as in the file.
    pub text: String,
    /// True when the bytes were not valid UTF-8 and were decoded with replacement characters.
    pub lossy: bool,
    /// How the text is written.
    pub format: Format,
    /// True when the article is a file of its own, which a review file can sit beside.
    pub is_file: bool,
}

/// How to read inputs: by extension, as one format, or as JSON Lines records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// By extension: .html/.htm HTML, .md Markdown, .jsonl JSON Lines, anything else text.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON Lines: one `{"id": …, "text": …}` object per line.
    Jsonl,
}

impl InputFormat {
    /// True when a source is read as JSON Lines records under this setting.
    pub fn reads_records(self, source: &Source) -> bool {
        match source {
            Source::Stdin => self == InputFormat::Jsonl,
            Source::File(p) => self.of(p).is_none(),
        }
    }

    /// The format of one file under this setting; `None` for JSON Lines. A path without
    /// an extension (standard input) reads as text under `Auto`.
    fn of(self, path: &Path) -> Option<Format> {
        match self {
            InputFormat::Auto if is_jsonl(path) => None,
            InputFormat::Auto => Some(Format::from_path(path)),
            InputFormat::Text => Some(Format::Text),
            InputFormat::Markdown => Some(Format::Markdown),
            InputFormat::Html => Some(Format::Html),
            InputFormat::Jsonl => None,
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// No such file or directory.
    NotFound(String),
    /// A directory with no articles in it.
    EmptyDirectory(String),
    /// A glob pattern that names no file.
    NoMatch(String),
    /// A glob pattern whose every match the ignore rules skip: the pattern, how many.
    AllIgnored(String, usize),
    /// A glob pattern that is not one.
    BadPattern(String, String),
    /// Any other I/O error, with its cause.
    Unreadable(String, std::io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(p) => write!(f, "{p}: no such file or directory"),
            InputError::EmptyDirectory(p) => write!(
                f,
                "{p}: directory holds no articles (looked for *.txt, *.md, *.html, *.jsonl, \
                 skipping what .gitignore ignores)"
            ),
            InputError::NoMatch(p) => write!(f, "{p}: pattern matches no file"),
            InputError::AllIgnored(p, n) => write!(
                f,
                "{p}: pattern matches only files that .gitignore, .ignore or hidden-file rules \
                 skip ({n}), as a directory walk would; --no-ignore reads them"
            ),
            InputError::BadPattern(p, e) => write!(f, "{p}: not a valid glob pattern: {e}"),
            InputError::Unreadable(p, e) => write!(f, "{p}: cannot read: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// File extensions read from a directory.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "jsonl", "ndjson"];

/// One input named on the command line, after expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// How directories are walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk {
    /// Read what .gitignore, .ignore and hidden-file rules would skip, too.
    pub no_ignore: bool,
}

/// One command-line input and the sources it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The input as given.
    pub input: String,
    /// What it names, in order.
    pub sources: Vec<Source>,
    /// True for a file or "-" named on its own; false for a directory or a pattern, whose
    /// files were found by walking.
    pub listed: bool,
}

/// Turn command-line inputs into sources: "-" is standard input, a file is itself, a
/// directory is every article below it (sorted, .gitignore respected), anything else with
/// `*`, `?` or `[` is a glob pattern (whose matches skip what .gitignore skips, as a
/// directory walk does).
pub fn expand(inputs: &[String], walk: Walk) -> Result<Vec<Source>, InputError> {
    Ok(expand_named(inputs, walk)?
        .into_iter()
        .flat_map(|n| n.sources)
        .collect())
}

/// Like [`expand`], keeping apart what each input names.
pub fn expand_named(inputs: &[String], walk: Walk) -> Result<Vec<Named>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        let named = |sources: Vec<Source>, listed: bool| Named {
            input: input.clone(),
            sources,
            listed,
        };
        if input == "-" {
            out.push(named(vec![Source::Stdin], true));
            continue;
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let found = walk_dir(path, walk)?;
                if found.is_empty() {
                    return Err(InputError::EmptyDirectory(input.clone()));
                }
                out.push(named(found.into_iter().map(Source::File).collect(), false));
            }
            Ok(_) => out.push(named(vec![Source::File(path.to_path_buf())], true)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && is_pattern(input) => {
                let (matched, ignored) = expand_glob(input, walk)?;
                if matched.is_empty() && ignored > 0 {
                    return Err(InputError::AllIgnored(input.clone(), ignored));
                }
                if matched.is_empty() {
                    return Err(InputError::NoMatch(input.clone()));
                }
                out.push(named(matched.into_iter().map(Source::File).collect(), false));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(InputError::NotFound(input.clone()));
            }
            Err(e) => return Err(InputError::Unreadable(input.clone(), e)),
        }
    }
    Ok(out)
}

/// The files a glob pattern matches, in the glob crate's order; a matched directory is
/// walked. Unless `walk.no_ignore`, a match that a walk from the pattern's fixed leading
/// directory would skip (.gitignore, .ignore, hidden files) is left out, so that a pattern
/// and the directory it lies in read the same files. Also says how many matches were
/// left out so.
fn expand_glob(pattern: &str, walk: Walk) -> Result<(Vec<PathBuf>, usize), InputError> {
    let paths =
        glob::glob(pattern).map_err(|e| InputError::BadPattern(pattern.to_string(), e.to_string()))?;
    let mut matches = Vec::new();
    for p in paths {
        let p = p.map_err(|e| {
            let path = e.path().display().to_string();
            InputError::Unreadable(path, e.into())
        })?;
        matches.push(p);
    }
    let kept: Option<std::collections::HashSet<PathBuf>> = if walk.no_ignore || matches.is_empty() {
        None
    } else {
        let base = glob_base(pattern);
        // Without "**" a pattern reaches only as deep as its own components.
        let depth = (!pattern.contains("**")).then(|| {
            let all = pattern.split('/').filter(|c| !c.is_empty() && *c != ".").count();
            let fixed = normal(&base)
                .components()
                .filter(|c| {
                    matches!(
                        c,
                        std::path::Component::Normal(_) | std::path::Component::ParentDir
                    )
                })
                .count();
            all.saturating_sub(fixed)
        });
        Some(walkable(&base, depth)?)
    };
    let mut out = Vec::new();
    let mut ignored = 0;
    for p in matches {
        if kept.as_ref().is_some_and(|k| !k.contains(&normal(&p))) {
            ignored += 1;
            continue;
        }
        if p.is_dir() {
            out.extend(walk_dir(&p, walk)?);
        } else {
            out.push(p);
        }
    }
    Ok((out, ignored))
}

/// The leading components of a pattern that hold no pattern characters: where matching
/// starts ("news/2024" for "news/2024/**/*.html", "." for "*.txt").
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    let parts: Vec<&str> = pattern.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if is_pattern(part) || i + 1 == parts.len() {
            break;
        }
        if part.is_empty() && i == 0 {
            base.push("/");
        } else {
            base.push(part);
        }
    }
    if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    }
}

/// Every file and directory below `dir` that a walk with the standard ignore rules visits,
/// normalised with [`normal`].
fn walkable(dir: &Path, depth: Option<usize>) -> Result<std::collections::HashSet<PathBuf>, InputError> {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder.require_git(false).max_depth(depth);
    let mut out = std::collections::HashSet::new();
    for entry in builder.build() {
        let entry =
            entry.map_err(|e| InputError::Unreadable(dir.display().to_string(), std::io::Error::other(e)))?;
        out.insert(normal(entry.path()));
    }
    Ok(out)
}

/// A path without "." components, so that "./a.txt" and "a.txt" compare equal.
fn normal(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

fn is_pattern(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// The articles below a directory, in name order.
fn walk_dir(dir: &Path, walk: Walk) -> Result<Vec<PathBuf>, InputError> {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder.sort_by_file_name(|a, b| a.cmp(b));
    if walk.no_ignore {
        builder.standard_filters(false);
    } else {
        // .gitignore applies even outside a git repository (an exported archive).
        builder.require_git(false);
    }
    let mut files = Vec::new();
    for entry in builder.build() {
        let entry =
            entry.map_err(|e| InputError::Unreadable(dir.display().to_string(), std::io::Error::other(e)))?;
        let is_article = entry.file_type().is_some_and(|t| t.is_file())
            && entry
                .path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
        if is_article {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Something worth telling the user while reading, without stopping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A file that looks binary, not read.
    Binary(String),
    /// A file or record that was not valid UTF-8 and was decoded with replacements.
    Lossy(String),
    /// A JSON Lines record that could not be used: file, line, why.
    BadRecord(String, usize, String),
    /// A file that could not be read, not checked.
    Unreadable(String, String),
}

impl Notice {
    /// True for input that should have been read and could not be: it makes the run
    /// exit 2. (A binary file is skipped on purpose; a lossy one is still checked.)
    pub fn is_failure(&self) -> bool {
        matches!(self, Notice::BadRecord(..) | Notice::Unreadable(..))
    }

    /// The input it is about: a file, or file:line for a JSON Lines record.
    pub fn path(&self) -> String {
        match self {
            Notice::Binary(p) | Notice::Lossy(p) | Notice::Unreadable(p, _) => p.clone(),
            Notice::BadRecord(p, line, _) => format!("{p}:{line}"),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Binary(p) => write!(
                f,
                "{p}: looks binary (NUL bytes in its first 8,000 bytes), not an article; skipped"
            ),
            Notice::Lossy(p) => write!(f, "{p}: not valid UTF-8; invalid bytes were replaced"),
            Notice::BadRecord(p, line, why) => write!(f, "{p}:{line}: {why}; record skipped"),
            Notice::Unreadable(p, why) => write!(f, "{p}: cannot read: {why}; skipped"),
        }
    }
}

/// One item of input: an article to check, or a notice.
pub type Item = Result<Article, Notice>;

/// An input named but not yet read or decoded: what the reading thread hands to the
/// workers, which do the reading (files) and decoding (JSON Lines records) in parallel.
#[derive(Debug)]
pub enum Pending {
    /// A file to read, with its size when known.
    File(PathBuf, Format, u64),
    /// A JSON Lines record: the file it is in, its line number, its bytes.
    Record(String, usize, Vec<u8>),
    /// Standard input, already read.
    Ready(Article),
    /// Something that went wrong while naming inputs.
    Failed(Notice),
}

impl Pending {
    /// Bytes this input will take in memory, about.
    pub fn size(&self) -> usize {
        match self {
            Pending::File(_, _, n) => usize::try_from(*n).unwrap_or(usize::MAX),
            Pending::Record(_, _, bytes) => bytes.len(),
            Pending::Ready(a) => a.text.len(),
            Pending::Failed(_) => 0,
        }
    }

    /// Read and decode it.
    pub fn read(self) -> Item {
        match self {
            Pending::File(path, format, _) => read_file(&path, format),
            Pending::Record(name, line, bytes) => record(&name, line, bytes),
            Pending::Ready(a) => Ok(a),
            Pending::Failed(n) => Err(n),
        }
    }
}

/// A JSON Lines record.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    format: Option<Format>,
}

/// Decode one JSON Lines record.
fn record(name: &str, number: usize, bytes: Vec<u8>) -> Item {
    let (line, lossy) = decode(bytes);
    let record: Record = serde_json::from_str(&line).map_err(|e| {
        let why = format!("not a JSON object with a \"text\" string ({e})");
        Notice::BadRecord(name.to_string(), number, why)
    })?;
    let path = match record.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("{name}:{number}"),
        Some(other) => other.to_string(),
    };
    Ok(Article {
        path,
        text: record.text,
        lossy,
        format: record.format.unwrap_or_default(),
        is_file: false,
    })
}

/// Names inputs one at a time, in order: a JSON Lines source a line at a time.
pub struct Articles {
    sources: std::vec::IntoIter<Source>,
    format: InputFormat,
    lines: Option<Lines>,
}

/// A JSON Lines source being read.
struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    number: usize,
}

impl Articles {
    /// Read `sources` under an input format.
    pub fn new(sources: Vec<Source>, format: InputFormat) -> Self {
        Articles {
            sources: sources.into_iter(),
            format,
            lines: None,
        }
    }

    fn next_record(lines: &mut Lines) -> Option<Pending> {
        loop {
            let mut bytes = Vec::new();
            lines.number += 1;
            match lines.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Pending::Failed(Notice::Unreadable(
                        lines.name.clone(),
                        e.to_string(),
                    )));
                }
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Pending::Record(lines.name.clone(), lines.number, bytes));
        }
    }
}

impl Iterator for Articles {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        loop {
            if let Some(lines) = &mut self.lines {
                match Self::next_record(lines) {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            let source = self.sources.next()?;
            let name = match &source {
                Source::Stdin => "-".to_string(),
                Source::File(p) => p.display().to_string(),
            };
            if self.format.reads_records(&source) {
                let reader: Box<dyn BufRead> = match &source {
                    Source::Stdin => Box::new(BufReader::new(std::io::stdin())),
                    Source::File(p) => match std::fs::File::open(p) {
                        Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                        Err(e) => return Some(Pending::Failed(Notice::Unreadable(name, e.to_string()))),
                    },
                };
                self.lines = Some(Lines {
                    name,
                    reader,
                    number: 0,
                });
                continue;
            }
            return Some(match source {
                Source::Stdin => {
                    let mut bytes = Vec::new();
                    match std::io::stdin().read_to_end(&mut bytes) {
                        // Standard input is judged as a file is: NUL bytes mean it is no article.
                        Ok(_) if looks_binary(&bytes) => Pending::Failed(Notice::Binary(name)),
                        Ok(_) => {
                            let (text, lossy) = decode(bytes);
                            let format = self.format.of(Path::new("")).unwrap_or_default();
                            Pending::Ready(Article {
                                path: name,
                                text,
                                lossy,
                                format,
                                is_file: false,
                            })
                        }
                        Err(e) => Pending::Failed(Notice::Unreadable("<stdin>".into(), e.to_string())),
                    }
                }
                Source::File(p) => {
                    let size = std::fs::metadata(&p).map_or(0, |m| m.len());
                    let format = self.format.of(&p).unwrap_or_default();
                    Pending::File(p, format, size)
                }
            });
        }
    }
}

/// Bytes in which a NUL marks a file as binary (as git and ripgrep decide).
const BINARY_SNIFF: usize = 8000;

/// True when bytes hold a NUL in their first [`BINARY_SNIFF`]: a file or standard input
/// that is not an article.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(BINARY_SNIFF).any(|&b| b == 0)
}

fn read_file(path: &Path, format: Format) -> Item {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Notice::Unreadable(name.clone(), e.to_string()))?;
    if looks_binary(&bytes) {
        return Err(Notice::Binary(name));
    }
    let (text, lossy) = decode(bytes);
    Ok(Article {
        path: name,
        text,
        lossy,
        format,
        is_file: true,
    })
}

/// Read one article file, whatever it looks like (for `review`, which names one file).
pub fn read_article(path: &str) -> Result<Article, InputError> {
    let p = Path::new(path);
    let bytes = std::fs::read(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Unreadable(path.into(), e),
    })?;
    let (text, lossy) = decode(bytes);
    Ok(Article {
        path: path.into(),
        text,
        lossy,
        format: Format::from_path(p),
        is_file: true,
    })
}

/// UTF-8 text from bytes, lossily when it must be; true when it had to be.
fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}
