//! Synthetic news articles for benchmarks: headlines and paragraphs of prose with the
//! figure density of news copy (about one number per 110 bytes; the seed article has one
//! per 190, the project's annotated evaluation articles one per 53):
//! counts with nouns, money, percentages, hedges, per-unit averages, changes from/to,
//! multipliers, years and dates, in sentences written for this generator. Deterministic
//! for a seed, so a benchmark run can be repeated on the same text.

#![allow(dead_code)]

const NOUNS: &[(&str, &str)] = &[
    ("officer", "officers"),
    ("nurse", "nurses"),
    ("teacher", "teachers"),
    ("inspector", "inspectors"),
    ("judge", "judges"),
    ("bus", "buses"),
    ("clinic", "clinics"),
    ("school", "schools"),
];

const THINGS: &[&str] = &[
    "cases",
    "patients",
    "students",
    "riders",
    "visits",
    "claims",
    "permits",
    "complaints",
];

const PLACES: &[&str] = &[
    "Riverside",
    "Harbor City",
    "Lakemont",
    "North County",
    "Eastfield",
    "Pine Valley",
    "Westbrook",
];

const AGENCIES: &[&str] = &[
    "transit authority",
    "school district",
    "health department",
    "housing office",
    "port authority",
    "county court",
    "water board",
];

const FILLER: &[&str] = &[
    "Officials said the figures were preliminary and could be revised.",
    "The report did not say how the estimate was reached.",
    "Critics called the plan overdue, while supporters said it went too far.",
    "A spokeswoman declined to comment on the timing of the announcement.",
    "The council is expected to take up the proposal after the summer recess.",
    "Several residents spoke at the meeting, most of them in favor.",
    "The agency has faced questions about its staffing for several years.",
    "Neither side responded to requests for comment on Tuesday.",
    "Analysts cautioned that one quarter of data says little about the trend.",
    "The governor's office said it would review the findings.",
    "Supporters of the measure argue that the savings will show up only over time, once the new system is fully in place.",
    "The union representing the workers said its members had not been consulted before the changes were announced.",
    "Residents who live near the site have complained for years about noise, traffic and the lack of any public notice.",
    "It was not immediately clear whether the money would come from the general fund or from a separate account.",
    "The board's chairman said the decision had been difficult but that the agency could not keep putting it off.",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A number with thousands separators.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalized(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

fn pick<'a, T>(rng: &mut fastrand::Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}

/// One sentence with figures.
fn figure_sentence(rng: &mut fastrand::Rng) -> String {
    let place = pick(rng, PLACES);
    let agency = pick(rng, AGENCIES);
    let (one, many) = *pick(rng, NOUNS);
    let things = pick(rng, THINGS);
    let staff = rng.u64(20..9000);
    let per = rng.u64(5..900);
    let total = staff * per;
    let year = rng.u64(1995..2026);
    let hedge = *pick(rng, &["about ", "nearly ", "more than ", "roughly ", "", "", ""]);
    match rng.u8(..10) {
        0 => format!(
            "The {place} {agency} employs {hedge}{} {many}, and each {one} handles an average of {} {things}.",
            grouped(staff),
            grouped(if rng.bool() { per } else { per * 3 })
        ),
        1 => {
            let before = rng.u64(1000..90000);
            let after = before + before * rng.u64(1..60) / 100;
            let pct = (after - before) * 100 / before;
            format!(
                "The number of {things} rose from {} in {year} to {} last year, an increase of {}%.",
                grouped(before),
                grouped(after),
                if rng.bool() { pct } else { pct + 7 }
            )
        }
        2 => format!(
            "The {agency} approved a ${}.{} million budget for fiscal {year}, up {}% from a year earlier.",
            rng.u64(2..900),
            rng.u64(1..10),
            rng.u64(1..30)
        ),
        3 => {
            let start = rng.u64(2..400);
            format!(
                "Spending on {things} has {} to ${} million from ${start} million in {year}.",
                pick(
                    rng,
                    &["doubled", "tripled", "more than doubled", "nearly tripled"]
                ),
                grouped(start * rng.u64(2..4))
            )
        }
        4 => format!(
            "{hedge}{} {things} were filed in {} {year}, according to records reviewed by the paper.",
            grouped(total),
            pick(rng, MONTHS)
        ),
        5 => format!(
            "Of the {} {many} surveyed, {} said they planned to leave within {} years.",
            grouped(staff),
            grouped(staff * rng.u64(5..60) / 100),
            rng.u64(2..6)
        ),
        6 => format!(
            "The program costs ${} a year per {one}, or ${} million in all for {} {many}.",
            grouped(per * 10),
            grouped(per * staff / 100_000 + 1),
            grouped(staff)
        ),
        7 => format!(
            "On {} {}, {year}, the {agency} reported {}.{}% of {things} were resolved within {} days.",
            pick(rng, MONTHS),
            rng.u64(1..29),
            rng.u64(10..99),
            rng.u64(0..10),
            rng.u64(7..120)
        ),
        8 => format!(
            "The {place} {agency} said it processed {} {things} a day in {year}, or {} a year.",
            grouped(per),
            grouped(per * if rng.bool() { 365 } else { 250 })
        ),
        _ => format!(
            "{place} ranks {} among {} comparable cities, with {} {many} per 10,000 residents.",
            rng.u64(2..40),
            rng.u64(40..120),
            rng.u64(3..90)
        ),
    }
}

/// One article: a headline and five to twelve paragraphs of two to five sentences.
pub fn article(rng: &mut fastrand::Rng) -> String {
    let mut out = format!(
        "{} {} reports {} {}\n\n",
        pick(rng, PLACES),
        pick(rng, AGENCIES),
        grouped(rng.u64(100..99_999)),
        pick(rng, THINGS)
    );
    for _ in 0..rng.usize(5..13) {
        let mut para = Vec::new();
        for _ in 0..rng.usize(2..6) {
            para.push(if rng.u8(..100) < 22 {
                capitalized(&figure_sentence(rng))
            } else {
                pick(rng, FILLER).to_string()
            });
        }
        out.push_str(&para.join(" "));
        out.push_str("\n\n");
    }
    out
}

/// Articles adding up to at least `bytes` of text.
pub fn corpus(bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng);
        total += a.len();
        out.push(a);
    }
    out
}
