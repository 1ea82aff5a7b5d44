//! Linking: figures about the same thing are compared, figures about different things
//! never are. Each test is a short article and the relations it must (not) produce.

use claimcheck::{Verdict, check};

/// The texts of the claims each finding used, with its rule and verdict.
fn relations(text: &str) -> Vec<(String, Verdict, Vec<String>)> {
    let r = check(text);
    r.findings
        .iter()
        .map(|f| {
            let used = f
                .claims
                .iter()
                .filter_map(|id| r.claims.iter().find(|c| &c.id == id))
                .map(|c| c.text.clone())
                .collect();
            (f.rule.clone(), f.verdict, used)
        })
        .collect()
}

#[test]
fn role_synonyms_link_an_average_to_its_staff() {
    let rels = relations(
        "The agency has 3,000 officers and a backlog of 90,000 files. Each agent handles an average of 30 files.",
    );
    assert!(rels.iter().any(|(rule, v, used)| rule == "per-unit-average"
        && *v == Verdict::Consistent
        && used == &["90,000", "3,000", "an average of 30"]));
}

#[test]
fn different_nouns_are_never_divided() {
    let rels = relations(
        "The city has 3,000 teachers and 90,000 parking spaces. Each teacher has an average of 30 students.",
    );
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "per-unit-average"),
        "{rels:?}"
    );
}

#[test]
fn thresholds_are_not_populations() {
    let rels = relations(
        "Agencies serving cities of more than 50,000 people employ an average of 17 officers per 10,000 residents. The city has 3,982 officers.",
    );
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "per-unit-average"),
        "{rels:?}"
    );
}

#[test]
fn a_projection_is_not_the_current_value() {
    let rels = relations(
        "The queue has reached 7.4 million and is on track to reach 8 million by the end of the year. About 6,000 clerks work it; each clerk handles an average of 1,233 cases in the queue of cases.",
    );
    assert!(
        !rels
            .iter()
            .any(|(_, _, used)| used.iter().any(|t| t == "8 million")),
        "{rels:?}"
    );
}

#[test]
fn a_multiplier_links_its_start_by_time_anchor() {
    let rels = relations(
        "The waiting list now holds 48,000 names. It has tripled since 2016, when it stood at about 16,000 names.",
    );
    assert!(rels.iter().any(|(rule, v, used)| rule == "multiplier-change"
        && *v == Verdict::Consistent
        && used == &["about 16,000", "48,000", "tripled"]));
}

#[test]
fn a_multiplier_without_a_start_is_not_checked() {
    let rels = relations("The waiting list now holds 48,000 names. It has tripled, officials said.");
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "multiplier-change"),
        "{rels:?}"
    );
}

#[test]
fn makes_up_is_a_share_not_a_change() {
    let rels =
        relations("Sales tax makes up 25 percent of the county's $480 million revenue, about $120 million.");
    assert!(
        rels.iter()
            .any(|(rule, v, _)| rule == "share-of-total" && *v == Verdict::Consistent)
    );
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "percent-change"),
        "{rels:?}"
    );
}

#[test]
#[ignore = "known gap: the headline's 14% is set against the body's equal 14% about another subject; the repeat reading does not yet weigh subject words above equal digits"]
fn headline_percent_links_to_the_body_percent_about_the_same_subject() {
    // The headline's 14% is about revenue; the body's 14% is about volume, its revenue
    // figure is 12%: equal numbers about different things must not hide the mismatch.
    let rels = relations(
        "Acme revenue jumps 14% on strong demand\n\nACME CITY — Acme said on Monday that quarterly revenue rose 12% to $2.1 billion. Its shipping volume grew 14% as well.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "repeated-figure"
            && *v == Verdict::Contradicted
            && used == &["14%", "12%"]),
        "{rels:?}"
    );
}

#[test]
fn different_units_never_sum() {
    let rels = relations("The fund spent $4 million: 300 grants went to schools and 200 to clinics.");
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "parts-of-whole"),
        "{rels:?}"
    );
}

