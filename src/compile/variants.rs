//! Build-time variant expansion of a normalised term: split-character forms (拆字, 木仓 for 枪) and
//! pinyin (junhuo / jun huo for 军火), from the generated tables in [`super::variant_tables`].

// `split_variants` is used by tests alone (`filter::scan`'s comparison of composed split forms with
// this expansion), and `readings` by `pinyin_variants` alone.
#![allow(dead_code)]

use super::variant_tables::{PINYIN, SPLIT};

/// Looks `c` up in a table sorted by code point.
fn lookup(table: &'static [(u32, &'static [&'static str])], c: char) -> &'static [&'static str] {
    let cp = u32::from(c);
    match table.binary_search_by_key(&cp, |&(k, _)| k) {
        Ok(i) => table[i].1,
        Err(_) => &[],
    }
}

/// Split forms of `c` (most useful first), or an empty slice.
pub(crate) fn split_forms(c: char) -> &'static [&'static str] {
    lookup(SPLIT, c)
}

/// Characters so common that a split form made only of them reads as ordinary text (日月 for 明, 女子
/// for 好, 人可 for 何): such forms are not used as variants.
fn is_common_component(c: char) -> bool {
    COMMON_COMPONENTS.binary_search(&c).is_ok()
}

/// The characters of [`is_common_component`], in code point order.
const COMMON_COMPONENTS: [char; 68] = [
    '一', '丁', '七', '三', '上', '下', '个', '中', '九', '也', '了', '二', '人', '儿', '入', '八',
    '几', '十', '千', '又', '口', '古', '可', '合', '吉', '同', '土', '士', '夕', '大', '天', '女',
    '子', '寸', '小', '山', '工', '己', '巾', '心', '手', '文', '方', '日', '月', '木', '正', '水',
    '火', '王', '生', '用', '田', '由', '白', '目', '石', '禾', '立', '米', '耳', '西', '见', '言',
    '贝', '金', '门', '马',
];

/// Toneless pinyin readings of `c` (most common first), or an empty slice.
pub(crate) fn readings(c: char) -> &'static [&'static str] {
    lookup(PINYIN, c)
}

/// Han ideographs (the unified blocks and compatibility ideographs), with or without table entries.
fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

/// Calls `emit` with one choice per slot, where choice 0 is the slot's default and choices
/// `1..=alternatives[slot]` replace it. Combinations come in order of how many slots are replaced
/// (fewest first; the all-default combination is skipped), then by slot position, then by choice.
/// Stops as soon as `emit` returns `false`.
fn for_each_replacement(alternatives: &[usize], mut emit: impl FnMut(&[usize]) -> bool) {
    let movable: Vec<usize> = (0..alternatives.len())
        .filter(|&i| alternatives[i] > 0)
        .collect();
    let mut choice = vec![0; alternatives.len()];
    for k in 1..=movable.len() {
        // `picked` holds k increasing indices into `movable`.
        let mut picked: Vec<usize> = (0..k).collect();
        loop {
            for &p in &picked {
                choice[movable[p]] = 1;
            }
            loop {
                if !emit(&choice) {
                    return;
                }
                // Odometer over the picked slots, last slot fastest.
                let mut j = k;
                let mut carried = true;
                while j > 0 {
                    j -= 1;
                    let slot = movable[picked[j]];
                    if choice[slot] < alternatives[slot] {
                        choice[slot] += 1;
                        carried = false;
                        break;
                    }
                    choice[slot] = 1;
                }
                if carried {
                    break;
                }
            }
            for &p in &picked {
                choice[movable[p]] = 0;
            }
            // Next k-combination in lexicographic order.
            let n = movable.len();
            let Some(i) = (0..k).rev().find(|&i| picked[i] < n - k + i) else {
                break;
            };
            picked[i] += 1;
            for j in i + 1..k {
                picked[j] = picked[j - 1] + 1;
            }
        }
    }
}

/// The split forms of `c` that a filter uses (most useful first): those not made only of common
/// characters (see [`is_common_component`]).
pub(crate) fn usable_split_forms(c: char) -> impl Iterator<Item = &'static str> {
    split_forms(c)
        .iter()
        .copied()
        .filter(|f| !f.chars().all(is_common_component))
}

