//! A second automaton for canonical text that is all ASCII (English, numbers, Latin contact
//! details).
//!
//! The term automaton (daachorse's character-wise double array) costs about forty instructions
//! per character of English text: every letter is a state of some English pattern, so the search
//! keeps walking failure links. Canonical ASCII text can only hold ASCII patterns, and a lexicon such
//! as the default one has few of them, so a byte DFA over those alone (aho-corasick's, stepped here
//! one table lookup per byte) finds the same overlapping matches for about a quarter of that. The
//! builder makes it with the filter; a loaded filter makes it when a scan first meets ASCII text (or
//! in [`crate::Filter::compile_regex_rules`]), so that `from_bytes` does not pay for it. It is made
//! only while it stays small (see [`MAX_PATTERN_BYTES`]); otherwise ASCII text goes through the term
//! automaton like any other.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind as AcMatchKind};

use super::charwise::Hits;
use super::{Inner, PatternTable};

/// At most this many bytes of ASCII patterns. The DFA has about one state per byte, each a row of
/// byte classes (43 for the default lexicon: 4.9 KB of patterns, 0.8 MB of DFA), so this bounds it
/// to about 1.5 MB. Larger lexicons keep the term automaton for ASCII text too.
const MAX_PATTERN_BYTES: usize = 8 << 10;

/// The byte DFA of a filter's ASCII patterns.
#[derive(Debug)]
pub(crate) struct AsciiAutomaton {
    dfa: DFA,
    /// Where every search starts.
    start: StateID,
    /// The term automaton's value of each DFA pattern.
    values: Vec<u32>,
}

impl AsciiAutomaton {
    /// The DFA of the ASCII patterns of `patterns`; `None` when there are none or too many.
    pub(crate) fn build(patterns: &PatternTable) -> Option<AsciiAutomaton> {
        let mut texts = Vec::new();
        let mut values = Vec::new();
        let mut bytes = 0;
        for (i, (text, _)) in patterns.iter().enumerate() {
            if !text.is_ascii() {
                continue;
            }
            bytes += text.len();
            if bytes > MAX_PATTERN_BYTES {
                return None;
            }
            texts.push(text);
            values.push(patterns.value(i));
        }
        if texts.is_empty() {
            return None;
        }
        let dfa = DFA::builder()
            .match_kind(AcMatchKind::Standard)
            .prefilter(false)
            .build(&texts)
            .ok()?;
        let start = dfa.start_state(Anchored::No).ok()?;
        Some(AsciiAutomaton { dfa, start, values })
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.dfa.memory_usage() + self.values.capacity() * 4
    }
}

/// Every overlapping match of the term patterns in canonical text, in order of their end, as
/// (start, end, automaton value): from the ASCII DFA when the text is all ASCII and the filter has
/// one, else from the term automaton.
pub(crate) enum TermHits<'a> {
    Chars(Hits<'a>),
    Ascii(AsciiHits<'a>),
    None,
}

impl<'a> TermHits<'a> {
    pub(crate) fn new(inner: &'a Inner, canon: &'a str) -> TermHits<'a> {
        if canon.is_ascii() {
            if let Some(a) = inner.ascii_automaton() {
                return TermHits::Ascii(AsciiHits {
                    automaton: a,
                    bytes: canon.as_bytes(),
                    pos: 0,
                    state: a.start,
                    next_match: 0,
                    matches: 0,
                });
            }
        }
        match &inner.automaton {
            Some(ac) => TermHits::Chars(ac.hits(canon)),
            None => TermHits::None,
        }
    }
}

impl Iterator for TermHits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        match self {
            TermHits::Chars(it) => it.next(),
            TermHits::Ascii(it) => it.next(),
            TermHits::None => None,
        }
    }
}

/// The overlapping matches of the ASCII DFA: the DFA is stepped byte by byte (one table lookup
/// each) and the patterns of each match state are reported with their end at the current byte.
pub(crate) struct AsciiHits<'a> {
    automaton: &'a AsciiAutomaton,
    bytes: &'a [u8],
    /// Bytes read so far.
    pos: usize,
    state: StateID,
    /// The next of the current state's `matches` patterns to report.
    next_match: usize,
    matches: usize,
}