#[test]
fn figures_in_two_scales_keep_their_own_rounding() {
    // "$1.13bn" is precise to ten millions even beside "$639m": 76% is only just off.
    let rels = relations("Quarterly profit jumped 76% to $1.13bn from $639m a year earlier.");
    assert!(
        rels.iter()
            .any(|(rule, v, ..)| rule == "percent-change" && *v == Verdict::Borderline),
        "{rels:?}"
    );
}

#[test]
fn two_mentions_of_one_level_are_no_change() {
    let rels = relations(
        "Credit rose by £1.5bn in December, more than the £1.4bn expected and above the £1.4bn of the month before.",
    );
    assert!(
        !rels.iter().any(|(_, v, ..)| *v == Verdict::Contradicted),
        "{rels:?}"
    );
}

#[test]
fn a_share_must_be_tied_to_its_x_of_y() {
    let rels = relations("Budgets fall at 12 out of 23 agencies, including cuts of 9.6% at one of them.");
    assert!(
        !rels.iter().any(|(_, v, ..)| *v == Verdict::Contradicted),
        "{rels:?}"
    );
}

#[test]
fn a_change_from_a_named_start_reaches_the_level_in_the_lede() {
    // The change's sentence names only its start; the level is the lede's.
    let rels = relations(
        "Median rent in the city reached $1,600 a month this year, the housing office said.\n\nVacancies stayed low. Builders finished 300 units. In 2019 the median rent was $1,250; rents have risen 28% since then.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "percent-change"
            && *v == Verdict::Consistent
            && used == &["$1,250", "$1,600", "28%"]),
        "{rels:?}"
    );
    let rels = relations(
        "The county's jail population reached 2,400 inmates this month.\n\nStaffing is short. Two wings are closed. Guards work double shifts. The jail population has doubled since 2016, when it stood at about 1,150.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "multiplier-change"
            && *v != Verdict::Contradicted
            && used == &["about 1,150", "2,400", "doubled"]),
        "{rels:?}"
    );
}

#[test]
fn a_named_start_does_not_reach_another_subjects_level() {
    // The lede's total is the whole system's; the change is one part's.
    let rels = relations(
        "The transit agency carried 41.2 million trips last year.\n\nBuses were flat. Streetcar ridership has more than doubled since 2018, when it carried 5.1 million trips.",
    );
    assert!(
        !rels
            .iter()
            .any(|(_, _, used)| used.contains(&"41.2 million".to_string())
                && used.contains(&"5.1 million".to_string())),
        "{rels:?}"
    );
    // An end named beside the start: no level is looked for.
    let rels = relations("Ticket sales reached 9,000 this season.\n\nMembers rose 10% to 2,200 from 2,000.");
    assert!(
        !rels
            .iter()
            .any(|(_, _, used)| used.contains(&"9,000".to_string())),
        "{rels:?}"
    );
}

#[test]
fn no_gap_or_change_is_read_from_words_that_only_look_like_one() {
    // "net" before a noun that is no change; a vague "billions" is no operand.
    let rels =
        relations("The botnet relayed billions of emails via 880 hijacked net addresses in 41 countries.");
    assert!(
        rels.iter().all(|(_, v, _)| *v != Verdict::Contradicted),
        "{rels:?}"
    );
    // A price that is the end of another change in the sentence is not this change's end.
    let rels = relations(
        "Harbor Mills stock slid 40 cents to $12.10 on the news, while Crestline stock gained 15 cents at $27.85.",
    );
    assert!(
        !rels.iter().any(|(rule, _, used)| rule == "absolute-change"
            && used.contains(&"15 cents".to_string())
            && used.contains(&"$12.10".to_string())),
        "{rels:?}"
    );
}

#[test]
fn ends_framed_by_one_change_are_not_another_changes() {
    let rels = relations(
        "Operating costs were up 40%, from $500 million in 2010 to $700 million in 2020, even as ridership was down 9%.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "percent-change"
            && *v == Verdict::Consistent
            && used.contains(&"40%".to_string())),
        "{rels:?}"
    );
    assert!(
        !rels
            .iter()
            .any(|(_, v, used)| *v == Verdict::Contradicted && used.contains(&"9%".to_string())),
        "{rels:?}"
    );
}

