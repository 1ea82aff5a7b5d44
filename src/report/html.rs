//! One self-contained HTML page per run: each article with every claim highlighted by the
//! worst verdict of the findings it takes part in (contradicted, borderline, consistent,
//! unchecked) — a figure that repeats another (a headline restating a body figure) takes
//! part in that figure's findings too — and the findings beside it with their arithmetic. Pointing at a finding highlights its
//! claims; clicking one scrolls to them. No network fetches: styles and script are inline.

use super::{Checked, Show};
use crate::interval::Verdict;
use crate::review::Status;
use std::collections::HashMap;

const STYLE: &str = r#"
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{padding:12px 20px;background:#22313f;color:#fff}
.doc{display:flex;gap:24px;padding:16px 20px;border-bottom:1px solid #ddd}
.article{flex:3;white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #e3e3e3;border-radius:6px}
.findings{flex:2;min-width:280px;position:sticky;top:0;align-self:flex-start;max-height:100vh;overflow:auto}
.legend mark{color:#1b1b1b}
mark{padding:0 2px;border-radius:3px;background:#eef1f4}
mark.contradicted{background:#f8c9c4;outline:1px solid #d9534f}
mark.borderline{background:#fde8b0;outline:1px solid #e0a800}
mark.consistent{background:#d3efd6}
mark.unchecked{background:#eef1f4}
mark.hl{box-shadow:0 0 0 3px #1f6feb}
.finding{background:#fff;border:1px solid #e3e3e3;border-left:6px solid #999;border-radius:6px;padding:8px 12px;margin:0 0 10px;cursor:pointer}
.finding.contradicted{border-left-color:#d9534f}.finding.borderline{border-left-color:#e0a800}.finding.consistent{border-left-color:#4caf50}
.finding.dismissed{opacity:.55}
.finding .why{font-size:13px;color:#444;margin-top:4px}
.legend span{margin-right:12px}
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('.finding').forEach(function(f){
  var ids=(f.dataset.claims||'').split(' ');
  function mark(on){ids.forEach(function(id){var m=document.getElementById(f.dataset.doc+'-'+id);if(m){m.classList.toggle('hl',on);}});}
  f.addEventListener('mouseenter',function(){mark(true);});
  f.addEventListener('mouseleave',function(){mark(false);});
  f.addEventListener('click',function(){var m=document.getElementById(f.dataset.doc+'-'+ids[ids.length-1]);if(m){m.scrollIntoView({block:'center'});}});
});
"#;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Contradicted => 3,
        Verdict::Borderline => 2,
        Verdict::Consistent => 1,
        Verdict::Unverifiable => 0,
    }
}

/// Each claim's worst verdict among the findings it takes part in (dismissed ones aside),
/// with those findings ("f1 contradicted"). Claims that a repeat finding says state the
/// same quantity share their findings: a headline that restates a contradicted body
/// figure is as wrong as the figure.
fn worst_verdicts<'a>(d: &Checked<'a>) -> HashMap<&'a str, (Verdict, Vec<String>)> {
    let findings = &d.report.findings;
    let live = |i: usize| !d.report.dismissed(i);
    // Union-find over claims, joined by repeat findings.
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn root<'s>(parent: &HashMap<&'s str, &'s str>, mut x: &'s str) -> &'s str {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    for (i, f) in findings.iter().enumerate() {
        let repeat = f.relation == "repeat" || f.rule == "repeated-figure";
        if !repeat || !live(i) {
            continue;
        }
        let mut ids = f.claims.iter().map(String::as_str);
        let Some(first) = ids.next() else { continue };
        for other in ids {
            let (a, b) = (root(&parent, first), root(&parent, other));
            if a != b {
                parent.insert(b, a);
            }
        }
    }
    let mut by_group: HashMap<&str, (Verdict, Vec<String>)> = HashMap::new();
    let mut members: Vec<&str> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if !live(i) {
            continue;
        }
        for id in &f.claims {
            members.push(id.as_str());
            let e = by_group
                .entry(root(&parent, id))
                .or_insert((f.verdict, Vec::new()));
            if rank(f.verdict) > rank(e.0) {
                e.0 = f.verdict;
            }
            let name = format!("{} {}", f.id, f.verdict.as_str());
            if !e.1.contains(&name) {
                e.1.push(name);
            }
        }
    }
    members
        .into_iter()
        .filter_map(|id| by_group.get(root(&parent, id)).map(|v| (id, v.clone())))
        .collect()
}

/// Render the HTML report of several articles.
pub fn render(docs: &[Checked], show: Show) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<title>claimcheck report</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body><header><strong>claimcheck</strong> — ");
    out.push_str(&format!("{} article(s)", docs.len()));
    out.push_str("<div class=\"legend\"><mark class=\"contradicted\">contradicted</mark> <mark class=\"borderline\">borderline</mark> <mark class=\"consistent\">consistent</mark> <mark class=\"unchecked\">unchecked</mark></div></header>\n");
    for (n, d) in docs.iter().enumerate() {
        let doc_id = format!("d{n}");
        let worst = worst_verdicts(d);
        let verdict_of = |claim_id: &str| worst.get(claim_id).map(|(v, _)| *v);
        let findings_of = |claim_id: &str| {
            worst
                .get(claim_id)
                .map(|(_, fs)| fs.join(", "))
                .unwrap_or_default()
        };
        out.push_str(&format!(
            "<section class=\"doc\" id=\"{doc_id}\"><div class=\"article\"><h2>{}</h2>",
            esc(d.path)
        ));
        let text = d.report.document.text.as_str();
        let mut pos = 0;
        let mut claims: Vec<_> = d
            .report
            .claims
            .iter()
            .filter(|c| c.kind.enters_arithmetic())
            .collect();
        claims.sort_by_key(|c| crate::Report::text_span(c).start);
        for c in claims {
            let span = crate::Report::text_span(c);
            let (s, e) = (span.start, span.end);
            if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            out.push_str(&esc(text.get(pos..s).unwrap_or("")));
            let class = verdict_of(&c.id).map_or("unchecked", |v| v.as_str());
            let used = findings_of(&c.id);
            out.push_str(&format!(
                "<mark class=\"{class}\" id=\"{doc_id}-{}\" title=\"{} {}{}\">{}</mark>",
                c.id,
                c.id,
                esc(&super::super::finding::fmt_range(&c.value)),
                if used.is_empty() {
                    String::new()
                } else {
                    esc(&format!("; {used}"))
                },
                esc(text.get(s..e).unwrap_or(""))
            ));
            pos = e;
        }
        out.push_str(&esc(text.get(pos..).unwrap_or("")));
        out.push_str("</div><div class=\"findings\"><h3>Findings</h3>");
        let mut any = false;
        for (i, f) in d.report.findings.iter().enumerate() {
            if !show.shows(f.verdict) {
                continue;
            }
            any = true;
            let review = d.report.review_of(i);
            let status = review.map_or("", |r| r.status.as_str());
            let dismissed = review.is_some_and(|r| r.status == Status::Dismissed);
            out.push_str(&format!(
                "<div class=\"finding {}{}\" data-doc=\"{doc_id}\" data-claims=\"{}\"><strong>{}</strong> <code>{}</code> <code class=\"key\">{}</code> <code>{}</code> <span class=\"confidence\">confidence {:.2}</span>{}<div>{}</div><div class=\"why\">{}</div></div>",
                f.verdict.as_str(),
                if dismissed { " dismissed" } else { "" },
                esc(&f.claims.join(" ")),
                f.verdict.as_str(),
                esc(&f.id),
                esc(&d.report.key_of(i)),
                esc(&f.rule),
                f.confidence,
                if status.is_empty() { String::new() } else { format!(" <em>({status})</em>") },
                esc(&f.message),
                esc(&f.explanation)
            ));
        }
        if !any {
            out.push_str("<p>No discrepancies found.</p>");
        }
        out.push_str("</div></section>\n");
    }
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script></body></html>\n");
    out
}
