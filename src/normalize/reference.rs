//! The reference stream machine: a frozen copy of the straightforward machine the optimised one in
//! `stream.rs` replaced, kept for tests only. A differential property test below asserts that both
//! produce exactly the same canonical text and origin map. The leetspeak decision within a token
//! (`stream::resolve_leet`) is shared: it has no fast path, so both machines call the one function
//! and the test compares what they hand it.

use super::compose::{is_regional_indicator, Entry, Kind, Table};
use super::stream::{gap_shape, resolve_leet, wider_gap, Atom};
use super::{CanonChar, Evasion, NormalizeConfig, BREAK, PAUSE};

/// Skipped characters since the last emitted one.
#[derive(Clone, Copy, Debug, Default)]
struct Gap {
    count: usize,
    start: u32,
    end: u32,
    flags: Evasion,
    soft: bool,
    hard: bool,
    /// Prose pause punctuation was skipped (see `Kind::Pause`).
    pause: bool,
}

impl Gap {
    fn add(&mut self, a: &Atom) {
        if self.count == 0 && !self.hard && !self.soft {
            self.start = a.start;
        }
        self.end = a.end;
        self.count += 1;
        self.flags |= a.flags;
    }
    fn is_empty(&self) -> bool {
        self.count == 0 && !self.hard && !self.soft
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Word { all_digits: bool },
    Han,
    Break,
}

/// Buffers of the machine.
#[derive(Clone, Debug, Default)]
struct Work {
    tok: Vec<Atom>,
    num: Vec<Atom>,
    spaced: Vec<Atom>,
}

/// Latin tokens longer than this are emitted as they are, without leetspeak decisions, to keep
/// the look-back bounded.
const MAX_TOKEN: usize = 64;

struct Machine<'a> {
    cfg: &'a NormalizeConfig,
    text: &'a mut String,
    chars: &'a mut Vec<CanonChar>,
    tok: &'a mut Vec<Atom>,
    num: &'a mut Vec<Atom>,
    /// Single letters or digits separated by junk, waiting to be joined ("g u n").
    spaced: &'a mut Vec<Atom>,
    gap: Gap,
    num_gap: Gap,
    spaced_gap: Gap,
    /// The separator between the first two characters of the spaced run: how many characters it
    /// counts and whether it holds white space. A wider one ends the word ("g u n s  f o r").
    spaced_sep: Option<(usize, bool)>,
    /// The input of the run (separators are read from it).
    input: &'a str,
    last: Last,
    /// Flags of invisible characters met inside a Latin token, for its next character.
    pending: Evasion,
    /// The last emitted character and how many times it repeated (for collapsing).
    run_ch: char,
    run_len: u32,
    /// The next word continues a Latin word cut at `MAX_TOKEN` characters: no space before it.
    continues: bool,
}