#[test]
fn a_share_of_it_points_back_to_the_level_before() {
    let rels = relations(
        "The transit budget rose to $310 million this year from $268 million. Fares covered $62 million, or about 20% of it.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used == &["$62 million", "$310 million", "about 20%"]),
        "{rels:?}"
    );
}

#[test]
fn a_share_of_a_named_noun_reaches_back_to_the_figure_of_that_noun() {
    // "25% of tourist spending": the whole is the figure the article gave for tourist
    // spending, four sentences and several other sums back.
    let rels = relations(
        "Summer season ends on a high\n\n\
         The coast had its busiest summer in a decade, the board said on Monday. Hotels were full most weeks. Beaches drew record crowds.\n\n\
         By the board's count, tourist spending in the region reached $80 million.\n\n\
         The airport spent $12 million on a new terminal. The harbour authority borrowed $9 million for a breakwater. The rail operator added trains worth $15 million. The county paved roads for $6 million.\n\n\
         Restaurants took in $20 million, or 25% of tourist spending.\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used == &["$20 million", "$80 million", "25%"]),
        "{rels:?}"
    );
}

#[test]
fn a_rate_per_hundred_dollars_of_value_comes_to_the_bill_on_a_home() {
    let rels = relations(
        "The council set the rate at 62 cents per $100 of assessed value, up from 58 cents. For a house valued at $240,000, the bill rises to $1,488 a year from $1,392.",
    );
    for (bill, rate) in [("$1,488", "62 cents"), ("$1,392", "58 cents")] {
        assert!(
            rels.iter().any(|(rule, v, used)| rule == "product-total"
                && *v == Verdict::Consistent
                && used.iter().any(|u| u == bill)
                && used.iter().any(|u| u == rate)
                && used.iter().any(|u| u == "$240,000")),
            "{bill}: {rels:?}"
        );
    }
}

#[test]
fn a_margin_runs_between_the_two_leaders_of_the_results_list() {
    let rels = relations(
        "- Ruiz: 9,840 votes\n- Adams: 8,215 votes\n- Total: 18,055 votes\n- Ruiz won by 1,625 votes.\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "absolute-change"
            && *v == Verdict::Consistent
            && used == &["9,840", "8,215", "1,625"]),
        "{rels:?}"
    );
    let after = relations(
        "Only 38 votes separated the leading pair. Hale ended with 2,914 votes, Kim with 2,876 and Ortega with 2,401.",
    );
    // 2,914 − 2,876 = 38 is also 38 + 2,876 = 2,914: either reading ties the three.
    assert!(
        after.iter().any(|(_, v, used)| {
            let mut u = used.clone();
            u.sort();
            *v == Verdict::Consistent && u == ["2,876", "2,914", "38"]
        }),
        "{after:?}"
    );
}

#[test]
fn a_change_from_a_named_start_reaches_the_level_in_the_sentence_before() {
    let rels = relations(
        "Unemployment was 3.9%: 2,040 residents were out of work in a workforce of 52,400. The workforce grew 3.1% over the year, from 50,800.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "percent-change"
            && *v == Verdict::Consistent
            && used == &["50,800", "52,400", "3.1%"]),
        "{rels:?}"
    );
    // Another measure's figure in the sentence before is no level of this one.
    let rels = relations("Ticket sales reached 9,000 this season. Members rose 10% from 2,000.");
    assert!(
        !rels
            .iter()
            .any(|(_, _, used)| used.contains(&"9,000".to_string())),
        "{rels:?}"
    );
}

#[test]
fn a_share_of_its_own_group_is_no_part_of_the_whole() {
    // 7 + 28 + 9 would give 44: the 28% is of renters, not of all voters.
    let rels = relations(
        "Some 7% are undecided (28% of renters among them), and a further 9% may still switch. The mayor now leads 45% to 44%.",
    );
    assert!(
        !rels
            .iter()
            .any(|(rule, _, used)| rule == "parts-of-whole" && used.contains(&"28%".to_string())),
        "{rels:?}"
    );
    // Percentages with no base of their own still add up.
    let rels = relations(
        "Spending breaks down as 45% on staff, 30% on buildings and 20% on supplies: 95% in total.",
    );
    assert!(
        rels.iter()
            .any(|(rule, v, _)| rule == "parts-of-whole" && *v == Verdict::Consistent),
        "{rels:?}"
    );
}

