//! Selectors compiled: which claims a rule's name may stand for.

use super::schema::Selector;
use crate::claim::{Claim, Kind, Role};
use crate::document::Document;
use crate::extract::context::singular;
use crate::extract::hedge::floor_char_boundary;
use crate::interval::Hedge;
use regex::Regex;

/// A word list or a regex.
#[derive(Debug, Clone)]
pub enum Words {
    /// Any of these words (singular, lower case).
    Any(Vec<String>),
    /// A regex, from "/…/".
    Pattern(Regex),
}

impl Words {
    /// Parse "a|b|c" or "/regex/".
    pub fn parse(s: &str) -> Result<Words, String> {
        let t = s.trim();
        if let Some(p) = t.strip_prefix('/').and_then(|p| p.strip_suffix('/')) {
            return Regex::new(&format!("(?i){p}"))
                .map(Words::Pattern)
                .map_err(|e| format!("bad regex /{p}/: {e}"));
        }
        let words: Vec<String> = t
            .split('|')
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Err("expected words separated by '|', or a /regex/".into());
        }
        Ok(Words::Any(words))
    }

    /// True when a noun (one word) matches.
    pub fn matches_noun(&self, noun: &str) -> bool {
        match self {
            Words::Any(ws) => ws.iter().any(|w| singular(w) == singular(noun)),
            Words::Pattern(re) => re.is_match(noun),
        }
    }

    /// True when a stretch of text contains one of the words (or the pattern).
    pub fn found_in(&self, text: &str) -> bool {
        match self {
            Words::Any(ws) => {
                let lower = text.to_lowercase();
                let tokens: Vec<String> = lower
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|t| !t.is_empty())
                    .map(singular)
                    .collect();
                ws.iter().any(|w| {
                    if w.contains(' ') {
                        lower.contains(w.as_str())
                    } else {
                        tokens.contains(&singular(w))
                    }
                })
            }
            Words::Pattern(re) => re.is_match(text),
        }
    }
}

/// "none", "any", or words.
#[derive(Debug, Clone)]
pub enum Presence {
    /// Must be absent.
    None,
    /// Must be present, whatever it is.
    Any,
    /// Must be present and match.
    Words(Words),
}

impl Presence {
    fn parse(s: &str) -> Result<Presence, String> {
        match s.trim().to_lowercase().as_str() {
            "none" => Ok(Presence::None),
            "any" => Ok(Presence::Any),
            _ => Words::parse(s).map(Presence::Words),
        }
    }
}

/// A compiled selector.
#[derive(Debug, Clone, Default)]
pub struct Select {
    noun: Option<Words>,
    per: Option<Presence>,
    per_count: Option<f64>,
    kinds: Option<Vec<Kind>>,
    hedges: Option<Vec<Hedge>>,
    time: Option<Presence>,
    role: Option<Vec<Role>>,
    before: Option<Words>,
    after: Option<Words>,
    own_noun: bool,
}

fn kinds(s: &str) -> Result<Vec<Kind>, String> {
    s.split('|')
        .map(|k| match k.trim().to_lowercase().as_str() {
            "count" | "number" => Ok(Kind::Count),
            "money" => Ok(Kind::Money),
            "percent" | "percentage" => Ok(Kind::Percent),
            "multiplier" => Ok(Kind::Multiplier),
            "fraction" => Ok(Kind::Fraction),
            other => Err(format!(
                "unknown kind '{other}': expected count, money, percent, multiplier or fraction"
            )),
        })
        .collect()
}

fn hedges(s: &str) -> Result<Vec<Hedge>, String> {
    s.split('|')
        .map(|h| match h.trim().to_lowercase().as_str() {
            "exact" => Ok(Hedge::Exact),
            "approx" | "about" => Ok(Hedge::Approx),
            "lower_bound" | "more than" | "at least" => Ok(Hedge::LowerBound),
            "upper_bound" | "less than" | "at most" => Ok(Hedge::UpperBound),
            "range" => Ok(Hedge::Range),
            other => Err(format!(
                "unknown hedge '{other}': expected exact, approx, lower_bound, upper_bound or range"
            )),
        })
        .collect()
}

fn roles(s: &str) -> Result<Vec<Role>, String> {
    s.split('|')
        .map(|r| match r.trim().to_lowercase().as_str() {
            "value" => Ok(Role::Value),
            "change" => Ok(Role::Change),
            other => Err(format!("unknown role '{other}': expected value or change")),
        })
        .collect()
}