impl<'a> Machine<'a> {
    fn new(
        cfg: &'a NormalizeConfig,
        text: &'a mut String,
        chars: &'a mut Vec<CanonChar>,
        work: &'a mut Work,
    ) -> Machine<'a> {
        work.tok.clear();
        work.num.clear();
        work.spaced.clear();
        Machine {
            cfg,
            text,
            chars,
            tok: &mut work.tok,
            num: &mut work.num,
            spaced: &mut work.spaced,
            gap: Gap::default(),
            num_gap: Gap::default(),
            spaced_gap: Gap::default(),
            spaced_sep: None,
            input: "",
            last: Last::Nothing,
            pending: Evasion::empty(),
            run_ch: '\0',
            run_len: 0,
            continues: false,
        }
    }

    /// Runs the whole input through the machine.
    fn run(mut self, table: &Table, input: &'a str) {
        self.input = input;
        let mut chars = input.char_indices().peekable();
        // Whether the current character closes a pair of regional indicators that is no flag.
        let mut closes_pair = false;
        // The atom of a table entry for the input bytes `start..end`.
        let atom = |e: Entry, start: usize, end: usize| Atom {
            ch: e.ch(),
            kind: e.kind,
            extra: e.extra,
            start: start as u32,
            end: end as u32,
            flags: e.evasions(),
        };
        while let Some((i, c)) = chars.next() {
            let end = i + c.len_utf8();
            let opens_pair = is_regional_indicator(c as u32) && !std::mem::take(&mut closes_pair);
            if let Some(&(j, d)) = chars.peek().filter(|_| opens_pair) {
                if table.is_flag(c as u32, d as u32) {
                    chars.next();
                    self.feed(atom(table.flag_entry(), i, j + d.len_utf8()));
                    continue;
                }
                closes_pair = is_regional_indicator(d as u32);
            }
            table.for_each(c, |e: Entry| self.feed(atom(e, i, end)));
        }
        self.flush_tok();
        self.flush_num(false);
        self.flush_spaced();
    }

    #[inline]
    fn feed(&mut self, mut a: Atom) {
        match a.kind {
            Kind::Leet if self.tok.is_empty() && !self.num.is_empty() => {
                // After a numeral a symbol cannot be inside a Latin word: it is junk.
                self.gap.add(&Atom {
                    flags: a.flags | Evasion::SEPARATOR,
                    ..a
                });
            }
            Kind::Letter | Kind::Digit | Kind::Leet => {
                if !self.num.is_empty() {
                    self.flush_num(a.kind == Kind::Digit);
                }
                if self.tok.len() >= MAX_TOKEN {
                    self.flush_tok();
                    self.continues = true;
                }
                if !self.pending.is_empty() {
                    a.flags |= self.pending;
                    self.pending = Evasion::empty();
                }
                self.tok.push(a);
            }
            Kind::Numeral => {
                self.flush_tok();
                if self.num.is_empty() {
                    self.num_gap = std::mem::take(&mut self.gap);
                } else if !self.gap.is_empty() {
                    if self.gap_breaks() || self.gap.pause {
                        self.flush_num(false);
                        self.num_gap = std::mem::take(&mut self.gap);
                    } else {
                        a.flags |= self.gap.flags;
                        self.gap = Gap::default();
                    }
                }
                self.num.push(a);
            }
            Kind::Han => {
                self.flush_tok();
                self.flush_num(false);
                self.flush_spaced();
                self.emit_han(a);
            }
            Kind::Junk | Kind::Emoji => {
                self.flush_tok();
                self.gap.add(&a);
            }
            Kind::Invisible => {
                if self.tok.is_empty() {
                    self.gap.add(&a);
                } else {
                    // Invisible characters never split a word: "g\u{200B}un" is "gun".
                    self.pending |= a.flags;
                    if let Some(last) = self.tok.last_mut() {
                        last.end = a.end;
                    }
                }
            }
            Kind::HardBreak => {
                self.flush_tok();
                self.flush_num(false);
                self.gap.add(&a);
                self.gap.hard = true;
            }
            Kind::SoftBreak => {
                self.flush_tok();
                self.flush_num(false);
                self.gap.add(&a);
                self.gap.soft = true;
            }
            Kind::Pause => {
                self.flush_tok();
                self.flush_num(false);
                self.gap.add(&a);
                self.gap.pause = true;
            }
            Kind::Multi => {}
        }
    }

    /// Whether the pending gap is a hard boundary regardless of what follows.
    fn gap_breaks(&self) -> bool {
        self.gap.hard || self.gap.soft || self.gap.count > self.cfg.max_gap
    }

    #[inline]
    fn push(&mut self, ch: char, start: u32, end: u32, evasions: Evasion) {
        self.chars.push(CanonChar {
            offset: self.text.len() as u32,
            start,
            end,
            evasions,
        });
        self.text.push(ch);
    }

    /// Emits the pause mark standing for prose punctuation between two Chinese words.
    fn emit_pause(&mut self) {
        let (start, end) = (self.gap.start, self.gap.end);
        self.push(PAUSE, start, end, Evasion::empty());
        self.last = Last::Break;
        self.run_len = 0;
    }

    fn emit_break(&mut self) {
        if matches!(self.last, Last::Word { .. } | Last::Han) {
            let (start, end) = (self.gap.start, self.gap.end);
            self.push(BREAK, start, end, Evasion::empty());
            self.last = Last::Break;
        }
        self.run_len = 0;
    }

    /// Emits one character of a word or CJK run, collapsing repeats: three or more of one Latin
    /// letter, two or more of one CJK character.
    #[inline]
    fn emit_collapsing(&mut self, a: Atom, threshold: u32) {
        let collapse = self.cfg.collapse_repeats && threshold > 0;
        if collapse && self.run_len > 0 && a.ch == self.run_ch {
            self.run_len += 1;
            if self.run_len == threshold && threshold > 1 {
                // Fold the copies emitted so far (all but the first) into the first.
                let mut folded = Evasion::empty();
                for _ in 2..threshold {
                    self.text.pop();
                    if let Some(c) = self.chars.pop() {
                        folded |= c.evasions;
                    }
                }
                if let Some(first) = self.chars.last_mut() {
                    first.evasions |= folded;
                }
            }
            if self.run_len >= threshold {
                if let Some(first) = self.chars.last_mut() {
                    first.end = a.end;
                    first.evasions |= Evasion::REPEAT;
                }
                return;
            }
        } else {
            self.run_ch = a.ch;
            self.run_len = 1;
        }
        self.push(a.ch, a.start, a.end, a.flags);
    }

    #[inline]
    fn emit_han(&mut self, mut a: Atom) {
        self.continues = false;
        if !self.gap.is_empty() {
            if self.gap_breaks() {
                self.emit_break();
            } else if self.gap.pause && !matches!(self.last, Last::Nothing | Last::Break) {
                self.emit_pause();
            } else if self.last == Last::Han {
                a.flags |= self.gap.flags;
            }
        }
        if self.last != Last::Han {
            self.run_len = 0;
        }
        self.emit_collapsing(a, 2);
        self.last = Last::Han;
        self.gap = Gap::default();
    }

    /// Emits one word (letters and digits, no junk inside), deciding what stands between it and the
    /// previous output.
    fn emit_word(&mut self, word: &[Atom]) {
        let Some(first) = word.first() else { return };
        let all_digits = word.iter().all(|a| a.kind == Kind::Digit);
        match self.last {
            Last::Word {
                all_digits: last_all_digits,
            } => {
                if self.gap.is_empty() {
                    // Directly adjacent: a number continued by converted numerals joins it; anything
                    // else gets an empty-origin space so the output reads the same when normalised again.
                    if !(self.continues || (last_all_digits && all_digits)) {
                        self.push(' ', first.start, first.start, Evasion::empty());
                        self.run_len = 0;
                    }
                } else if self.gap.hard || self.gap.count > self.cfg.max_gap.max(1) {
                    // One separator between two words is their boundary, never too long a gap.
                    self.emit_break();
                } else {
                    let (start, end) = (self.gap.start, self.gap.end);
                    self.push(' ', start, end, Evasion::empty());
                    self.run_len = 0;
                }
            }
            Last::Han => {
                if !self.gap.is_empty() && self.gap_breaks() {
                    self.emit_break();
                } else if self.gap.pause {
                    self.emit_pause();
                }
                self.run_len = 0;
            }
            Last::Nothing | Last::Break => self.run_len = 0,
        }
        self.gap = Gap::default();
        for a in word {
            // Digits never collapse (phone numbers); "www" is a web prefix, not an evasion.
            let threshold = if a.kind == Kind::Digit || a.ch == 'w' {
                0
            } else {
                3
            };
            self.emit_collapsing(*a, threshold);
        }
        self.last = Last::Word { all_digits };
        self.continues = false;
    }

    /// Takes one word of a flushed token: single characters wait in the spaced buffer to be joined
    /// with the next ones ("g u n"); longer words go out at once.
    fn take_word(&mut self, word: &[Atom]) {
        if self.cfg.join_spaced && self.collapsed_len(word) == 1 {
            let mut word_flags = Evasion::empty();
            if self.spaced.is_empty() {
                self.spaced_gap = std::mem::take(&mut self.gap);
                self.spaced_sep = None;
            } else if self.gap.hard || self.gap.count > self.cfg.max_gap || self.gap_is_wider() {
                self.flush_spaced();
                self.spaced_gap = std::mem::take(&mut self.gap);
                self.spaced_sep = None;
            } else if !self.gap.is_empty() {
                self.spaced_sep = self.spaced_sep.or(Some(self.gap_shape()));
                word_flags = self.gap.flags | Evasion::SPACED;
                self.gap = Gap::default();
            }
            for (i, a) in word.iter().enumerate() {
                let mut a = *a;
                if i == 0 {
                    a.flags |= word_flags;
                }
                self.spaced.push(a);
            }
            return;
        }
        self.flush_spaced();
        self.emit_word(word);
    }

    /// How many characters the gap counts and whether it holds white space.
    fn gap_shape(&self) -> (usize, bool) {
        gap_shape(self.input, self.gap.count, self.gap.start, self.gap.end)
    }

    /// Whether the gap before a single character is wider than the separator of the spaced run it
    /// would join, and the run so far is a word of two letters or more once repeats are collapsed,
    /// with no digit or symbol that leetspeak might still turn into a letter (a run that reads as
    /// one letter would join the next one when normalised again: a*4-a is aaa, so a) (see `wider_gap`).
    fn gap_is_wider(&self) -> bool {
        !self.gap.is_empty()
            && wider_gap(self.spaced_sep, self.gap_shape())
            && self.spaced.iter().all(|a| a.kind == Kind::Letter)
            && self.collapsed_len(&self.spaced[..]) >= 2
    }

    /// The length of a word once repeats are collapsed (what decides whether it is a single letter).
    fn collapsed_len(&self, word: &[Atom]) -> usize {
        if !self.cfg.collapse_repeats || word.len() < 3 || word[0].ch != word[1].ch {
            return word.len();
        }
        let mut len = 0;
        let mut i = 0;
        while i < word.len() {
            let mut j = i + 1;
            while j < word.len() && word[j].ch == word[i].ch {
                j += 1;
            }
            let run = j - i;
            let collapses = run >= 3 && word[i].kind != Kind::Digit && word[i].ch != 'w';
            len += if collapses { 1 } else { run };
            i = j;
        }
        len
    }

    /// Emits the spaced-out single characters as one word, leetspeak resolved across it ("w 3 a p 0 n").
    #[inline]
    fn flush_spaced(&mut self) {
        if !self.spaced.is_empty() {
            self.flush_spaced_slow();
        }
    }

    #[inline(never)]
    fn flush_spaced_slow(&mut self) {
        let mut spaced = std::mem::take(self.spaced);
        resolve_leet(self.cfg, &mut spaced);
        let after = std::mem::take(&mut self.gap);
        self.gap = std::mem::take(&mut self.spaced_gap);
        self.emit_word(&spaced);
        self.gap = after;
        spaced.clear();
        *self.spaced = spaced;
    }

    /// Resolves leetspeak in the pending Latin token and emits its words.
    #[inline]
    fn flush_tok(&mut self) {
        if !self.tok.is_empty() {
            self.flush_tok_slow();
        }
    }

    #[inline(never)]
    fn flush_tok_slow(&mut self) {
        let mut tok = std::mem::take(self.tok);
        resolve_leet(self.cfg, &mut tok);
        let mut i = 0;
        while i < tok.len() {
            if tok[i].kind == Kind::Leet {
                let a = tok[i];
                self.gap.add(&Atom {
                    flags: Evasion::SEPARATOR,
                    ..a
                });
                i += 1;
                continue;
            }
            let mut j = i;
            while j < tok.len() && tok[j].kind != Kind::Leet {
                j += 1;
            }
            self.take_word(&tok[i..j]);
            i = j;
        }
        tok.clear();
        *self.tok = tok;
    }

    /// Emits the pending run of Chinese numerals: as digits when it is a number (three or more
    /// numerals, or next to digits), otherwise as the characters they are.
    #[inline]
    fn flush_num(&mut self, next_is_digit: bool) {
        if !self.num.is_empty() {
            self.flush_num_slow(next_is_digit);
        }
    }

    #[inline(never)]
    fn flush_num_slow(&mut self, next_is_digit: bool) {
        let mut num = std::mem::take(self.num);
        let num_gap_breaks = self.num_gap.hard
            || self.num_gap.soft
            || self.num_gap.pause
            || self.num_gap.count > self.cfg.max_gap;
        // Junk between a digit and a numeral is dropped, so the decision must not depend on it.
        let prev_digit = match self.spaced.last() {
            Some(a) => a.kind == Kind::Digit,
            None => matches!(self.last, Last::Word { all_digits: true }),
        };
        let convert = num.len() >= 3 || next_is_digit || (prev_digit && !num_gap_breaks);
        let after = std::mem::take(&mut self.gap);
        self.gap = std::mem::take(&mut self.num_gap);
        if convert {
            for a in num.iter_mut() {
                a.ch = char::from(b'0' + a.extra.min(9));
                a.kind = Kind::Digit;
                a.flags |= Evasion::NUMERAL;
            }
            self.take_word(&num);
        } else {
            self.flush_spaced();
            for a in num.iter() {
                self.emit_han(Atom {
                    kind: Kind::Han,
                    ..*a
                });
            }
        }
        self.gap = after;
        num.clear();
        *self.num = num;
    }
}