#[test]
fn a_negated_comparison_sets_a_cap_and_orders_nothing() {
    let rels = relations(
        "No standard seat will cost more than $450 this season, and no box seat will cost more than $900.",
    );
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "superlative-order"),
        "{rels:?}"
    );
}

#[test]
fn a_superlative_of_another_noun_ranks_no_figure() {
    // The rank is the firm's, not that of its 4 plants.
    let rels = relations("Northwind, the largest maker of pumps, will close 4 of its 19 plants.");
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "superlative-order"),
        "{rels:?}"
    );
    // A ranked change needs a word of change after the superlative.
    let rels = relations(
        "The biggest grocer in the region, Harlow Foods, fell 2.1% to $14.30, with its nearest rival Pell down 3.6%.",
    );
    assert!(
        !rels.iter().any(|(rule, ..)| rule == "superlative-order"),
        "{rels:?}"
    );
}

#[test]
fn a_gap_above_a_named_bound_runs_from_the_level_before_it() {
    let rels =
        relations("Diesel averaged $4.12 a gallon in May, 31 cents below the $4.53 of a year earlier.");
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "absolute-change"
            && *v == Verdict::Contradicted
            && used.iter().any(|t| t.contains("4.53"))
            && used.iter().any(|t| t.contains("4.12"))),
        "{rels:?}"
    );
    // The gap before it is no level: "$380 more than last year and $2,140 more than …".
    let rels = relations(
        "Nurses now earn an average of $52,300, which is $380 more than last year and $2,140 more than the $50,160 of the year before.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "absolute-change"
            && *v == Verdict::Consistent
            && used.iter().any(|t| t.contains("52,300"))
            && used.iter().any(|t| t.contains("2,140"))),
        "{rels:?}"
    );
    assert!(
        !rels
            .iter()
            .any(|(rule, v, _)| rule == "absolute-change" && *v == Verdict::Contradicted),
        "{rels:?}"
    );
}

#[test]
fn a_value_before_a_change_is_no_total_of_the_figure_per_unit() {
    // The $95 for each household restates this year's $4.9 million, not last year's.
    let rels = relations(
        "Water fees brought in $4.9 million this year, up from $4.6 million in 2023, or about $95 for each of the city's 52,000 households.",
    );
    assert!(
        !rels
            .iter()
            .any(|(_, v, used)| *v == Verdict::Contradicted && used.iter().any(|t| t == "$4.6 million")),
        "{rels:?}"
    );
    assert!(
        rels.iter().any(|(_, v, used)| *v == Verdict::Consistent
            && used.iter().any(|t| t == "$4.9 million")
            && used.iter().any(|t| t == "about $95")),
        "{rels:?}"
    );
}

#[test]
fn a_whole_that_counts_its_parts_frames_the_breakdown_after_it() {
    let rels = relations(
        "Storms killed 49 people in four districts this month. The dead included 19 in Alder, 14 in Birch, 10 in Cedar and 6 in Dunmore.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "parts-of-whole"
            && *v == Verdict::Consistent
            && used == &["19", "14", "10", "6", "49"]),
        "{rels:?}"
    );
}

#[test]
fn a_list_total_that_counts_its_items_adds_them() {
    let rels = relations(
        "- Rent: $410,000\n- Wages: $1.2 million\n- Supplies: $95,000\n- Together the three lines account for the full $1.71 million.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "parts-of-whole"
            && *v == Verdict::Consistent
            && used == &["$410,000", "$1.2 million", "$95,000", "$1.71 million"]),
        "{rels:?}"
    );
}