impl Select {
    /// Compile a selector; the error names the field that is wrong.
    pub fn compile(s: &Selector) -> Result<Select, (&'static str, String)> {
        Ok(Select {
            noun: s
                .noun
                .as_deref()
                .map(Words::parse)
                .transpose()
                .map_err(|e| ("noun", e))?,
            per: s
                .per
                .as_deref()
                .map(Presence::parse)
                .transpose()
                .map_err(|e| ("per", e))?,
            per_count: s.per_count,
            kinds: s
                .kind
                .as_deref()
                .map(kinds)
                .transpose()
                .map_err(|e| ("kind", e))?,
            hedges: s
                .hedge
                .as_deref()
                .map(hedges)
                .transpose()
                .map_err(|e| ("hedge", e))?,
            time: s
                .time
                .as_deref()
                .map(Presence::parse)
                .transpose()
                .map_err(|e| ("time", e))?,
            role: s
                .role
                .as_deref()
                .map(roles)
                .transpose()
                .map_err(|e| ("role", e))?,
            before: s
                .before
                .as_deref()
                .map(Words::parse)
                .transpose()
                .map_err(|e| ("before", e))?,
            after: s
                .after
                .as_deref()
                .map(Words::parse)
                .transpose()
                .map_err(|e| ("after", e))?,
            own_noun: s.own_noun.unwrap_or(false),
        })
    }

    /// True when a claim may stand for this name.
    pub fn accepts(&self, doc: &Document, c: &Claim) -> bool {
        // The "100,000" of "per 100,000 residents" is a base, never a figure of its own.
        if !c.usable() || c.role == Role::PerBase {
            return false;
        }
        let kind_ok = match &self.kinds {
            Some(ks) => ks.contains(&c.kind),
            None => true,
        };
        let noun_ok = match &self.noun {
            Some(_) if self.own_noun && c.unit_inferred => false,
            Some(w) => [&c.unit, &c.noun]
                .iter()
                .any(|u| u.as_deref().is_some_and(|u| w.matches_noun(u))),
            None => true,
        };
        let per_ok = match &self.per {
            None => true,
            Some(Presence::None) => c.per.is_none(),
            Some(Presence::Any) => c.per.is_some(),
            Some(Presence::Words(w)) => c.per.as_deref().is_some_and(|p| w.matches_noun(p)),
        };
        let per_count_ok = self
            .per_count
            .is_none_or(|n| c.per_count.is_some_and(|m| (m - n).abs() < 1e-9));
        let hedge_ok = self.hedges.as_ref().is_none_or(|hs| hs.contains(&c.hedge));
        let time_ok = match &self.time {
            None => true,
            Some(Presence::None) => c.time.is_none(),
            Some(Presence::Any) => c.time.is_some(),
            Some(Presence::Words(w)) => c.time.as_deref().is_some_and(|t| w.found_in(t)),
        };
        let role_ok = self.role.as_ref().is_none_or(|rs| rs.contains(&c.role));
        let text = doc.text.as_str();
        let before_ok = self.before.as_ref().is_none_or(|w| {
            let from = floor_char_boundary(text, c.span.start.saturating_sub(30));
            let before = text.get(from..c.span.start).unwrap_or("");
            let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            w.found_in(&last.into_iter().rev().collect::<Vec<_>>().join(" "))
        });
        let after_ok = self.after.as_ref().is_none_or(|w| {
            let to = floor_char_boundary(text, c.span.end + 50);
            let after = text.get(c.span.end..to).unwrap_or("");
            // Up to the next figure: "85 victims, 30 of them dead" does not call 85 dead.
            let after = after.split(|ch: char| ch.is_ascii_digit()).next().unwrap_or("");
            let first: Vec<&str> = after.split_whitespace().take(6).collect();
            w.found_in(&first.join(" "))
        });
        kind_ok
            && noun_ok
            && per_ok
            && per_count_ok
            && hedge_ok
            && time_ok
            && role_ok
            && before_ok
            && after_ok
    }
}

/// A selector as the rule file wrote it: `noun = "case", per = "none"`.
pub fn describe(s: &Selector) -> String {
    let fields: [(&str, Option<String>); 10] = [
        ("noun", s.noun.clone()),
        ("per", s.per.clone()),
        ("per_count", s.per_count.map(|n| n.to_string())),
        ("kind", s.kind.clone()),
        ("hedge", s.hedge.clone()),
        ("time", s.time.clone()),
        ("role", s.role.clone()),
        ("before", s.before.clone()),
        ("after", s.after.clone()),
        ("own_noun", s.own_noun.map(|b| b.to_string())),
    ];
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} = \"{v}\"")))
        .collect();
    if parts.is_empty() {
        "any figure".into()
    } else {
        parts.join(", ")
    }
}