/// Split forms of one term: every combination of replacing characters by one of their split forms,
/// excluding the original, at most `limit` results, fewest replacements first. The term is already
/// normalised (simplified, lowercase); characters without entries stay. Returns an empty `Vec` when
/// nothing splits. Filters compose split forms while they search instead (see
/// `filter::charwise`); this expansion is what their tests compare that with.
pub(crate) fn split_variants(term: &str, limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    if limit == 0 {
        return out;
    }
    let forms = usable_split_forms;
    let alternatives: Vec<usize> = term.chars().map(|c| forms(c).count()).collect();
    if alternatives.iter().all(|&n| n == 0) {
        return out;
    }
    for_each_replacement(&alternatives, |choice| {
        let mut s = String::with_capacity(term.len() * 2);
        for (c, &n) in term.chars().zip(choice) {
            match n.checked_sub(1).and_then(|k| forms(c).nth(k)) {
                Some(form) => s.push_str(form),
                None => s.push(c),
            }
        }
        if s != term && !out.contains(&s) {
            out.push(s);
        }
        out.len() < limit
    });
    out
}

/// One unit of a term for pinyin: a Han character and its readings, or a run of Latin letters and
/// digits.
enum Token<'a> {
    Han(char, &'static [&'static str]),
    Latin(&'a str),
}