/// The claim texts (operands, then the stated figure) of every reading `rule` proposes
/// for `text` that misses and has a cue frame strong enough to flag it, whatever its
/// fitted confidence: what a lower threshold or another fit could turn into a false alarm.
fn flaggable_misses(text: &str, rule: &str) -> Vec<Vec<String>> {
    use claimcheck::relate::{Context, evidence};
    use claimcheck::resolve;
    use claimcheck::rules::{BUILTIN, MIN_FRAME_TO_FLAG};
    let doc = claimcheck::document::Document::new(text.to_string());
    let claims = claimcheck::extract::extract(&doc);
    let cx = Context::new(&doc, &claims);
    let mut all = resolve::propose(&cx, BUILTIN);
    resolve::weigh(&mut all, BUILTIN, &evidence::confidence);
    all.iter()
        .filter(|(_, r)| r.rule == rule && r.verdict != Verdict::Consistent)
        .filter(|(_, r)| r.evidence.frame >= MIN_FRAME_TO_FLAG)
        .map(|(_, r)| {
            r.claim_indices()
                .into_iter()
                .filter_map(|i| claims.get(i).map(|c| c.text.clone()))
                .collect()
        })
        .collect()
}

/// No reading of `rule` that could flag a figure of `text`.
fn flags_nothing(text: &str, rule: &str) {
    let misses = flaggable_misses(text, rule);
    assert!(misses.is_empty(), "{misses:?}");
}

#[test]
fn the_two_ends_of_one_change_are_no_two_parts() {
    // $640 million + $587 million is no sum: one series at two moments.
    flags_nothing(
        "Sales by channel:\n\n- Stores: $1.48 billion\n- Online: $640 million, up 9% from $587 million\n\nThe combined $1.23 billion in the spring was a record.",
        "parts-of-whole",
    );
}

#[test]
fn the_start_of_one_change_and_the_end_of_another_are_no_parts() {
    // 4.1 + 88.3 happens to be 92.4, the start of the third series.
    flags_nothing(
        "Burglary fell from 4.3 to 4.1 per 1,000 homes, car theft from 92.4 to 88.3 and vandalism from 61.0 to 59.8.",
        "parts-of-whole",
    );
}

#[test]
fn a_bracketed_change_opens_no_breakdown() {
    flags_nothing(
        "- Typical farmhouse: assessed at $318,000 (up from $291,500), it pays $2,214 in school tax, $96 more than last year.",
        "parts-of-whole",
    );
}

#[test]
fn a_hyphenated_all_is_no_word_of_sum() {
    flags_nothing(
        "- All-campus budget: $880.4 million, up 3.1% from $853.9 million in 2024\n- Teaching budget: $401.2 million, about 46% of the total",
        "parts-of-whole",
    );
}

#[test]
fn a_whole_bracketed_like_its_neighbours_is_one_more_item() {
    flags_nothing(
        "The plan pays for a new library ($48 million), repairs to 9 branch buildings ($21 million) and new computers ($6 million).",
        "parts-of-whole",
    );
}

#[test]
fn a_net_row_is_no_total_of_the_rows_above() {
    flags_nothing(
        "Population change, 2025\n  Births                        1,118\n  Deaths                        1,240\n  Net movers from other states  +3,902\n  Net movers from abroad          +844\n",
        "parts-of-whole",
    );
}

#[test]
fn at_least_one_of_several_is_no_rank() {
    flags_nothing(
        "The union hopes to meet at least one of the five board members before the vote.",
        "superlative-order",
    );
}

#[test]
fn behind_as_a_word_of_place_names_no_gap() {
    flags_nothing(
        "\"Two men came up behind me and two others blocked the door while another one took the till,\" the owner said.",
        "absolute-change",
    );
}

#[test]
fn two_prices_offered_side_by_side_never_flag_each_other() {
    flags_nothing(
        "The streaming plan costs $8.99 a month or $90 a year, and students pay half.",
        "rate-conversion",
    );
}

#[test]
fn a_miss_with_its_cue_flags_though_a_weaker_reading_ranks_above_it() {
    // The seed's pattern in our own figures: the level named when the change started,
    // and the change stated later. "more than tripled" where the figures give exactly
    // three is borderline.
    let rels = relations(
        "Requests for help reached 9.6 million this spring. Requests have more than tripled since the program began in 2019. When it began, the number was 3.2 million.",
    );
    assert!(
        rels.iter()
            .any(|(rule, v, _)| rule == "multiplier-change" && *v == Verdict::Borderline),
        "{rels:?}"
    );
}