impl Iterator for AsciiHits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        let a = self.automaton;
        loop {
            if self.next_match < self.matches {
                let pattern = a.dfa.match_pattern(self.state, self.next_match);
                self.next_match += 1;
                let (Some(&value), Some(start)) = (
                    a.values.get(pattern.as_usize()),
                    self.pos.checked_sub(a.dfa.pattern_len(pattern)),
                ) else {
                    continue;
                };
                return Some((start, self.pos, value));
            }
            let (mut state, mut pos) = (self.state, self.pos);
            loop {
                let Some(&b) = self.bytes.get(pos) else {
                    (self.state, self.pos, self.matches) = (state, pos, 0);
                    return None;
                };
                state = a.dfa.next_state(Anchored::No, state, b);
                pos += 1;
                if a.dfa.is_special(state) && a.dfa.is_match(state) {
                    break;
                }
            }
            self.state = state;
            self.pos = pos;
            self.next_match = 0;
            self.matches = a.dfa.match_len(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::filter::Filter;

    #[test]
    fn a_loaded_filter_makes_the_dfa_when_it_first_needs_it() {
        let built = Filter::builder().add_default_lexicon().build().unwrap();
        assert!(built.0.ascii.get().is_some_and(Option::is_some));
        let bytes = built.to_bytes();
        let loaded = Filter::from_bytes(&bytes).unwrap();
        assert!(loaded.0.ascii.get().is_none());
        let before = loaded.heap_bytes();
        assert!(!loaded.is_match("今天天气不错"));
        assert!(
            loaded.0.ascii.get().is_none(),
            "not for text that is not ASCII"
        );
        assert!(loaded.is_match("cheap g u n s for sale"));
        assert!(loaded.0.ascii.get().is_some_and(Option::is_some));
        assert!(loaded.heap_bytes() > before);
        let other = Filter::from_bytes(&bytes).unwrap();
        other.compile_regex_rules().unwrap();
        assert!(other.0.ascii.get().is_some_and(Option::is_some));
    }

    /// Texts of the default lexicon's ASCII patterns (whole, cut, run together) among filler words,
    /// digits and separators: every result must be the one the term automaton gives.
    #[test]
    fn ascii_text_is_matched_as_the_term_automaton_matches_it() {
        let with = Filter::builder().add_default_lexicon().build().unwrap();
        // A loaded filter makes the DFA on first use: forbid it before.
        let without = Filter::from_bytes(&with.to_bytes()).unwrap();
        assert!(without.0.ascii.set(None).is_ok());
        assert!(
            with.0.ascii_automaton().is_some(),
            "the default lexicon's ASCII patterns get a DFA"
        );
        let patterns: Vec<&str> = with
            .0
            .patterns
            .iter()
            .map(|(text, _)| text)
            .filter(|t| t.is_ascii())
            .collect();
        assert!(patterns.len() > 100, "{} ASCII patterns", patterns.len());
        let filler = [
            "the",
            "a",
            "I",
            "now",
            "cheap",
            "2024",
            "13800138000",
            "qq",
            "w3ap0n",
            "b u l l e t",
            "GUN",
            "s e l l",
            "$hell",
            "guns",
            "x",
        ];
        let separators = [
            " ", " ", ", ", ".", "\n", "-", "_", "@", "", "! ", "  ", "/",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| (crate::filter::xorshift(&mut state) % n as u64) as usize;
        let (mut texts_with_matches, mut matches) = (0, 0);
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..1 + next(10) {
                let word = if next(3) == 0 {
                    filler[next(filler.len())]
                } else {
                    let p = patterns[next(patterns.len())];
                    // Now and then only part of a pattern.
                    match next(6) {
                        0 => &p[..p.len().div_ceil(2)],
                        _ => p,
                    }
                };
                text.push_str(word);
                text.push_str(separators[next(separators.len())]);
            }
            let found = with.find_all(&text);
            assert_eq!(found, without.find_all(&text), "find_all of {text:?}");
            assert_eq!(with.is_match(&text), without.is_match(&text), "{text:?}");
            assert_eq!(with.mask(&text), without.mask(&text), "mask of {text:?}");
            texts_with_matches += usize::from(!found.is_empty());
            matches += found.len();
        }
        assert!(
            texts_with_matches > 1000 && matches > 3000,
            "{texts_with_matches} {matches}"
        );
    }
}
