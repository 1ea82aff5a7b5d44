//! User rules: `claims/*.toml` files of `[[rule]]` tables, each naming figures by
//! selectors and stating a relation between them in a small language, with examples that
//! are regression tests. Read with serde ([`schema`]), relations parsed with nom
//! ([`expr`]), claims picked by [`select`], and evaluated with the same interval
//! arithmetic and verdicts as the built-in rules.
//!
//! ```toml
//! [[rule]]
//! id = "per-officer-caseload"
//! description = "A caseload per officer must follow from the backlog and the staff."
//! select.total   = { noun = "case", per = "none" }
//! select.staff   = { noun = "officer|agent" }
//! select.average = { noun = "case", per = "officer|agent" }
//! expect = "average ~= total / staff within 10%"
//! examples.contradicted = ["The backlog reached 7.4 million cases; 6,000 officers each handle an average of 7,000 cases."]
//! examples.consistent   = ["The backlog reached 600,000 cases; 6,000 officers each handle an average of 100 cases."]
//! ```

pub mod error;
pub mod expr;
pub mod schema;
pub mod select;

use crate::claim::Claim;
use crate::finding::{Severity, fmt_num, fmt_range};
use crate::interval::{Value, Verdict};
use crate::relate::{Compare, Context, Reading};
use crate::rules::{Rule, Wording};
pub use error::RuleFileError;
use expr::{Cmp, Expr, Op, Relation, Tolerance, parse_relation};
use select::Select;
use std::collections::HashSet;
use std::path::Path;

/// A rule read from a rule file, ready to run.
#[derive(Debug, Clone)]
pub struct UserRule {
    /// Its id.
    pub id: String,
    /// Its one-line description.
    pub description: String,
    /// The file it came from.
    pub path: String,
    /// Its relation as written.
    pub expect: String,
    /// "error" or "warning".
    pub severity: Severity,
    /// How many sentences apart its figures may be.
    pub within: usize,
    /// Named selectors, in file order, with their text as written.
    pub select: Vec<(String, Select, String)>,
    relation: Relation,
    examples: Vec<(String, Verdict)>,
}

fn err(path: &str, text: &str, span: std::ops::Range<usize>, message: impl Into<String>) -> RuleFileError {
    RuleFileError {
        path: path.into(),
        text: text.into(),
        span,
        message: message.into(),
    }
}

/// Read every `*.toml` rule file of a directory (sorted), or one file.
pub fn load(path: &Path) -> Result<Vec<UserRule>, RuleFileError> {
    load_all(&[path])
}

/// Read the rule files of several files and directories, in order. An id used twice, in
/// one file or across them all, is an error located at its second use.
pub fn load_all(paths: &[&Path]) -> Result<Vec<UserRule>, RuleFileError> {
    let mut rules: Vec<UserRule> = Vec::new();
    for path in paths {
        for f in rule_files(path)? {
            let p = f.display().to_string();
            let text = std::fs::read_to_string(&f)
                .map_err(|e| err(&p, "", 0..0, format!("cannot read rule file: {e}")))?;
            let mut loaded = parse_file(&p, &text)?;
            for r in &loaded {
                if let Some(first) = rules.iter().find(|o| o.id == r.id) {
                    let at = text.find(&format!("\"{}\"", r.id)).unwrap_or(0);
                    return Err(err(
                        &p,
                        &text,
                        at..at + r.id.len() + 2,
                        format!("rule id '{}' is used twice (also in {})", r.id, first.path),
                    ));
                }
            }
            rules.append(&mut loaded);
        }
    }
    Ok(rules)
}

/// The rule files a path names: itself, or the `*.toml` files of a directory, sorted.
fn rule_files(path: &Path) -> Result<Vec<std::path::PathBuf>, RuleFileError> {
    let shown = path.display().to_string();
    let mut files = Vec::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(path)
            .map_err(|e| err(&shown, "", 0..0, format!("cannot read directory: {e}")))?;
        files.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml")),
        );
        files.sort();
    } else if path.is_file() {
        files.push(path.to_path_buf());
    } else {
        return Err(err(&shown, "", 0..0, "no such rule file or directory"));
    }
    Ok(files)
}