#[test]
fn a_years_total_in_the_averages_sentence_is_divided() {
    let rels =
        relations("The district has 7,000 pupils. It spends $84 million a year, about $12,000 per pupil.");
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "per-unit-average"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "$84 million")
            && used.iter().any(|u| u == "7,000")),
        "{rels:?}"
    );
}

#[test]
fn a_headline_count_of_the_units_divides_a_late_average() {
    // Forty-odd sentences apart: beyond any window a rule searches around the average.
    let filler = "The board met again and heard from the public. ".repeat(45);
    let rels = relations(&format!(
        "Harbor clinic serves 2,500 patients\n\nThe clinic opened in a converted warehouse. {filler}Doctors there logged 40,000 visits last year, or 16 visits per patient."
    ));
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "per-unit-average"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "2,500")),
        "{rels:?}"
    );
}

#[test]
fn a_share_in_a_list_is_of_its_total_line() {
    let rels = relations(
        "Ballots counted by ward:\n\n- North: 3,150 (45.0%)\n- South: 2,450 (35.0%)\n- East: 1,400 (20.0%)\n- Total: 7,000\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used == &["3,150", "7,000", "45.0%"]),
        "{rels:?}"
    );
}

#[test]
fn a_part_set_after_its_share_with_a_comma_is_tied() {
    let ok = relations(
        "The library lent 5,700 books in March. Children borrowed a third, about 1,900, and adults the rest.",
    );
    assert!(
        ok.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "about 1,900")
            && used.iter().any(|u| u == "5,700")),
        "{ok:?}"
    );
    // The tied part is the one checked: another figure that would make the share hold
    // does not explain it away.
    let wrong = relations(
        "The library lent 5,700 books in March, 1,900 of them in its first week. Children borrowed a third, about 2,600, and adults the rest.",
    );
    assert!(
        !wrong.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "a third")),
        "{wrong:?}"
    );
}

#[test]
fn a_figure_before_a_verb_of_comparison_is_a_level() {
    let ok = relations("Spring sales of $3.15 million topped the $2.90 million of the autumn.");
    assert!(
        ok.iter().any(|(rule, v, used)| rule == "superlative-order"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "$3.15 million")),
        "{ok:?}"
    );
    // A preposition still follows the size of a difference, which is no level.
    let gap = relations("Spring sales came in $0.25 million above the $2.90 million of the autumn.");
    assert!(
        !gap.iter().any(|(rule, ..)| rule == "superlative-order"),
        "{gap:?}"
    );
}

#[test]
fn an_average_is_an_end_of_a_change() {
    let rels = relations(
        "The average monthly bill rose 8% this year, from an average of $62.50 to an average of $67.50.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "percent-change"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "8%")),
        "{rels:?}"
    );
}

#[test]
fn a_rate_over_a_stated_length_of_time() {
    let wrong = relations("The quarry shipped 410 tonnes a week, or 5,900 tonnes over the 13-week quarter.");
    assert!(
        wrong.iter().any(|(rule, v, used)| rule == "rate-conversion"
            && *v == Verdict::Contradicted
            && used == &["410", "13", "5,900"]),
        "{wrong:?}"
    );
    let ok = relations("The two-year grant of $1.8 million pays the lab about $900,000 a year.");
    assert!(
        ok.iter().any(|(rule, v, used)| rule == "rate-conversion"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "$1.8 million")),
        "{ok:?}"
    );
    // A rate in another sentence is no restatement of the total beside the length.
    let apart = relations(
        "Output reached 25,800 barrels in the 30-day month. It was 700 barrels a day a year earlier.",
    );
    assert!(
        !apart.iter().any(|(rule, ..)| rule == "rate-conversion"),
        "{apart:?}"
    );
}

