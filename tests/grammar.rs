//! The number grammar, surface form by surface form: each row is an input sentence, the
//! claim text expected in it, its value/low/high, kind and hedge (Duckling-style corpus).
//! Values follow DESIGN.md: precision from the last non-zero digit, hedges per the table.

use claimcheck::extract;

type Row = (
    &'static str,
    &'static str,
    Option<(f64, f64, f64)>,
    &'static str,
    Option<&'static str>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("There were 6,000 boxes.", "6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("exact")),
    ("There were 7,400,000 boxes.", "7,400,000", Some((7400000.0, 7350000.0, 7450000.0)), "count", Some("exact")),
    ("There were 1,273,885 boxes.", "1,273,885", Some((1273885.0, 1273884.5, 1273885.5)), "count", Some("exact")),
    ("There were 735 boxes.", "735", Some((735.0, 734.5, 735.5)), "count", Some("exact")),
    ("There were 12 boxes.", "12", Some((12.0, 11.5, 12.5)), "count", Some("exact")),
    ("There were 3.5 boxes.", "3.5", Some((3.5, 3.45, 3.55)), "count", Some("exact")),
    ("There were 0.75 boxes.", "0.75", Some((0.75, 0.745, 0.755)), "count", Some("exact")),
    ("There were 1,234.5 boxes.", "1,234.5", Some((1234.5, 1234.45, 1234.55)), "count", Some("exact")),
    ("There were 100 boxes.", "100", Some((100.0, 50.0, 150.0)), "count", Some("exact")),
    ("There were 40 boxes.", "40", Some((40.0, 35.0, 45.0)), "count", Some("exact")),
    ("There were 7 boxes.", "7", Some((7.0, 6.5, 7.5)), "count", Some("exact")),
    ("There were 15.25 boxes.", "15.25", Some((15.25, 15.245, 15.255)), "count", Some("exact")),
    ("There were 2,500 boxes.", "2,500", Some((2500.0, 2450.0, 2550.0)), "count", Some("exact")),
    ("There were 90 boxes.", "90", Some((90.0, 85.0, 95.0)), "count", Some("exact")),
    ("There were 48,000 boxes.", "48,000", Some((48000.0, 47500.0, 48500.0)), "count", Some("exact")),
    ("There were 210,000 boxes.", "210,000", Some((210000.0, 205000.0, 215000.0)), "count", Some("exact")),
    ("There were 3,982 boxes.", "3,982", Some((3982.0, 3981.5, 3982.5)), "count", Some("exact")),
    ("There were 11,954 boxes.", "11,954", Some((11954.0, 11953.5, 11954.5)), "count", Some("exact")),
    ("There were 386.3 boxes.", "386.3", Some((386.3, 386.25, 386.35)), "count", Some("exact")),
    ("There were 0.5 boxes.", "0.5", Some((0.5, 0.45, 0.55)), "count", Some("exact")),
    ("A total of 7 400 000 boxes.", "7 400 000", Some((7400000.0, 7350000.0, 7450000.0)), "count", Some("exact")),
    ("A total of 7 400 000 boxes.", "7 400 000", Some((7400000.0, 7350000.0, 7450000.0)), "count", Some("exact")),
    ("A total of 1 250 boxes.", "1 250", Some((1250.0, 1245.0, 1255.0)), "count", Some("exact")),
    ("It moved −3.5 points.", "−3.5", Some((-3.5, -3.55, -3.45)), "count", Some("exact")),
    ("It moved -12 points.", "-12", Some((-12.0, -12.5, -11.5)), "count", Some("exact")),
    ("It moved +4 points.", "+4", Some((4.0, 3.5, 4.5)), "count", Some("exact")),
    ("They counted 7.4 million votes.", "7.4 million", Some((7400000.0, 7350000.0, 7450000.0)), "count", Some("exact")),
    ("They counted 1.2bn votes.", "1.2bn", Some((1200000000.0, 1150000000.0, 1250000000.0)), "count", Some("exact")),
    ("They counted 12k votes.", "12k", Some((12000.0, 11500.0, 12500.0)), "count", Some("exact")),
    ("They counted 7.4M votes.", "7.4M", Some((7400000.0, 7350000.0, 7450000.0)), "count", Some("exact")),
    ("They counted 2.5 billion votes.", "2.5 billion", Some((2500000000.0, 2450000000.0, 2550000000.0)), "count", Some("exact")),
    ("They counted 3 trillion votes.", "3 trillion", Some((3000000000000.0, 2500000000000.0, 3500000000000.0)), "count", Some("exact")),
    ("They counted 40 thousand votes.", "40 thousand", Some((40000.0, 35000.0, 45000.0)), "count", Some("exact")),
    ("They counted 1.25 million votes.", "1.25 million", Some((1250000.0, 1245000.0, 1255000.0)), "count", Some("exact")),
    ("They counted 8 million votes.", "8 million", Some((8000000.0, 7500000.0, 8500000.0)), "count", Some("exact")),
    ("They counted 0.9 million votes.", "0.9 million", Some((900000.0, 850000.0, 950000.0)), "count", Some("exact")),
    ("The plan costs $3.5 billion in all.", "$3.5 billion", Some((3500000000.0, 3450000000.0, 3550000000.0)), "money", Some("exact")),
    ("The plan costs £40m in all.", "£40m", Some((40000000.0, 35000000.0, 45000000.0)), "money", Some("exact")),
    ("The plan costs €1.2bn in all.", "€1.2bn", Some((1200000000.0, 1150000000.0, 1250000000.0)), "money", Some("exact")),
    ("The plan costs $150 million in all.", "$150 million", Some((150000000.0, 145000000.0, 155000000.0)), "money", Some("exact")),
    ("The plan costs $8,500 in all.", "$8,500", Some((8500.0, 8450.0, 8550.0)), "money", Some("exact")),
    ("The plan costs $1.27 in all.", "$1.27", Some((1.27, 1.265, 1.275)), "money", Some("exact")),
    ("The plan costs US$20 in all.", "US$20", Some((20.0, 15.0, 25.0)), "money", Some("exact")),
    ("The plan costs ¥500 in all.", "¥500", Some((500.0, 450.0, 550.0)), "money", Some("exact")),
    ("The plan costs $12.1 billion in all.", "$12.1 billion", Some((12100000000.0, 12050000000.0, 12150000000.0)), "money", Some("exact")),
    ("The plan costs $600 million in all.", "$600 million", Some((600000000.0, 550000000.0, 650000000.0)), "money", Some("exact")),
    ("The plan costs C$45 in all.", "C$45", Some((45.0, 44.5, 45.5)), "money", Some("exact")),
    ("The plan costs £2.75 in all.", "£2.75", Some((2.75, 2.745, 2.755)), "money", Some("exact")),
    ("The plan costs $1,170 in all.", "$1,170", Some((1170.0, 1165.0, 1175.0)), "money", Some("exact")),
    ("The plan costs €30,000 in all.", "€30,000", Some((30000.0, 25000.0, 35000.0)), "money", Some("exact")),
    ("The plan costs $7bn in all.", "$7bn", Some((7000000000.0, 6500000000.0, 7500000000.0)), "money", Some("exact")),
    ("It costs 40 dollars today.", "40 dollars", Some((40.0, 35.0, 45.0)), "money", Some("exact")),
    ("It costs 49.1 cents today.", "49.1 cents", Some((0.491, 0.4905, 0.4915)), "money", Some("exact")),
    ("It costs 300 euros today.", "300 euros", Some((300.0, 250.0, 350.0)), "money", Some("exact")),
    ("Prices rose 12% this year.", "12%", Some((12.0, 11.5, 12.5)), "percent", Some("exact")),
    ("Prices rose 12 percent this year.", "12 percent", Some((12.0, 11.5, 12.5)), "percent", Some("exact")),
    ("Prices rose 12 per cent this year.", "12 per cent", Some((12.0, 11.5, 12.5)), "percent", Some("exact")),
    ("Prices rose twelve percent this year.", "twelve percent", Some((12.0, 11.5, 12.5)), "percent", Some("exact")),
    ("Prices rose 15.9% this year.", "15.9%", Some((15.9, 15.85, 15.95)), "percent", Some("exact")),
    ("Prices rose 2.3 percent this year.", "2.3 percent", Some((2.3, 2.25, 2.35)), "percent", Some("exact")),
    ("Prices rose 0.5 percentage points this year.", "0.5 percentage points", Some((0.5, 0.45, 0.55)), "percent", Some("exact")),
    ("Prices rose 100% this year.", "100%", Some((100.0, 99.5, 100.5)), "percent", Some("exact")),
    ("Prices rose 9.4% this year.", "9.4%", Some((9.4, 9.35, 9.45)), "percent", Some("exact")),
    ("Prices rose 25 percent this year.", "25 percent", Some((25.0, 24.5, 25.5)), "percent", Some("exact")),
    ("Prices rose 121 percent this year.", "121 percent", Some((121.0, 120.5, 121.5)), "percent", Some("exact")),
    ("Prices rose 4.85% this year.", "4.85%", Some((4.85, 4.845, 4.855)), "percent", Some("exact")),
    ("We saw seven birds there.", "seven", Some((7.0, 6.5, 7.5)), "count", Some("exact")),
    ("We saw twenty-three birds there.", "twenty-three", Some((23.0, 22.5, 23.5)), "count", Some("exact")),
    ("We saw twenty three birds there.", "twenty three", Some((23.0, 22.5, 23.5)), "count", Some("exact")),
    ("We saw one hundred and five birds there.", "one hundred and five", Some((105.0, 104.5, 105.5)), "count", Some("exact")),
    ("We saw a dozen birds there.", "a dozen", Some((12.0, 11.5, 12.5)), "count", Some("exact")),
    ("We saw two dozen birds there.", "two dozen", Some((24.0, 23.5, 24.5)), "count", Some("exact")),
    ("We saw half a million birds there.", "half a million", Some((500000.0, 450000.0, 550000.0)), "count", Some("exact")),
    ("We saw a million birds there.", "a million", Some((1000000.0, 500000.0, 1500000.0)), "count", Some("exact")),
    ("We saw two million birds there.", "two million", Some((2000000.0, 1500000.0, 2500000.0)), "count", Some("exact")),
    ("We saw three hundred birds there.", "three hundred", Some((300.0, 250.0, 350.0)), "count", Some("exact")),
    ("We saw nineteen birds there.", "nineteen", Some((19.0, 18.5, 19.5)), "count", Some("exact")),
    ("We saw ninety-nine birds there.", "ninety-nine", Some((99.0, 98.5, 99.5)), "count", Some("exact")),
    ("We saw forty birds there.", "forty", Some((40.0, 39.5, 40.5)), "count", Some("exact")),
    ("We saw a hundred birds there.", "a hundred", Some((100.0, 50.0, 150.0)), "count", Some("exact")),
    ("We saw eleven birds there.", "eleven", Some((11.0, 10.5, 11.5)), "count", Some("exact")),
    ("We saw five thousand birds there.", "five thousand", Some((5000.0, 4500.0, 5500.0)), "count", Some("exact")),
    ("We saw six birds there.", "six", Some((6.0, 5.5, 6.5)), "count", Some("exact")),
    ("We saw a thousand birds there.", "a thousand", Some((1000.0, 500.0, 1500.0)), "count", Some("exact")),
    ("Last year a quarter of voters agreed.", "a quarter", Some((0.25, 0.225, 0.275)), "fraction", Some("exact")),
    ("Last year three-quarters of voters agreed.", "three-quarters", Some((0.75, 0.675, 0.825)), "fraction", Some("exact")),
    ("Last year two-thirds of voters agreed.", "two-thirds", Some((0.6666666666666666, 0.6, 0.7333333333333333)), "fraction", Some("exact")),
    ("Last year one in five of voters agreed.", "one in five", Some((0.2, 0.18, 0.22)), "fraction", Some("exact")),
    ("Last year a third of voters agreed.", "a third", Some((0.3333333333333333, 0.3, 0.36666666666666664)), "fraction", Some("exact")),
    ("Last year a half of voters agreed.", "a half", Some((0.5, 0.45, 0.55)), "fraction", Some("exact")),
    ("Last year one-fifth of voters agreed.", "one-fifth", Some((0.2, 0.18, 0.22)), "fraction", Some("exact")),
    ("Last year three in ten of voters agreed.", "three in ten", Some((0.3, 0.27, 0.33)), "fraction", Some("exact")),
    ("Last year one third of voters agreed.", "one third", Some((0.3333333333333333, 0.3, 0.36666666666666664)), "fraction", Some("exact")),
    ("Last year two in three of voters agreed.", "two in three", Some((0.6666666666666666, 0.6, 0.7333333333333333)), "fraction", Some("exact")),
    ("Sales doubled last year.", "doubled", Some((2.0, 1.9, 2.1)), "multiplier", Some("exact")),
    ("Sales tripled last year.", "tripled", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("Sales quadrupled last year.", "quadrupled", Some((4.0, 3.8, 4.2)), "multiplier", Some("exact")),
    ("Sales halved last year.", "halved", Some((0.5, 0.475, 0.525)), "multiplier", Some("exact")),
    ("Sales were twice last year's.", "twice", Some((2.0, 1.9, 2.1)), "multiplier", Some("exact")),
    ("Sales were three times last year's.", "three times", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("Sales tenfold last year.", "tenfold", Some((10.0, 9.5, 10.5)), "multiplier", Some("exact")),
    ("Sales 2x last year.", "2x", Some((2.0, 1.9, 2.1)), "multiplier", Some("exact")),
    ("Sales 2.5 times last year.", "2.5 times", Some((2.5, 2.375, 2.625)), "multiplier", Some("exact")),
    ("Sales fivefold last year.", "fivefold", Some((5.0, 4.75, 5.25)), "multiplier", Some("exact")),
    ("Sales ten-fold last year.", "ten-fold", Some((10.0, 9.5, 10.5)), "multiplier", Some("exact")),
    ("Sales trebled last year.", "trebled", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("The agency has about 6,000 officers.", "about 6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("approx")),
    ("The agency has about 7.4 million officers.", "about 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has about 460,000 officers.", "about 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has about 3.7 million officers.", "about 3.7 million", Some((3700000.0, 3589000.0, 3811000.0)), "count", Some("approx")),
    ("The agency has around 6,000 officers.", "around 6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("approx")),
    ("The agency has around 7.4 million officers.", "around 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has around 460,000 officers.", "around 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has around 3.7 million officers.", "around 3.7 million", Some((3700000.0, 3589000.0, 3811000.0)), "count", Some("approx")),
    ("The agency has roughly 6,000 officers.", "roughly 6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("approx")),
    ("The agency has roughly 7.4 million officers.", "roughly 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has roughly 460,000 officers.", "roughly 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has roughly 3.7 million officers.", "roughly 3.7 million", Some((3700000.0, 3589000.0, 3811000.0)), "count", Some("approx")),
    ("The agency has approximately 6,000 officers.", "approximately 6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("approx")),
    ("The agency has approximately 7.4 million officers.", "approximately 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has approximately 460,000 officers.", "approximately 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has approximately 3.7 million officers.", "approximately 3.7 million", Some((3700000.0, 3589000.0, 3811000.0)), "count", Some("approx")),
    ("The agency has some 6,000 officers.", "some 6,000", Some((6000.0, 5500.0, 6500.0)), "count", Some("approx")),
    ("The agency has some 7.4 million officers.", "some 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has an estimated 7.4 million officers.", "an estimated 7.4 million", Some((7400000.0, 7178000.0, 7622000.0)), "count", Some("approx")),
    ("The agency has an estimated 460,000 officers.", "an estimated 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has close to 460,000 officers.", "close to 460,000", Some((460000.0, 446200.0, 473800.0)), "count", Some("approx")),
    ("The agency has close to 3.7 million officers.", "close to 3.7 million", Some((3700000.0, 3589000.0, 3811000.0)), "count", Some("approx")),
    ("The agency has nearly 3.7 million officers.", "nearly 3.7 million", Some((3700000.0, 3600000.0, 3700000.0)), "count", Some("upper_bound")),
    ("The agency has almost 6,000 officers.", "almost 6,000", Some((6000.0, 5000.0, 6000.0)), "count", Some("upper_bound")),
    ("The agency has almost 7.4 million officers.", "almost 7.4 million", Some((7400000.0, 7300000.0, 7400000.0)), "count", Some("upper_bound")),
    ("The agency has more than 7.4 million officers.", "more than 7.4 million", Some((7400000.0, 7400000.0, 7500000.0)), "count", Some("lower_bound")),
    ("The agency has more than 460,000 officers.", "more than 460,000", Some((460000.0, 460000.0, 470000.0)), "count", Some("lower_bound")),
    ("The agency has over 460,000 officers.", "over 460,000", Some((460000.0, 460000.0, 470000.0)), "count", Some("lower_bound")),
    ("The agency has over 3.7 million officers.", "over 3.7 million", Some((3700000.0, 3700000.0, 3800000.0)), "count", Some("lower_bound")),
    ("The agency has at least 3.7 million officers.", "at least 3.7 million", Some((3700000.0, 3700000.0, 3800000.0)), "count", Some("lower_bound")),
    ("The agency has upwards of 6,000 officers.", "upwards of 6,000", Some((6000.0, 6000.0, 7000.0)), "count", Some("lower_bound")),
    ("The agency has upwards of 7.4 million officers.", "upwards of 7.4 million", Some((7400000.0, 7400000.0, 7500000.0)), "count", Some("lower_bound")),
    ("The agency has just over 7.4 million officers.", "just over 7.4 million", Some((7400000.0, 7400000.0, 7450000.0)), "count", Some("lower_bound")),
    ("The agency has just over 460,000 officers.", "just over 460,000", Some((460000.0, 460000.0, 465000.0)), "count", Some("lower_bound")),
    ("The agency has fewer than 460,000 officers.", "fewer than 460,000", Some((460000.0, 450000.0, 460000.0)), "count", Some("upper_bound")),
    ("The agency has fewer than 3.7 million officers.", "fewer than 3.7 million", Some((3700000.0, 3600000.0, 3700000.0)), "count", Some("upper_bound")),
    ("The agency has less than 3.7 million officers.", "less than 3.7 million", Some((3700000.0, 3600000.0, 3700000.0)), "count", Some("upper_bound")),
    ("The agency has under 6,000 officers.", "under 6,000", Some((6000.0, 5000.0, 6000.0)), "count", Some("upper_bound")),
    ("The agency has under 7.4 million officers.", "under 7.4 million", Some((7400000.0, 7300000.0, 7400000.0)), "count", Some("upper_bound")),
    ("The agency has just under 7.4 million officers.", "just under 7.4 million", Some((7400000.0, 7350000.0, 7400000.0)), "count", Some("upper_bound")),
    ("The agency has just under 460,000 officers.", "just under 460,000", Some((460000.0, 455000.0, 460000.0)), "count", Some("upper_bound")),
    ("The agency has up to 460,000 officers.", "up to 460,000", Some((460000.0, 450000.0, 460000.0)), "count", Some("upper_bound")),
    ("The agency has up to 3.7 million officers.", "up to 3.7 million", Some((3700000.0, 3600000.0, 3700000.0)), "count", Some("upper_bound")),
    ("The agency has as many as 3.7 million officers.", "as many as 3.7 million", Some((3700000.0, 3600000.0, 3700000.0)), "count", Some("upper_bound")),
    ("The agency has no more than 6,000 officers.", "no more than 6,000", Some((6000.0, 5000.0, 6000.0)), "count", Some("upper_bound")),
    ("The agency has no more than 7.4 million officers.", "no more than 7.4 million", Some((7400000.0, 7300000.0, 7400000.0)), "count", Some("upper_bound")),
    ("Each earns an average of 7,000 dollars.", "an average of 7,000 dollars", Some((7000.0, 6500.0, 7500.0)), "money", Some("exact")),
    ("They expect between 300 and 400 visitors.", "between 300 and 400", Some((350.0, 300.0, 400.0)), "count", Some("range")),
    ("They expect 300-400 visitors.", "300-400", Some((350.0, 300.0, 400.0)), "count", Some("range")),
    ("They expect 300 to 400 visitors.", "300 to 400", Some((350.0, 300.0, 400.0)), "count", Some("range")),
    ("They expect 10-12% visitors.", "10-12%", Some((11.0, 10.0, 12.0)), "percent", Some("range")),
    ("They expect 3-4 million visitors.", "3-4 million", Some((3500000.0, 3000000.0, 4000000.0)), "count", Some("range")),
    ("They expect $5-$10 visitors.", "$5-$10", Some((7.5, 5.0, 10.0)), "money", Some("range")),
    ("They expect between 2.5 and 3 million visitors.", "between 2.5 and 3 million", Some((2750000.0, 2500000.0, 3000000.0)), "count", Some("range")),
    ("It was January 8, 2023 then.", "January 8, 2023", None, "date", None),
    ("It was Oct. 1 then.", "Oct. 1", None, "date", None),
    ("It was 3/14/2024 then.", "3/14/2024", None, "date", None),
    ("It was 2023-01-08 then.", "2023-01-08", None, "date", None),
    ("It was 8 March 2024 then.", "8 March 2024", None, "date", None),
    ("It was 9:30 a.m. then.", "9:30 a.m.", None, "time", None),
    ("It was 4 p.m. then.", "4 p.m.", None, "time", None),
    ("It was 14:05 then.", "14:05", None, "time", None),
    ("It was 3rd then.", "3rd", None, "ordinal", None),
    ("It was 22nd then.", "22nd", None, "ordinal", None),
    ("It was No. 1 then.", "No. 1", None, "identifier", None),
    ("It was Section 240 then.", "Section 240", None, "identifier", None),
    ("It was page 12 then.", "page 12", None, "page", None),
    ("It was Table 4 then.", "Table 4", None, "page", None),
    ("It was (202) 555-0147 then.", "(202) 555-0147", None, "phone", None),
    ("It was 555-201-3344 then.", "555-201-3344", None, "phone", None),
    ("It was 24/7 then.", "24/7", None, "identifier", None),
    ("It was fiscal year 2024 then.", "fiscal year 2024", None, "year", None),
    ("It was FY2025 then.", "FY2025", None, "year", None),
    ("It was 1990s then.", "1990s", None, "year", None),
    ("It was 2021 then.", "2021", None, "year", None),
    ("It was 12px then.", "12px", None, "other", None),
    ("It was Route 66 then.", "Route 66", None, "identifier", None),
    ("It opened at 1600 Pennsylvania Avenue.", "1600", None, "address", None),
    // Units written against the digits, vague plurals, labels and scores.
    ("The phone has 256GB of storage.", "256GB", Some((256.0, 255.5, 256.5)), "count", Some("exact")),
    ("Winds reached 50mph overnight.", "50mph", Some((50.0, 45.0, 55.0)), "count", Some("exact")),
    ("A 5.5kWh battery powers it.", "5.5kWh", Some((5.5, 5.45, 5.55)), "count", Some("exact")),
    ("Shares rose 6.5% to 164p.", "164p", Some((164.0, 163.5, 164.5)), "money", Some("exact")),
    ("It trades at a 24pc discount.", "24pc", Some((24.0, 23.5, 24.5)), "percent", Some("exact")),
    ("Output will reach 1.2m tons of ore.", "1.2m", Some((1200000.0, 1150000.0, 1250000.0)), "count", Some("exact")),
    ("Tens of thousands of people marched.", "Tens of thousands", Some((55000.0, 10000.0, 100000.0)), "count", Some("range")),
    ("Dozens of people were hurt.", "Dozens", Some((66.0, 12.0, 120.0)), "count", Some("range")),
    ("Millions of viewers tuned in.", "Millions", Some((5500000.0, 1000000.0, 10000000.0)), "count", Some("range")),
    ("The S&P 500 fell 0.9%.", "500", None, "identifier", None),
    ("They lost 2-1 at home.", "2", None, "other", None),
    ("They won 124-118 on Friday.", "118", None, "other", None),
    ("He shot 12-16 from the field.", "16", Some((16.0, 15.5, 16.5)), "count", Some("exact")),
    ("Keytruda's 2018 sales jumped.", "2018", None, "year", None),
    ("It sold for RM79 a month.", "RM79", Some((79.0, 78.5, 79.5)), "money", Some("exact")),
    ("It can dip to minus-130 degrees.", "minus-130", Some((-130.0, -135.0, -125.0)), "count", Some("exact")),
    ("Add 1/16 of a pint.", "1/16", Some((0.0625, 0.0625, 0.0625)), "fraction", Some("exact")),
    ("The yacht sold for USD10m.", "USD10m", Some((10000000.0, 5000000.0, 15000000.0)), "money", Some("exact")),
    ("The temple dates from A.D. 1000.", "1000", None, "year", None),
    ("Between 1600 and 1900 it cooled.", "Between 1600 and 1900", None, "year", None),
    // Idioms, names, scores, decades: numbers that are not quantities.
    ("He is one of the best players on the team.", "one", None, "other", None),
    ("One of them stayed behind.", "One", None, "other", None),
    ("The club is number one in the standings.", "one", None, "identifier", None),
    ("She was the No. 1 seed in the draw.", "No. 1", None, "identifier", None),
    ("Engineers toured the Three Gorges reservoir.", "Three", None, "other", None),
    ("The match aired on Sky One at night.", "One", None, "other", None),
    ("Two Formula One teams withdrew.", "One", None, "other", None),
    ("The Big Ten approved the schedule.", "Ten", None, "other", None),
    ("Leaders of the Group of Seven met in May.", "Seven", None, "other", None),
    ("The rivals played to a 1-1 draw.", "1", None, "other", None),
    ("The hosts won 3-2 in overtime.", "3", None, "other", None),
    ("We beat them 88-61 at home.", "61", None, "other", None),
    ("They finished with a 24-8 record.", "24", None, "other", None),
    ("They lost 2-3 to the visitors.", "3", None, "other", None),
    ("Music from the 70s filled the hall.", "70s", None, "year", None),
    ("Songs from the ’90s filled the hall.", "’90s", None, "year", None),
    ("She is now in her 40s.", "40s", None, "other", None),
    // Counts of occasions are counts; multipliers stay multipliers.
    ("The bank raised rates five times last year.", "five times", Some((5.0, 4.5, 5.5)), "count", Some("exact")),
    ("She won the title three times.", "three times", Some((3.0, 2.5, 3.5)), "count", Some("exact")),
    ("He scored twice in the second half.", "twice", Some((2.0, 1.5, 2.5)), "count", Some("exact")),
    ("The new wing is three times the size of the old.", "three times", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("There were three times as many applicants.", "three times", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("Rents are three times higher here.", "three times", Some((3.0, 2.85, 3.15)), "multiplier", Some("exact")),
    ("Fares are nearly triple the old rate.", "nearly triple", Some((3.0, 2.7, 3.0)), "multiplier", Some("upper_bound")),
    ("Costs are nearly one and a half times as high.", "nearly one and a half times", Some((1.5, 1.4, 1.5)), "multiplier", Some("upper_bound")),
    ("It repays more than one and a half times the loan.", "more than one and a half times", Some((1.5, 1.5, 1.6)), "multiplier", Some("lower_bound")),
    ("The tower is two and a half times the height.", "two and a half times", Some((2.5, 2.375, 2.625)), "multiplier", Some("exact")),
    ("Output is expected to double by 2030.", "double", Some((2.0, 1.9, 2.1)), "multiplier", Some("exact")),
    // Quarters as periods, quarters as fractions.
    ("The project is two quarters ahead of plan.", "two quarters", Some((2.0, 1.5, 2.5)), "count", Some("exact")),
    ("He missed three quarters of play.", "three quarters", Some((3.0, 2.5, 3.5)), "count", Some("exact")),
    ("Three quarters of voters agreed.", "Three quarters", Some((0.75, 0.675, 0.825)), "fraction", Some("exact")),
    ("It spent three-quarters of the budget.", "three-quarters", Some((0.75, 0.675, 0.825)), "fraction", Some("exact")),
    // Durations.
    ("The work took a decade.", "a decade", Some((10.0, 9.5, 10.5)), "count", Some("exact")),
    ("Crime fell over the past decade.", "decade", Some((10.0, 9.5, 10.5)), "count", Some("exact")),
    ("The plan ran for two decades.", "two decades", Some((20.0, 15.0, 25.0)), "count", Some("exact")),
    ("A decade-long study ended.", "A decade-long", Some((10.0, 9.5, 10.5)), "count", Some("exact")),
    ("She served for 29 years.", "29", Some((29.0, 28.5, 29.5)), "count", Some("exact")),
    // Money in cents, Indian scales, fractions of a scale.
    ("Shares rose 67 cents today.", "67 cents", Some((0.67, 0.665, 0.675)), "money", Some("exact")),
    ("It earned 6 cents a share.", "6 cents", Some((0.06, 0.055, 0.065)), "money", Some("exact")),
    ("A 25-cent fare rise passed.", "25-cent", Some((0.25, 0.245, 0.255)), "money", Some("exact")),
    ("A quarter-cent sales tax passed.", "A quarter-cent", Some((0.0025, 0.00225, 0.00275)), "money", Some("exact")),
    ("Courts had 2.91 crore pending cases.", "2.91 crore", Some((29100000.0, 29050000.0, 29150000.0)), "count", Some("exact")),
    ("High courts had 52.68 lakh cases.", "52.68 lakh", Some((5268000.0, 5267500.0, 5268500.0)), "count", Some("exact")),
    ("The fair drew a quarter-million visitors.", "a quarter-million", Some((250000.0, 225000.0, 275000.0)), "count", Some("exact")),
    ("It cost nearly a quarter-million dollars.", "nearly a quarter-million dollars", Some((250000.0, 200000.0, 250000.0)), "money", Some("upper_bound")),
    ("Tickets reached 2.5K each.", "2.5K", Some((2500.0, 2450.0, 2550.0)), "count", Some("exact")),
    ("It earned 104million last year.", "104million", Some((104000000.0, 103500000.0, 104500000.0)), "count", Some("exact")),
    ("There were 4 hundred million people.", "4 hundred million", Some((400000000.0, 350000000.0, 450000000.0)), "count", Some("exact")),
    // Words at a sentence start, vague quantities, ranges in words.
    ("Thirty-nine people were hurt.", "Thirty-nine", Some((39.0, 38.5, 39.5)), "count", Some("exact")),
    ("Forty-Two students passed.", "Forty-Two", Some((42.0, 41.5, 42.5)), "count", Some("exact")),
    ("Hundreds were hurt in the blast.", "Hundreds", Some((550.0, 100.0, 1000.0)), "count", Some("range")),
    ("Several hundred beds sat empty.", "Several hundred", Some((600.0, 300.0, 900.0)), "count", Some("range")),
    ("It posted double-digit gains.", "double-digit", Some((54.5, 10.0, 99.0)), "count", Some("range")),
    ("There are four to five thousand people.", "four to five thousand", Some((4500.0, 4000.0, 5000.0)), "count", Some("range")),
    ("There are 1 to 2 thousand people.", "1 to 2 thousand", Some((1500.0, 1000.0, 2000.0)), "count", Some("range")),
    ("One out of three adults agreed.", "One out of three", Some((0.3333333333333333, 0.3, 0.36666666666666664)), "fraction", Some("exact")),
    ("Demand for sub-300 sq m units rose.", "sub-300", Some((300.0, 200.0, 300.0)), "count", Some("upper_bound")),
    ("The fund grew from $10 to $15 billion.", "$10", Some((10000000000.0, 5000000000.0, 15000000000.0)), "money", Some("exact")),
    ("Costs are measured in 2021 dollars.", "2021 dollars", None, "year", None),
    ("They paid 2021 dollars for it.", "2021 dollars", Some((2021.0, 2020.5, 2021.5)), "money", Some("exact")),
    // A label before a colon is no name.
    ("Separated: 47\nVacancies: 51", "51", Some((51.0, 50.5, 51.5)), "count", Some("exact")),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn name<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn surface_forms() {
    assert!(
        ROWS.len() >= 150,
        "the table must hold at least 150 surface forms"
    );
    let mut failures = Vec::new();
    for (input, text, value, kind, hedge) in ROWS {
        let claims = extract(input);
        let Some(c) = claims.iter().find(|c| c.text == *text) else {
            let got: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
            failures.push(format!("{input:?}: no claim {text:?}, got {got:?}"));
            continue;
        };
        if name(c.kind) != *kind {
            failures.push(format!("{input:?}: kind {} != {kind}", name(c.kind)));
        }
        if let Some(h) = hedge.filter(|h| name(c.hedge) != *h) {
            failures.push(format!("{input:?}: hedge {} != {h}", name(c.hedge)));
        }
        if let Some((v, lo, hi)) = value {
            let got = (c.value.nominal, c.value.low, c.value.high);
            if !(close(got.0, *v) && close(got.1, *lo) && close(got.2, *hi)) {
                failures.push(format!("{input:?}: value {got:?} != {:?}", (v, lo, hi)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} surface forms wrong:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_cover_the_reported_text() {
    for (input, ..) in ROWS {
        for c in extract(input) {
            assert_eq!(
                input.get(c.span.start..c.span.end),
                Some(c.text.as_str()),
                "{input:?}"
            );
        }
    }
}

/// Texts whose numbers are not quantities: no claim of an arithmetic kind may come out.
const NO_QUANTITY: &[&str] = &[
    "Flags flew at half-staff.",
    "A third-party audit followed.",
    "The H1N1 strain spread.",
    "She bought a 3D printer.",
    "New COVID-19 rules began.",
    "The S&P 500 closed higher.",
    "It was his Game 2 start.",
    "The vote was 7-2.",
    "See page 12 and Table 4.",
    "Call (555) 201-3344 today.",
    "He is one of the best players.",
    "One of them left early.",
    "It ranks number one nationally.",
    "The new one is larger.",
    "No one was hurt.",
    "The Three Gorges reservoir rose.",
    "Formula One races resumed.",
    "The Big Ten met on Monday.",
    "The Group of Seven met.",
    "It ended in a 1-1 draw.",
    "The hosts won 3-2.",
    "We beat them 88-61.",
    "They have a 24-8 record.",
    "Westfield (11-20) lost again.",
    "Music of the 70s returned.",
    "He is in his 40s.",
    "He hit a double in the ninth.",
    "It was a double standard.",
    "Passengers by route (millions of trips)",
];

/// (input, claim text, unit, modifiers, per)
type UnitRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
);

/// Surface forms whose unit, noun or per-unit matters for linking.
const UNITS: &[UnitRow] = &[
    ("She served for 29 years.", "29", "year", &[], None),
    ("The work took a decade.", "a decade", "year", &[], None),
    ("A decade-long survey ended.", "A decade-long", "year", &[], None),
    ("The program lasted 18 months.", "18", "month", &[], None),
    (
        "The bank raised rates five times last year.",
        "five times",
        "time",
        &[],
        None,
    ),
    (
        "The project is two quarters ahead of plan.",
        "two quarters",
        "quarter",
        &[],
        None,
    ),
    (
        "The city has 300 sworn officers.",
        "300",
        "officer",
        &["sworn"],
        None,
    ),
    (
        "The school has 1,200 enrolled students.",
        "1,200",
        "student",
        &["enrolled"],
        None,
    ),
    (
        "There are 46,000 registered voters.",
        "46,000",
        "voter",
        &["registered"],
        None,
    ),
    (
        "It earned 67 cents a share.",
        "67 cents",
        "USD",
        &[],
        Some("share"),
    ),
    (
        "It earned 88 cents a share.",
        "88 cents",
        "USD",
        &[],
        Some("share"),
    ),
    (
        "Buses carry most riders. Trains carried 2.4 million of the 9.6 million rides.",
        "2.4 million",
        "ride",
        &[],
        None,
    ),
    ("The court closed 3 of its 10 branches.", "3", "branch", &[], None),
];

#[test]
fn units_nouns_and_per_units() {
    let mut failures = Vec::new();
    for (input, text, unit, modifiers, per) in UNITS {
        let claims = extract(input);
        let Some(c) = claims.iter().find(|c| c.text == *text) else {
            failures.push(format!("{input:?}: no claim {text:?}"));
            continue;
        };
        if c.unit.as_deref() != Some(*unit) {
            failures.push(format!("{input:?}: unit {:?} != {unit}", c.unit));
        }
        if c.modifiers.iter().map(String::as_str).collect::<Vec<_>>() != *modifiers {
            failures.push(format!("{input:?}: modifiers {:?} != {modifiers:?}", c.modifiers));
        }
        if c.per.as_deref() != *per {
            failures.push(format!("{input:?}: per {:?} != {per:?}", c.per));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn labels_are_not_quantities() {
    for text in NO_QUANTITY {
        let got: Vec<String> = extract(text)
            .into_iter()
            .filter(|c| c.kind.enters_arithmetic())
            .map(|c| c.text)
            .collect();
        assert!(got.is_empty(), "{text:?} gave quantities {got:?}");
    }
}