/// Splits a term into tokens; `None` when a Han char has no pinyin, a char is neither Han, ASCII
/// alphanumeric nor whitespace, or there is no Han char at all.
fn tokens(term: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut latin_start = None;
    let mut has_han = false;
    for (i, c) in term.char_indices() {
        if c.is_ascii_alphanumeric() {
            latin_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = latin_start.take() {
            out.push(Token::Latin(&term[start..i]));
        }
        if c.is_whitespace() {
            continue;
        }
        if !is_han(c) {
            return None;
        }
        let r = readings(c);
        if r.is_empty() {
            return None;
        }
        has_han = true;
        out.push(Token::Han(c, r));
    }
    if let Some(start) = latin_start {
        out.push(Token::Latin(&term[start..]));
    }
    has_han.then_some(out)
}

/// Joined and spaced forms of `tokens` with reading `choice[i]` for Han token `i`.
fn render(tokens: &[Token<'_>], choice: &[usize]) -> (String, String) {
    let mut joined = String::new();
    let mut spaced = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let part = match token {
            Token::Han(_, r) => r[choice[i]],
            Token::Latin(s) => s,
        };
        if i > 0 {
            spaced.push(' ');
        }
        for c in part.chars() {
            joined.push(c.to_ascii_lowercase());
            spaced.push(c.to_ascii_lowercase());
        }
    }
    (joined, spaced)
}

/// Pinyin forms of a term, joined and spaced (`("junhuo", "jun huo")` for 军火), using the first
/// reading of each char. Latin letters and digits stay as they are (lowercase), one token per run;
/// whitespace only separates. `None` if a Han char has no pinyin, another kind of char occurs, or
/// the term has no Han char.
pub(crate) fn pinyin_of(term: &str) -> Option<(String, String)> {
    let tokens = tokens(term)?;
    Some(render(&tokens, &vec![0; tokens.len()]))
}

/// Joined and spaced pinyin forms for combinations of heteronym readings, at most `limit` strings:
/// the first readings first, then combinations with the fewest other readings. A form equal to an
/// earlier one (a one-syllable term's joined and spaced forms) appears once. Empty when
/// [`pinyin_of`] is `None`.
pub(crate) fn pinyin_variants(term: &str, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(tokens) = tokens(term) else {
        return out;
    };
    let push = |out: &mut Vec<String>, choice: &[usize]| {
        let (joined, spaced) = render(&tokens, choice);
        for s in [joined, spaced] {
            if out.len() < limit && !out.contains(&s) {
                out.push(s);
            }
        }
        out.len() < limit
    };
    if !push(&mut out, &vec![0; tokens.len()]) {
        return out;
    }
    let alternatives: Vec<usize> = tokens
        .iter()
        .map(|t| match t {
            Token::Han(_, r) => r.len() - 1,
            Token::Latin(_) => 0,
        })
        .collect();
    for_each_replacement(&alternatives, |choice| push(&mut out, choice));
    out
}

/// Terms with more Han characters than this have no mixed forms (a term of `n` has `2^n - 2`).
const MAX_MIXED_HAN: usize = 5;

/// Forms of a term with some but not all of its Han characters in pinyin (first readings) and the
/// others as they are: 出售qiang支 and 海luo因. Pinyin next to pinyin is joined, and when two
/// syllables or more stand together, also spaced (出售qiangzhi, 出售qiang zhi). Fewest characters
/// in pinyin first. Empty for a term of one Han character or of more than [`MAX_MIXED_HAN`], or
/// when [`pinyin_of`] is `None`.
pub(crate) fn mixed_pinyin_variants(term: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(tokens) = tokens(term) else {
        return out;
    };
    let han = tokens
        .iter()
        .filter(|t| matches!(t, Token::Han(..)))
        .count();
    if !(2..=MAX_MIXED_HAN).contains(&han) {
        return out;
    }
    let full = (1u32 << han) - 1;
    let mut masks: Vec<u32> = (1..full).collect();
    masks.sort_by_key(|m| (m.count_ones(), *m));
    for mask in masks {
        let (mut joined, mut spaced) = (String::new(), String::new());
        // Whether the last piece written is Latin (pinyin or the term's own letters).
        let mut after_latin = false;
        let mut k = 0;
        for token in &tokens {
            let latin = match token {
                Token::Han(c, r) => {
                    let in_pinyin = mask & (1 << k) != 0;
                    k += 1;
                    if in_pinyin {
                        Some(r[0])
                    } else {
                        joined.push(*c);
                        spaced.push(*c);
                        None
                    }
                }
                Token::Latin(s) => Some(*s),
            };
            if let Some(piece) = latin {
                if after_latin {
                    spaced.push(' ');
                }
                for c in piece.chars() {
                    joined.push(c.to_ascii_lowercase());
                    spaced.push(c.to_ascii_lowercase());
                }
            }
            after_latin = latin.is_some();
        }
        for form in [joined, spaced] {
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_table_sane(table: &[(u32, &[&str])], name: &str) {
        assert!(!table.is_empty(), "{name} is empty");
        for pair in table.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{name} not sorted/unique at U+{:04X}",
                pair[1].0
            );
        }
        for &(cp, values) in table {
            assert!(
                (0x4E00..=0x9FFF).contains(&cp),
                "{name} key U+{cp:04X} outside the CJK block"
            );
            assert!(
                (1..=2).contains(&values.len()),
                "{name} U+{cp:04X} has {} values",
                values.len()
            );
            for (i, v) in values.iter().enumerate() {
                assert!(!values[..i].contains(v), "{name} U+{cp:04X} repeats {v}");
            }
        }
    }

    #[test]
    fn split_table_is_sorted_unique_and_well_formed() {
        assert_table_sane(SPLIT, "SPLIT");
        for &(cp, forms) in SPLIT {
            let key = char::from_u32(cp).unwrap();
            for form in forms {
                let n = form.chars().count();
                assert!((2..=3).contains(&n), "U+{cp:04X} -> {form}");
                assert!(form
                    .chars()
                    .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && c != key));
            }
        }
        assert!(
            SPLIT.len() > 10_000,
            "SPLIT has only {} entries",
            SPLIT.len()
        );
    }

    #[test]
    fn pinyin_table_is_sorted_unique_and_ascii() {
        assert_table_sane(PINYIN, "PINYIN");
        for &(cp, rs) in PINYIN {
            for r in rs {
                assert!(
                    !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()),
                    "U+{cp:04X} {r}"
                );
            }
        }
        assert!(
            PINYIN.len() > 20_000,
            "PINYIN has only {} entries",
            PINYIN.len()
        );
    }

    #[test]
    fn known_splits() {
        assert_eq!(split_forms('枪').first(), Some(&"木仓"));
        assert_eq!(split_forms('弹').first(), Some(&"弓单"));
        assert_eq!(split_forms('炸').first(), Some(&"火乍"));
        assert_eq!(split_forms('赌').first(), Some(&"贝者"));
        assert!(split_forms('a').is_empty());
        // Single strokes never appear as components: 丁 is 一亅 in the source.
        assert!(split_forms('丁').is_empty());
    }

    #[test]
    fn split_variants_of_a_term() {
        let v = split_variants("枪支", 10);
        assert!(v.contains(&"木仓支".to_string()), "{v:?}");
        assert!(!v.contains(&"枪支".to_string()));
        assert_eq!(v[0], "木仓支", "one replacement, first char first");
        let v = split_variants("炸弹", 10);
        assert_eq!(&v[..2], ["火乍弹", "炸弓单"]);
        assert!(v.contains(&"火乍弓单".to_string()), "{v:?}");
        let two = v.iter().position(|s| s == "火乍弓单").unwrap();
        assert!(
            v[..two].iter().all(|s| s.chars().count() == 3),
            "fewest replacements first: {v:?}"
        );
    }

    #[test]
    fn common_components_are_sorted_for_binary_search() {
        assert!(COMMON_COMPONENTS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_common_component('女') && is_common_component('子'));
        assert!(!is_common_component('仓'));
    }

    #[test]
    fn split_variants_edge_cases() {
        assert!(split_variants("", 10).is_empty());
        assert!(split_variants("abc", 10).is_empty());
        assert!(split_variants("枪", 0).is_empty());
        assert_eq!(split_variants("枪", 10), ["木仓"]);
        assert_eq!(split_variants("a枪b", 10), ["a木仓b"]);
        assert_eq!(
            split_variants("枪支", 10),
            split_variants("枪支", 10),
            "deterministic"
        );
    }

    #[test]
    fn split_variants_respects_limit() {
        let term = "枪弹炸药毒品赌博军火枪弹炸药毒品赌博军火枪弹炸药毒品赌博军火";
        assert_eq!(term.chars().count(), 30);
        for limit in [1, 8, 100] {
            let v = split_variants(term, limit);
            assert_eq!(v.len(), limit, "limit {limit}");
            let mut sorted = v.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), v.len(), "unique");
        }
    }

    #[test]
    fn pinyin_of_terms() {
        assert_eq!(pinyin_of("军火"), Some(("junhuo".into(), "jun huo".into())));
        assert_eq!(pinyin_of("女"), Some(("nv".into(), "nv".into())));
        assert_eq!(pinyin_of("绿"), Some(("lv".into(), "lv".into())));
        assert_eq!(
            pinyin_of("ak47枪"),
            Some(("ak47qiang".into(), "ak47 qiang".into()))
        );
        assert_eq!(
            pinyin_of("AK 枪"),
            Some(("akqiang".into(), "ak qiang".into()))
        );
        assert_eq!(pinyin_of("gun"), None, "no Han char");
        assert_eq!(pinyin_of(""), None);
        assert_eq!(pinyin_of("枪!"), None, "other chars");
        assert_eq!(
            pinyin_of("枪\u{3400}"),
            None,
            "Han without pinyin in the table"
        );
    }

    #[test]
    fn mixed_pinyin_forms_of_terms() {
        assert_eq!(mixed_pinyin_variants("军火"), ["jun火", "军huo"]);
        let v = mixed_pinyin_variants("出售枪支");
        // 14 choices; the 7 with two neighbours in pinyin are also spaced.
        assert_eq!(v.len(), 14 + 7, "{v:?}");
        assert_eq!(
            &v[..4],
            ["chu售枪支", "出shou枪支", "出售qiang支", "出售枪zhi"]
        );
        for form in [
            "出售qiangzhi",
            "出售qiang zhi",
            "chushou枪支",
            "chu shou枪支",
            "chu售qiang支",
        ] {
            assert!(v.contains(&form.to_string()), "{form} not in {v:?}");
        }
        assert!(
            !v.contains(&"chushouqiangzhi".to_string()),
            "the full form is not mixed"
        );
        assert!(!v.contains(&"出售枪支".to_string()));
        assert_eq!(
            mixed_pinyin_variants("ak47枪支"),
            ["ak47qiang支", "ak47 qiang支", "ak47枪zhi"]
        );
        assert!(mixed_pinyin_variants("枪").is_empty(), "one Han character");
        assert!(
            mixed_pinyin_variants("甲基苯丙胺类").is_empty(),
            "six Han characters"
        );
        assert!(mixed_pinyin_variants("gun").is_empty());
    }

    #[test]
    fn pinyin_variants_of_terms() {
        assert_eq!(pinyin_variants("军火", 10), ["junhuo", "jun huo"]);
        assert_eq!(pinyin_variants("枪", 10), ["qiang"]);
        let v = pinyin_variants("炸弹", 10);
        assert_eq!(&v[..2], ["zhadan", "zha dan"]);
        assert!(v.contains(&"zhatan".to_string()), "{v:?}");
        assert_eq!(pinyin_variants("炸弹", 1), ["zhadan"]);
        assert!(pinyin_variants("炸弹", 0).is_empty());
        assert!(pinyin_variants("gun", 10).is_empty());
        let long = "长行重弹长行重弹长行重弹";
        assert_eq!(pinyin_variants(long, 8).len(), 8);
    }
}