#[test]
fn a_period_after_the_nouns_of_phrase_is_the_rate() {
    let rels = relations(
        "The well pumped an average of 860 barrels of crude a day in April, some 25,800 barrels in the 30-day month.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "rate-conversion"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "an average of 860")),
        "{rels:?}"
    );
}

#[test]
fn a_list_total_line_its_items_miss_is_contradicted() {
    let rels = relations(
        "Where the parks levy goes:\n\n- Trail repairs: $12.4 million\n- Tree planting: $8.1 million\n- Playgrounds: $20.3 million\n- Total levy: $43.8 million\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "parts-of-whole"
            && *v == Verdict::Contradicted
            && used.len() == 4
            && used.iter().any(|u| u == "$43.8 million")),
        "{rels:?}"
    );
}

#[test]
fn a_total_row_below_the_rows_it_sums_is_contradicted() {
    // The rows shown add up to more than the total: no table that leaves rows out
    // explains that. The second column adds up.
    let rels = relations(
        "Injuries reported by district\n\nDistrict        Minor   Serious\nNorthfield        150        22\nLakeside           85        13\nHillcrest          61         9\nTotal             286        44\n\nThe figures are provisional.\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "parts-of-whole"
            && *v == Verdict::Contradicted
            && used.iter().any(|u| u == "286")),
        "{rels:?}"
    );
    assert!(
        rels.iter()
            .all(|(_, v, used)| *v == Verdict::Consistent || !used.iter().any(|u| u == "44")),
        "{rels:?}"
    );
}

#[test]
fn a_table_of_several_totals_sums_each_section_not_every_row() {
    let rels = relations(
        "Fleet sales\n\n                 May     April\nTotal fleet    9,100     8,700\nTotal vans     4,000     3,900\nTotal buses    5,100     4,800\nCity vans      2,500     2,400\nRural vans     1,500     1,500\nCity buses     3,000     2,900\nRural buses    2,100     1,900\n\nSales rose in May.\n",
    );
    assert!(
        rels.iter().all(|(_, v, _)| *v != Verdict::Contradicted),
        "{rels:?}"
    );
}

#[test]
fn a_population_named_in_its_own_words_is_the_base_of_a_later_rate() {
    // "a population of 48,200" counts residents by its own words: a rate per 100,000
    // residents paragraphs later divides by it.
    let rels = relations(
        "Marlow has a population of 48,200, according to the latest estimate.\n\nThe council met on Monday. It approved a new library. It also delayed a vote on parking. The mayor was absent.\n\nPolice recorded 310 burglaries last year, a rate of 643 per 100,000 residents.\n",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "per-unit-average"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "48,200")
            && used.iter().any(|u| u == "310")),
        "{rels:?}"
    );
}

#[test]
fn an_average_is_a_level_a_gap_runs_from() {
    let ok = relations("The ferry averaged 3,200 daily passengers, up 450 from 2,750 a year earlier.");
    assert!(
        ok.iter().any(|(rule, v, used)| rule == "absolute-change"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u.ends_with("3,200"))
            && used.iter().any(|u| u == "2,750")),
        "{ok:?}"
    );
    let wrong = relations("The ferry averaged 3,200 daily passengers, up 540 from 2,750 a year earlier.");
    assert!(
        wrong.iter().any(|(rule, v, used)| rule == "absolute-change"
            && *v == Verdict::Contradicted
            && used.iter().any(|u| u.ends_with("3,200"))),
        "{wrong:?}"
    );
}

#[test]
fn a_unit_abbreviated_at_its_first_use_keeps_its_scale() {
    // "(Mt)" stands for "million tonnes": the later "0.6 Mt" is 600,000 tonnes, a
    // quarter of the 2.4 million.
    let rels = relations(
        "The mine produced 2.4 million tonnes of ore (Mt) in 2020. Most of it went to local mills. Exports took 0.6 Mt, a quarter of the output.",
    );
    assert!(
        rels.iter().any(|(rule, v, used)| rule == "share-of-total"
            && *v == Verdict::Consistent
            && used.iter().any(|u| u == "0.6")
            && used.iter().any(|u| u.ends_with("2.4 million"))),
        "{rels:?}"
    );
}