/// Parse and compile one rule file's text.
pub fn parse_file(path: &str, text: &str) -> Result<Vec<UserRule>, RuleFileError> {
    let file: schema::RuleFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        err(path, text, span, e.message().trim().replace('\n', " "))
    })?;
    if file.rule.is_empty() {
        return Err(err(
            path,
            text,
            0..0,
            "no rules: expected one or more [[rule]] tables",
        ));
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for spanned in file.rule {
        let def = spanned.get_ref();
        let id_span = def.id.span();
        let id = def.id.get_ref().clone();
        let kebab = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !kebab {
            return Err(err(
                path,
                text,
                id_span,
                format!("rule id '{id}' must be kebab-case: lower-case letters, digits and '-'"),
            ));
        }
        if crate::rules::BUILTIN.iter().any(|r| r.id() == id) {
            return Err(err(
                path,
                text,
                id_span,
                format!(
                    "rule id '{id}' is a built-in rule's: choose another id (built-in rules are listed by `claimcheck rules list`)"
                ),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(err(
                path,
                text,
                id_span,
                format!("rule id '{id}' is used twice in this file"),
            ));
        }
        let mut select = Vec::new();
        for (name, sel) in &def.select {
            let compiled = select::Select::compile(sel.get_ref()).map_err(|(field, msg)| {
                err(path, text, sel.span(), format!("select.{name}.{field}: {msg}"))
            })?;
            select.push((name.clone(), compiled, select::describe(sel.get_ref())));
        }
        // The relation's offsets count from the string's first character, one past its quote.
        let expect_span = def.expect.span();
        let base = expect_span.start + 1;
        let relation = parse_relation(def.expect.get_ref()).map_err(|e| {
            let at = base + e.offset;
            err(
                path,
                text,
                at..(at + 1).min(expect_span.end),
                format!("in expect: {}", e.message),
            )
        })?;
        let names: Vec<&String> = select.iter().map(|(n, _, _)| n).collect();
        let mut used = relation.derived.names();
        used.push(relation.stated.clone());
        for (n, r) in &used {
            if !names.contains(&n) {
                let at = base + r.start;
                let known = names.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                return Err(err(
                    path,
                    text,
                    at..at + n.len(),
                    format!("in expect: '{n}' is not selected: expected one of {known}, or add select.{n}"),
                ));
            }
        }
        let examples: Vec<(String, Verdict)> = def
            .examples
            .consistent
            .iter()
            .map(|t| (t.clone(), Verdict::Consistent))
            .chain(
                def.examples
                    .contradicted
                    .iter()
                    .map(|t| (t.clone(), Verdict::Contradicted)),
            )
            .chain(
                def.examples
                    .borderline
                    .iter()
                    .map(|t| (t.clone(), Verdict::Borderline)),
            )
            .collect();
        if examples.is_empty() {
            return Err(err(
                path,
                text,
                id_span,
                format!("rule '{id}' has no examples: add examples.consistent and examples.contradicted"),
            ));
        }
        let severity = match def.severity.as_ref().map(|s| s.get_ref().to_lowercase()) {
            None => Severity::Error,
            Some(s) if s == "error" => Severity::Error,
            Some(s) if s == "warning" => Severity::Warning,
            Some(s) => {
                let span = def.severity.as_ref().map_or(id_span.clone(), |x| x.span());
                return Err(err(
                    path,
                    text,
                    span,
                    format!("severity '{s}': expected \"error\" or \"warning\""),
                ));
            }
        };
        let within = match def.within.as_ref() {
            None => 3,
            Some(w) => parse_within(w.get_ref()).ok_or_else(|| {
                err(
                    path,
                    text,
                    w.span(),
                    "within: expected \"same sentence\", \"same paragraph\" or \"N sentences\"",
                )
            })?,
        };
        out.push(UserRule {
            id,
            description: def.description.clone(),
            path: path.into(),
            expect: def.expect.get_ref().clone(),
            severity,
            within,
            select,
            relation,
            examples,
        });
    }
    Ok(out)
}

/// Sentence distance allowed by a `within` phrase; "same paragraph" is read as 6 sentences.
fn parse_within(s: &str) -> Option<usize> {
    let s = s.trim().to_lowercase();
    match s.as_str() {
        "same sentence" | "sentence" => Some(0),
        "same paragraph" | "paragraph" => Some(6),
        "document" | "anywhere" => Some(usize::MAX),
        _ => s
            .strip_suffix("sentences")
            .or_else(|| s.strip_suffix("sentence"))
            .and_then(|n| n.trim().parse().ok()),
    }
}

impl UserRule {
    /// Every binding of the rule's names to claims, one per stated claim: the stated figure
    /// first, then each other name's nearest acceptable claim within reach.
    fn bindings(&self, cx: &Context) -> Vec<Vec<(&str, usize)>> {
        let stated_name = self.relation.stated.0.as_str();
        let Some((_, stated_sel, _)) = self.select.iter().find(|(n, _, _)| n == stated_name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (si, s) in cx.claims.iter().enumerate() {
            if !stated_sel.accepts(cx.doc, s) {
                continue;
            }
            let mut bound: Vec<(&str, usize)> = vec![(stated_name, si)];
            let mut complete = true;
            for (name, sel, _) in self.select.iter().filter(|(n, _, _)| n != stated_name) {
                let pick = cx
                    .near(si, self.within)
                    .filter_map(|k| cx.claim(k).map(|c| (k, c)))
                    .filter(|(k, c)| {
                        c.sentence.abs_diff(s.sentence) <= self.within
                            && !bound.iter().any(|(_, b)| b == k)
                            && sel.accepts(cx.doc, c)
                    })
                    .min_by_key(|(_, c)| {
                        (
                            c.sentence.abs_diff(s.sentence),
                            c.span.start.abs_diff(s.span.start),
                        )
                    });
                match pick {
                    Some((k, _)) => bound.push((name.as_str(), k)),
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            if complete {
                out.push(bound);
            }
        }
        out
    }

    fn reading(&self, cx: &Context, id: &'static str, bound: &[(&str, usize)]) -> Option<Reading> {
        let lookup = |n: &str| {
            bound
                .iter()
                .find(|(b, _)| *b == n)
                .and_then(|(_, k)| cx.claim(*k))
        };
        let (_, stated_index) = *bound.first()?;
        let stated_claim = cx.claim(stated_index)?;
        let derived = eval(&self.relation.derived, &lookup)?;
        let mut stated = stated_claim.value;
        let compare = match self.relation.cmp {
            Cmp::About | Cmp::Equal => {
                match self.relation.tolerance {
                    Some(Tolerance::Relative(t)) => stated = stated.widen(t),
                    Some(Tolerance::Absolute(a)) => {
                        stated = Value {
                            low: stated.low - a,
                            high: stated.high + a,
                            ..stated
                        }
                    }
                    None => {}
                }
                Compare::Equal
            }
            Cmp::AtMost => Compare::AtMost,
            Cmp::Less => Compare::Less,
            Cmp::AtLeast => Compare::AtLeast,
            Cmp::More => Compare::More,
        };
        let written = format!(
            "{} ({})",
            render(&self.relation.derived, &lookup, false),
            render(&self.relation.derived, &lookup, true) + " = " + &fmt_range(&derived)
        );
        let operands: Vec<(usize, &'static str)> = bound
            .iter()
            .skip(1)
            .map(|(n, k)| (*k, intern(n, "operand")))
            .collect();
        let others: Vec<usize> = operands.iter().map(|(k, _)| *k).collect();
        let mut e = cx.base_evidence(stated_index, &others);
        e.frame = 1.0;
        e.cue = 1.0;
        let mut r = Reading::given(id, stated_index, stated, operands, derived, compare, written, e);
        r.notes
            .push(format!("{}.", self.description.trim_end_matches('.')));
        Some(r)
    }
}

/// Role names and ids of user rules live as long as the program: they are the rule file's
/// own selector names and rule ids, interned once. `fallback` stands in should the table's
/// lock be poisoned.
fn intern(name: &str, fallback: &'static str) -> &'static str {
    use std::sync::{LazyLock, Mutex};
    static NAMES: LazyLock<Mutex<Vec<&'static str>>> = LazyLock::new(|| Mutex::new(Vec::new()));
    let Ok(mut names) = NAMES.lock() else {
        return fallback;
    };
    if let Some(r) = names.iter().find(|r| **r == name) {
        return r;
    }
    let r: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(r);
    r
}

fn eval<'a>(e: &Expr, lookup: &dyn Fn(&str) -> Option<&'a Claim>) -> Option<Value> {
    match e {
        Expr::Num(n) => Some(Value::point(*n)),
        Expr::Var(n, _) => lookup(n).map(|c| c.value),
        Expr::Neg(x) => eval(x, lookup).map(|v| v.scale(-1.0)),
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, lookup)?, eval(b, lookup)?);
            let v = match op {
                Op::Add => a.plus(b),
                Op::Sub => a.minus(b),
                Op::Mul => a.times(b),
                Op::Div => a.checked_div(b)?,
            };
            v.is_finite().then_some(v)
        }
    }
}

/// The expression with each name replaced by its figure (or its interval).
fn render<'a>(e: &Expr, lookup: &dyn Fn(&str) -> Option<&'a Claim>, ranges: bool) -> String {
    match e {
        Expr::Num(n) => fmt_num(*n),
        Expr::Var(n, _) => lookup(n).map_or(n.clone(), |c| {
            if ranges {
                fmt_range(&c.value)
            } else {
                fmt_num(c.value.nominal)
            }
        }),
        Expr::Neg(x) => format!("−{}", render(x, lookup, ranges)),
        Expr::Bin(op, a, b) => {
            let sym = match op {
                Op::Add => "+",
                Op::Sub => "−",
                Op::Mul => "×",
                Op::Div => "÷",
            };
            let wrap = |x: &Expr| match x {
                Expr::Bin(..) => format!("({})", render(x, lookup, ranges)),
                _ => render(x, lookup, ranges),
            };
            format!("{} {sym} {}", wrap(a), wrap(b))
        }
    }
}

impl Rule for UserRule {
    fn id(&self) -> &str {
        &self.id
    }

    fn summary(&self) -> &str {
        &self.description
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        self.examples.iter().map(|(t, v)| (t.as_str(), *v)).collect()
    }

    fn doc(&self) -> String {
        let selectors: Vec<String> = self
            .select
            .iter()
            .map(|(n, _, text)| format!("  {n}: {text}"))
            .collect();
        format!(
            "{}\n\nexpect: {}\nfigures at most {} sentence(s) apart\nselectors:\n{}",
            self.description,
            self.expect,
            if self.within == usize::MAX {
                "any".to_string()
            } else {
                self.within.to_string()
            },
            selectors.join("\n")
        )
    }

    fn origin(&self) -> String {
        self.path.clone()
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut seen: HashSet<Vec<usize>> = HashSet::new();
        let id = intern(&self.id, "user-rule");
        self.bindings(cx)
            .iter()
            .filter_map(|b| self.reading(cx, id, b))
            .filter(|r| seen.insert(r.claim_indices()))
            .collect()
    }

    fn word(&self, cx: &Context, r: &Reading) -> Wording {
        let stated = cx.claim(r.stated).map_or("?", |c| c.text.as_str());
        let message = match r.verdict {
            Verdict::Consistent => format!("'{stated}' satisfies {}", self.expect),
            _ => {
                let bound = match self.relation.cmp {
                    Cmp::About | Cmp::Equal => "the figures give",
                    Cmp::AtMost => "it must be at most",
                    Cmp::Less => "it must be less than",
                    Cmp::AtLeast => "it must be at least",
                    Cmp::More => "it must be more than",
                };
                format!(
                    "'{stated}' breaks {}: {bound} {}",
                    self.expect,
                    fmt_num(r.derived.nominal)
                )
            }
        };
        let explanation = format!(
            "{}: {} = {}; stated {} = {} ({}).",
            self.description.trim_end_matches('.'),
            r.arithmetic(cx),
            fmt_num(r.derived.nominal),
            self.relation.stated.0,
            fmt_num(r.stated_value.nominal),
            fmt_range(&r.stated_value)
        );
        Wording {
            message,
            explanation,
            would_hold_if: None,
        }
    }

    fn severity(&self, v: Verdict) -> Severity {
        match (v, self.severity) {
            (Verdict::Contradicted, Severity::Warning) => Severity::Warning,
            _ => Severity::of(v),
        }
    }

    fn decisive(&self) -> bool {
        // A user rule's selectors are the evidence: its readings always count.
        true
    }
}

#[cfg(test)]
mod tests;

/// The outcome of one rule example.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleResult {
    /// The rule's id.
    pub rule: String,
    /// Where the rule comes from ("built-in" or a file).
    pub origin: String,
    /// The example text.
    pub text: String,
    /// The verdict it must produce.
    pub expected: Verdict,
    /// The verdicts the rule gave on it.
    pub got: Vec<Verdict>,
}

impl ExampleResult {
    /// An example passes when the rule gives the expected verdict on it, and a consistent
    /// example gets no contradicted or borderline finding from the rule.
    pub fn passed(&self) -> bool {
        match self.expected {
            Verdict::Consistent => {
                self.got.contains(&Verdict::Consistent)
                    && !self
                        .got
                        .iter()
                        .any(|v| matches!(v, Verdict::Contradicted | Verdict::Borderline))
            }
            v => self.got.contains(&v),
        }
    }
}

/// Run every example of every rule, each rule alone on its own examples.
pub fn run_examples(rules: &[&dyn Rule]) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for rule in rules {
        for (text, expected) in rule.examples() {
            let report = crate::check_with(text, &[*rule]);
            out.push(ExampleResult {
                rule: rule.id().to_string(),
                origin: rule.origin(),
                text: text.to_string(),
                expected,
                got: report.findings.iter().map(|f| f.verdict).collect(),
            });
        }
    }
    out
}