/// Normalises `input` with the reference machine.
pub(crate) fn normalize(table: &Table, input: &str) -> (String, Vec<CanonChar>) {
    let mut text = String::new();
    let mut chars = Vec::new();
    let mut work = Work::default();
    Machine::new(table.config(), &mut text, &mut chars, &mut work).run(table, input);
    (text, chars)
}

#[cfg(test)]
mod tests {
    use super::super::{NormalizeConfig, Normalized, Normalizer};
    use super::normalize;
    use proptest::prelude::*;

    /// Configurations that steer the machine down different paths.
    fn configs() -> Vec<NormalizeConfig> {
        let mut out = vec![NormalizeConfig::default()];
        let flips: [fn(&mut NormalizeConfig); 9] = [
            |c| c.leet = false,
            |c| c.join_spaced = false,
            |c| c.collapse_repeats = false,
            |c| c.skip_junk = false,
            |c| c.numerals = false,
            |c| c.case = false,
            |c| c.width = false,
            |c| c.max_gap = 1,
            |c| c.max_gap = 0,
        ];
        for flip in flips {
            let mut c = NormalizeConfig::default();
            flip(&mut c);
            out.push(c);
        }
        out
    }

    /// One normaliser per configuration of [`configs`], built once (table builds are slow in
    /// debug builds).
    fn normalizers() -> &'static [Normalizer] {
        static ALL: std::sync::OnceLock<Vec<Normalizer>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| configs().into_iter().map(Normalizer::new).collect())
    }

    fn same_as_reference(config: usize, input: &str) -> Result<(), TestCaseError> {
        let n = &normalizers()[config];
        let config = n.config();
        let (text, chars) = normalize(&n.table, input);
        let mut out = Normalized::new();
        // Twice into one buffer: reuse must not change anything.
        n.normalize_into("x 1 y", &mut out);
        n.normalize_into(input, &mut out);
        prop_assert_eq!(
            out.text(),
            text.as_str(),
            "input {:?} config {:?}",
            input,
            config
        );
        prop_assert_eq!(
            out.chars(),
            chars.as_slice(),
            "input {:?} config {:?}",
            input,
            config
        );
        Ok(())
    }

    /// Each word followed by its separator.
    fn interleave(words: &[String], seps: &[String]) -> String {
        words
            .iter()
            .zip(seps)
            .flat_map(|(w, s)| [w.as_str(), s.as_str()])
            .collect()
    }

    fn cases() -> u32 {
        std::env::var("JW_DIFF_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(3000)
    }

    const EVASION_ALPHABET: &str = "[a-zA-Z0-9 .,*@$!|€_\\-'#:/軍军火枪支槍壹贰叁捌一二三八零。！？；\n\r\t\u{3000}\u{200B}\u{200D}\u{FE0F}\u{0301}😀👍🏻🇫🇨🇳🇬🇺①⑴ＧｕⓝéаАΑ𝐰𝐞ﬁ㎏×©∣ᴀɓˉʰ٣]";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        #[test]
        fn same_as_reference_for_arbitrary_unicode(input in "\\PC{0,60}", config in 0..10usize) {
            same_as_reference(config, &input)?;
        }

        #[test]
        fn same_as_reference_for_any_chars(input in ".{0,40}", config in 0..10usize) {
            same_as_reference(config, &input)?;
        }

        #[test]
        fn same_as_reference_for_evasion_alphabet(
            input in proptest::string::string_regex(&format!("{EVASION_ALPHABET}{{0,80}}")).unwrap(),
            config in 0..10usize,
        ) {
            same_as_reference(config, &input)?;
        }

        #[test]
        fn same_as_reference_for_words(
            words in prop::collection::vec("[a-zA-Z]{1,4}|[0-9]{1,3}|[a-z0-9@$!|]{1,6}|[@$!|]{1,3}[a-zA-Z]{1,70}[!|]?|[军火枪一三零]{1,3}|w+|a{1,70}", 0..30),
            seps in prop::collection::vec("[ .\n。,!]{0,3}", 30),
            config in 0..10usize,
        ) {
            same_as_reference(config, &interleave(&words, &seps))?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Runs of words with the separators of real prose and tweets, where the machine copies
        /// plain words in bulk: the words include every kind it must leave to the general path.
        #[test]
        fn same_as_reference_for_prose(
            words in prop::collection::vec(
                "[a-zA-Z]{2,8}|[a-zA-Z]|[a-zA-Z]{62,66}|[a-z]{0,3}(ee|EeE|ooo|ww|wWw|aA)[a-z]{0,2}|\\$[a-z]{1,4}|[@!|$]{1,2}[a-zA-Z]{1,5}[!|]{0,2}|[a-z]{2,4}[0-9]",
                0..24,
            ),
            seps in prop::collection::vec(
                " |  | #|, |\\. |! | @ | @|\n|…| … | \u{FE0F} |-|_|; |'|\\?| !!! |1| \\$ |!|[ .,#;:!@\\-]{1,10}|\u{200B}| \u{200B}|。| 。|❤| ★ |😀| 😀 |\u{3000}| ！|，|[ \u{FE0F}…★¨΅]{1,9}| ¨ |΅|",
                24,
            ),
            config in 0..10usize,
        ) {
            same_as_reference(config, &interleave(&words, &seps))?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Runs of CJK characters (simplified, traditional, repeated, numerals) with the
        /// punctuation of Chinese prose between them, where the machine goes on past one pause or
        /// hard break inside its CJK loop.
        #[test]
        fn same_as_reference_for_chinese_prose(
            runs in prop::collection::vec("[好的军火槍車質量不错一二叁]{1,6}|好好|質質質|[a-z0-9]{1,3}", 0..20),
            seps in prop::collection::vec(
                "，|。|、|！|？|；|“|”|《|》|：|……|。\\n|，\\n|\\n|\u{2028}|，，|, |\\.|~|😀|\u{3000}|\u{200B}|[，。、！ ]{1,9}|",
                20,
            ),
            config in 0..10usize,
        ) {
            same_as_reference(config, &interleave(&runs, &seps))?;
        }
    }

    #[test]
    fn long_words_and_fixed_cases_match_the_reference() {
        let long = "ab".repeat(70);
        // A spaced run longer than a token with leetspeak inside (once an out-of-bounds panic).
        let spaced = "a 1 ".repeat(40);
        let inputs = [
            long.as_str(),
            spaced.as_str(),
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b",
            "g u n w3ap0n 13800138000 壹叁捌 hello!! @user $hell",
            "军 火 军军火 the gun www.a。com",
            // Numerals inside CJK runs: alone between two characters, repeated, two or three in a
            // row, before a digit or a break, formal ones.
            "一定要第一个好一一好三四个五六七好一1好一。二好壹叁捌好万一",
            // Symbols opening a token: the token is cut at 64 characters counted from them.
            &format!("@{} x", "ab".repeat(31)),
            &format!("@{}c x", "ab".repeat(31)),
            &format!("@@{}c! x", "ab".repeat(31)),
            &format!("ab\u{200B} @{}! x", "ab".repeat(32)),
        ];
        for n in normalizers() {
            for input in inputs {
                let (text, chars) = normalize(&n.table, input);
                let out = n.normalize(input);
                assert_eq!(out.text(), text, "{input:?}");
                assert_eq!(out.chars(), chars.as_slice(), "{input:?}");
            }
        }
    }
}
