//! Reading articles: files, directories of articles and standard input, with one clear
//! message for each way that can fail.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// An article as read.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given ("-" for standard input).
    pub path: String,
    /// Its text.
    pub text: String,
    /// True when the bytes were not valid UTF-8 and were decoded with replacement characters.
    pub lossy: bool,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// No such file or directory.
    NotFound(String),
    /// A directory with no .txt, .md or .html files in it.
    EmptyDirectory(String),
    /// Any other I/O error, with its cause.
    Unreadable(String, std::io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(p) => write!(f, "{p}: no such file or directory"),
            InputError::EmptyDirectory(p) => {
                write!(
                    f,
                    "{p}: directory holds no articles (looked for *.txt, *.md, *.html)"
                )
            }
            InputError::Unreadable(p, e) => write!(f, "{p}: cannot read: {e}"),
        }
    }
}

impl std::error::Error for InputError {}

/// File extensions read from a directory.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Read every article a path names: a file, a directory (its articles, sorted, not
/// recursive) or "-" for standard input.
pub fn read_articles(path: &str) -> Result<Vec<Article>, InputError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError::Unreadable("<stdin>".into(), e))?;
        return Ok(vec![decode("-".into(), bytes)]);
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Unreadable(path.into(), e),
    })?;
    if meta.is_dir() {
        let entries = std::fs::read_dir(p).map_err(|e| InputError::Unreadable(path.into(), e))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|f| {
                f.is_file()
                    && f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_lowercase().as_str()))
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(InputError::EmptyDirectory(path.into()));
        }
        return files.iter().map(|f| read_file(&f.to_string_lossy())).collect();
    }
    Ok(vec![read_file(path)?])
}

fn read_file(path: &str) -> Result<Article, InputError> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Unreadable(path.into(), e),
    })?;
    Ok(decode(path.into(), bytes))
}

fn decode(path: String, bytes: Vec<u8>) -> Article {
    match String::from_utf8(bytes) {
        Ok(text) => Article {
            path,
            text,
            lossy: false,
        },
        Err(e) => Article {
            path,
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}
