//! Regex rules give the same matches however they are run: rules with trigger literals run anchored
//! at each trigger, rules with segment literals over the segments where one occurs, the others
//! through a combined regex. Checked against the plain
//! definition — every leftmost-first match of each rule in each segment of the canonical text, mapped
//! back with `Normalized::origin` — on generated texts.

use std::collections::BTreeSet;

use jingwang::{Evasion, Filter, MatchKind, Severity};
use regex_automata::{meta::Regex, Input};

/// (name, pattern): the first four have trigger literals (every match starts with one), the next two
/// only segment literals (every match ends with one), the last neither.
const RULES: &[(&str, &str)] = &[
    ("sell-gun", "出售[^\\n]{0,6}枪支"),
    // Its matches overlap its own triggers: the next search starts where the last match ended.
    ("sell-sell", "出售[^\\n]{0,4}出售"),
    ("buy-guns", "(?:buy|sell) guns?"),
    ("mobile", "1[3-9]\\d{9}"),
    ("any-gun", "[^\\n]?枪支"),
    ("word-xin", "\\w+信"),
    ("mention", "[a-z]+@[a-z]+"),
];

const PIECES: &[&str] = &[
    "出售",
    "枪支",
    "加微信",
    "13800138000",
    "联系",
    "我",
    "，",
    "。",
    "\n",
    "abc",
    "buy",
    "guns",
    " ",
    "价格",
    "x",
    "sell",
    "gun",
    "槍支",
    "1 3 8",
    "出 售",
    "好",
    "的",
    "@",
];

fn filter() -> Filter {
    let mut b = Filter::builder();
    for (name, pattern) in RULES {
        b.add_regex(pattern, Some(name), "test", Severity::High);
    }
    b.build().expect("the rules build")
}

type Seen = BTreeSet<(usize, usize, String)>;

fn expected(f: &Filter, text: &str, regexes: &[Regex]) -> Option<Seen> {
    let norm = f.normalizer().normalize(text);
    // Collapsed runs trim spans (a separate rule with its own tests): leave such texts out.
    if norm
        .chars()
        .iter()
        .any(|c| c.evasions.contains(Evasion::REPEAT))
    {
        return None;
    }
    let canon = norm.text();
    let mut seen = Seen::new();
    let mut start = 0;
    for segment in canon.split('\n') {
        let (s, e) = (start, start + segment.len());
        start = e + 1;
        for (re, (name, _)) in regexes.iter().zip(RULES) {
            let mut input = Input::new(canon).range(s..e);
            while let Some(m) = re.search(&input) {
                if m.is_empty() {
                    break;
                }
                let (span, _) = norm.origin(m.start(), m.end()).expect("on char boundaries");
                seen.insert((span.start(), span.end(), name.to_string()));
                input.set_start(m.end());
            }
        }
    }
    Some(seen)
}

#[test]
fn triggered_and_untriggered_rules_find_every_match_per_segment() {
    let f = filter();
    let regexes: Vec<Regex> = RULES
        .iter()
        .map(|(_, p)| Regex::new(p).expect("valid"))
        .collect();
    let mut seed = 2024u32;
    let mut checked = 0;
    let mut with_matches = 0;
    for _ in 0..4000 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let n = 1 + (seed >> 16) as usize % 12;
        let mut text = String::new();
        for _ in 0..n {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            text.push_str(PIECES[(seed >> 16) as usize % PIECES.len()]);
        }
        let Some(want) = expected(&f, &text, &regexes) else {
            continue;
        };
        let got: Seen = f
            .find_all(&text)
            .iter()
            .filter(|m| m.kind() == MatchKind::Rule)
            .map(|m| (m.start(), m.end(), f.term(m.term()).to_string()))
            .collect();
        assert_eq!(got, want, "text {text:?}");
        assert_eq!(f.is_match(&text), !want.is_empty(), "is_match of {text:?}");
        checked += 1;
        with_matches += usize::from(!want.is_empty());
    }
    assert!(checked > 1000, "only {checked} texts checked");
    assert!(with_matches > 300, "only {with_matches} texts with a match");
}
