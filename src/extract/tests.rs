use super::*;

fn claims(text: &str) -> Vec<Claim> {
    extract(&Document::new(text))
}

#[test]
fn noun_inferred_from_the_sentence() {
    let c = claims("The backlog of detention cases has reached 7.4 million and keeps growing.");
    let x = c.iter().find(|c| c.text == "7.4 million");
    assert_eq!(x.and_then(|c| c.unit.clone()), Some("case".into()));
    assert!(x.is_some_and(|c| c.unit_inferred));
}

#[test]
fn per_unit_from_each() {
    let c = claims("Each assigned field agent handles an average of 7,000 cases.");
    let x = c.iter().find(|c| c.text == "an average of 7,000");
    assert_eq!(x.and_then(|c| c.per.clone()), Some("agent".into()));
    assert!(x.is_some_and(|c| c.average));
}

#[test]
fn elided_per_unit_follows_the_rate_before() {
    // The second rate leaves its noun out: it counts what the first one counts.
    let c = claims("Evictions ran at 2.7 per 10,000 homes, against 5.4 per 10,000 regionwide.");
    let x = c.iter().find(|c| c.text == "5.4");
    assert_eq!(x.and_then(|c| c.per.clone()), Some("home".into()));
    // With no rate before it, "per 100,000" still counts people.
    let c = claims("The county's homicide rate was 27.4 per 100,000 last year.");
    let x = c.iter().find(|c| c.text == "27.4");
    assert_eq!(x.and_then(|c| c.per.clone()), Some("person".into()));
}

#[test]
fn each_of_a_named_whole_is_the_per_unit() {
    let c =
        claims("Water fees brought in $4.9 million, or about $95 for each of the city's 52,000 households.");
    let avg = c.iter().find(|c| c.text == "about $95");
    assert_eq!(avg.and_then(|c| c.per.clone()), Some("household".into()));
    // The whole itself is no rate: "the state's" is a possessive, no distributive noun.
    let whole = c.iter().find(|c| c.text == "52,000");
    assert_eq!(whole.and_then(|c| c.per.clone()), None);
}

#[test]
fn money_raised_is_collected_not_a_change() {
    let c = claims("The campaign raised $2.1 million. The board raised fees by $20 to $310.");
    let raised = c.iter().find(|c| c.text == "$2.1 million");
    assert_eq!(raised.map(|c| c.role), Some(Role::Value));
    let by = c.iter().find(|c| c.text == "$20");
    assert_eq!(by.map(|c| c.role), Some(Role::Change));
}

#[test]
fn change_role_and_anchor() {
    let c = claims(
        "The count has increased by more than 1 million since Oct. 1 and has more than doubled since 2021.",
    );
    let delta = c.iter().find(|c| c.text == "more than 1 million");
    assert_eq!(delta.map(|c| c.role), Some(Role::Change));
    assert_eq!(delta.and_then(|c| c.time.clone()), Some("since Oct. 1".into()));
    let m = c.iter().find(|c| c.text == "more than doubled");
    assert_eq!(m.map(|c| c.kind), Some(Kind::Multiplier));
    assert_eq!(m.and_then(|c| c.time.clone()), Some("since 2021".into()));
}

#[test]
fn debris_is_marked() {
    let c = claims("Click here to get the News app with 5 stars\n\nThe city hired 40 teachers.");
    assert!(c.iter().any(|c| c.text == "5" && c.debris));
    assert!(c.iter().any(|c| c.text == "40" && !c.debris));
}

#[test]
fn spans_cover_the_text() {
    let text = "Nearly 1.9 million people, £40m and between 300 and 400 homes, up 12 per cent.";
    for c in claims(text) {
        assert_eq!(text.get(c.span.start..c.span.end), Some(c.text.as_str()));
    }
}

#[test]
fn nearly_a_whole_multiple_is_a_tenth_below_it() {
    let c = claims("Sales nearly tripled, and costs more than doubled; staff almost doubled.");
    let bounds = |t: &str| {
        c.iter()
            .find(|c| c.text == t)
            .map(|c| ((c.value.low * 100.0).round(), (c.value.high * 100.0).round()))
    };
    assert_eq!(bounds("nearly tripled"), Some((270.0, 300.0)));
    assert_eq!(bounds("almost doubled"), Some((180.0, 200.0)));
    // A lower bound still reaches to the next whole multiple.
    assert_eq!(bounds("more than doubled"), Some((200.0, 300.0)));
}

#[test]
fn a_double_ending_a_noun_phrase_is_no_multiplier() {
    let multipliers = |t: &str| {
        claims(t)
            .into_iter()
            .filter(|c| c.kind == Kind::Multiplier)
            .count()
    };
    assert_eq!(multipliers("He completed the indoor-outdoor double."), 0);
    assert_eq!(
        multipliers("The club completed a rare league and cup double, its first."),
        0
    );
    assert_eq!(multipliers("Costs are expected to double."), 1);
    assert_eq!(multipliers("Fares could more than double, the report warns."), 1);
    assert_eq!(multipliers("Enrollment will nearly triple."), 1);
    assert_eq!(
        multipliers("She took a rare sprint double in the 100m and 200m at the trials."),
        0
    );
    assert_eq!(multipliers("The bill could more than double in size."), 1);
    assert_eq!(multipliers("Ridership is set to double in the next decade."), 1);
}

#[test]
fn a_figure_with_two_decimal_points_is_no_quantity() {
    let texts = |t: &str| claims(t).into_iter().map(|c| c.text).collect::<Vec<_>>();
    assert!(
        !texts("The index closed at 3.817.69 on Friday.")
            .iter()
            .any(|t| t.contains("3.817"))
    );
    assert!(
        texts("The index closed at 3,817.69 on Friday.")
            .iter()
            .any(|t| t == "3,817.69")
    );
    assert!(texts("Shares fell 2.5. Bonds rose.").iter().any(|t| t == "2.5"));
}

#[test]
fn a_unit_written_apart_is_kept_whatever_follows() {
    // "set" after "mm" is a participle ("the record of 84 mm set in 2011"), not the
    // counted noun.
    let c = claims("The old mark of 84 mm set in 2011 stood for years. It weighed 12 kg packed.");
    let unit = |t: &str| c.iter().find(|c| c.text == t).and_then(|c| c.unit.clone());
    assert_eq!(unit("84"), Some("mm".into()));
    assert_eq!(unit("12"), Some("kg".into()));
}

#[test]
fn fractional_points_after_a_sentence_of_percentages_are_percentage_points() {
    let unit = |text: &str, figure: &str| {
        claims(text)
            .into_iter()
            .find(|c| c.text.contains(figure))
            .and_then(|c| c.unit)
    };
    let gap =
        "Our clinic saw 61.2% of patients within a week, the other 54.7%. We came out ahead by 6.5 points.";
    assert_eq!(unit(gap, "6.5"), Some("percentage point".into()));
    // Whole points after a shooting percentage are the score.
    let game = "The visitors shot 48% from the field. They won by 12 points.";
    assert_eq!(unit(game, "12"), Some("point".into()));
    // A new paragraph, or a sentence between, breaks the link.
    let apart = "Turnout was 61.2%.\n\nThe guard averaged 6.5 points.";
    assert_eq!(unit(apart, "6.5"), Some("point".into()));
}
