//! A second automaton for canonical text that is all ASCII (English, numbers, Latin contact
//! details).
//!
//! The term automaton (character-wise double array) costs about forty instructions per character
//! of English text: every letter is a state of some English pattern, so the search keeps walking
//! failure links. Canonical ASCII text can only hold ASCII patterns, and a lexicon such as the
//! default one has few of them, so a byte DFA over those alone finds the same overlapping matches
//! in one table lookup per byte. aho-corasick builds the automaton (its non-contiguous NFA); its
//! transitions, failure links resolved, are copied into a table of our own whose match states are
//! numbered last, so that the search is a class lookup, a transition lookup and one comparison per
//! byte (stepping aho-corasick's own DFA through its `Automaton` trait cost a third more).
//! The builder makes it with the filter; a loaded filter makes it when a scan first meets ASCII
//! text (or in [`crate::Filter::compile_regex_rules`]), so that `from_bytes` does not pay for it.
//! It is made only while it stays small (see [`MAX_PATTERN_BYTES`]); otherwise ASCII text goes
//! through the term automaton like any other.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Anchored, MatchKind as AcMatchKind};

use super::charwise::{Hits, Walk};
use super::{Inner, PatternTable, TermTable};

/// At most this many bytes of ASCII patterns. The DFA has about one state per byte, each a row of
/// byte classes (one per distinct pattern byte and one for the rest: 43 for the default lexicon,
/// 4.9 KB of patterns, 0.8 MB of DFA), so this bounds it to about 1.5 MB. Larger lexicons keep
/// the term automaton for ASCII text too.
const MAX_PATTERN_BYTES: usize = 8 << 10;

/// The byte DFA of a filter's ASCII patterns.
#[derive(Debug)]
pub(crate) struct AsciiAutomaton {
    /// The class of each byte: every byte that occurs in a pattern has its own, all others share
    /// class 0 (from any state they lead back to the start).
    classes: [u8; 256],
    /// One row of `stride` next states per state; states are row offsets (premultiplied).
    trans: Vec<u32>,
    /// Where every search starts.
    start: u32,
    /// States from this one on are match states.
    first_match: u32,
    /// Number of classes.
    stride: u32,
    /// Per match state (in order), its first entry in `matches`; one more at the end.
    match_ranges: Vec<u32>,
    /// The patterns each match state reports: (term automaton value, length in bytes).
    matches: Vec<(u32, u32)>,
}

impl AsciiAutomaton {
    /// The DFA of the ASCII patterns of `patterns` (whose terms are `terms`); `None` when there are
    /// none or too many.
    pub(crate) fn build(patterns: &PatternTable, terms: &TermTable) -> Option<AsciiAutomaton> {
        let mut texts = Vec::new();
        let mut values = Vec::new();
        let mut bytes = 0;
        let mut classes = [0u8; 256];
        let mut stride = 1u32;
        for (i, (text, _)) in patterns.iter(terms).enumerate() {
            if !text.is_ascii() {
                continue;
            }
            bytes += text.len();
            if bytes > MAX_PATTERN_BYTES {
                return None;
            }
            for &b in text.as_bytes() {
                if classes[usize::from(b)] == 0 {
                    // At most 128 ASCII bytes: the class fits a byte.
                    classes[usize::from(b)] = stride as u8;
                    stride += 1;
                }
            }
            texts.push(text);
            values.push(patterns.value(i));
        }
        if texts.is_empty() {
            return None;
        }
        let nfa = NFA::builder()
            .match_kind(AcMatchKind::Standard)
            .prefilter(false)
            .build(&texts)
            .ok()?;
        // One byte of each class, to step aho-corasick's automaton with.
        let mut representative = vec![0u8; stride as usize];
        for b in (0..=255u8).rev() {
            representative[usize::from(classes[usize::from(b)])] = b;
        }
        // Every state reachable from the start, in breadth-first order.
        let ac_start = nfa.start_state(Anchored::No).ok()?;
        let mut order = vec![ac_start];
        // Position in `order` of each state id seen (ids are row offsets, so this is sparse).
        let mut index = vec![u32::MAX; ac_start.as_usize() + 1];
        index[ac_start.as_usize()] = 0;
        let mut next = Vec::new();
        let mut i = 0;
        while i < order.len() {
            for &b in &representative {
                let to = nfa.next_state(Anchored::No, order[i], b);
                if to.as_usize() >= index.len() {
                    index.resize(to.as_usize() + 1, u32::MAX);
                }
                if index[to.as_usize()] == u32::MAX {
                    index[to.as_usize()] = order.len() as u32;
                    order.push(to);
                }
                next.push(index[to.as_usize()] as usize);
            }
            i += 1;
        }
        // Renumber: match states last (in order, listed in `match_states`), each state's id its
        // row offset.
        let is_match = |s: StateID| nfa.is_special(s) && nfa.is_match(s);
        let mut renumbered = vec![0u32; order.len()];
        let mut rank = 0u32;
        let mut first_match = 0;
        let mut match_states = Vec::new();
        for matching in [false, true] {
            first_match = rank.checked_mul(stride)?;
            for (old, &s) in order.iter().enumerate() {
                if is_match(s) == matching {
                    renumbered[old] = rank.checked_mul(stride)?;
                    rank += 1;
                    if matching {
                        match_states.push(s);
                    }
                }
            }
        }
        let mut trans = vec![0u32; order.len() * stride as usize];
        for (old, row) in next.chunks_exact(stride as usize).enumerate() {
            let at = renumbered[old] as usize;
            for (slot, &to) in trans[at..at + row.len()].iter_mut().zip(row) {
                *slot = renumbered[to];
            }
        }
        let mut match_ranges = Vec::with_capacity(match_states.len() + 1);
        let mut matches = Vec::new();
        for &s in &match_states {
            match_ranges.push(matches.len() as u32);
            for k in 0..nfa.match_len(s) {
                let pattern = nfa.match_pattern(s, k);
                let value = *values.get(pattern.as_usize())?;
                matches.push((value, nfa.pattern_len(pattern) as u32));
            }
        }
        match_ranges.push(matches.len() as u32);
        Some(AsciiAutomaton {
            classes,
            trans,
            start: renumbered[0],
            first_match,
            stride,
            match_ranges,
            matches,
        })
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        (self.trans.capacity() + self.match_ranges.capacity()) * 4 + self.matches.capacity() * 8
    }
}

/// Every overlapping match of the term patterns in canonical text, in order of their end, as
/// (start, end, automaton value, whether it composed split forms): from the ASCII DFA when the text is all ASCII and the filter has
/// one, else from the term automaton.
pub(crate) enum TermHits<'a> {
    Chars(Hits<'a>),
    Ascii(AsciiHits<'a>),
    None,
}

impl<'a> TermHits<'a> {
    /// `walks` is the term automaton's working space (see [`super::charwise::Walk`]).
    pub(crate) fn new(inner: &'a Inner, canon: &'a str, walks: &'a mut Vec<Walk>) -> TermHits<'a> {
        if canon.is_ascii() {
            if let Some(a) = inner.ascii_automaton() {
                return TermHits::Ascii(AsciiHits {
                    automaton: a,
                    bytes: canon.as_bytes(),
                    pos: 0,
                    state: a.start,
                    next_match: 0,
                    end_match: 0,
                });
            }
        }
        match &inner.automaton {
            Some(ac) => TermHits::Chars(ac.hits(canon, walks)),
            None => TermHits::None,
        }
    }
}

impl Iterator for TermHits<'_> {
    type Item = (usize, usize, u32, bool);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32, bool)> {
        match self {
            TermHits::Chars(it) => it.next(),
            TermHits::Ascii(it) => it
                .next()
                .map(|(start, end, value)| (start, end, value, false)),
            TermHits::None => None,
        }
    }
}

/// The overlapping matches of the ASCII DFA: the DFA is stepped byte by byte and the patterns of
/// each match state are reported with their end at the current byte.
pub(crate) struct AsciiHits<'a> {
    automaton: &'a AsciiAutomaton,
    bytes: &'a [u8],
    /// Bytes read so far.
    pos: usize,
    state: u32,
    /// The current state's entries of `AsciiAutomaton::matches` still to report.
    next_match: usize,
    end_match: usize,
}

impl Iterator for AsciiHits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        let a = self.automaton;
        loop {
            if self.next_match < self.end_match {
                let (value, len) = *a.matches.get(self.next_match)?;
                self.next_match += 1;
                let Some(start) = self.pos.checked_sub(len as usize) else {
                    continue;
                };
                return Some((start, self.pos, value));
            }
            let (trans, classes, first_match) = (&a.trans[..], &a.classes, a.first_match);
            let mut state = self.state;
            let rest = self.bytes.get(self.pos..)?;
            let step = |state: u32, b: u8| {
                trans
                    .get(state as usize + usize::from(classes[usize::from(b)]))
                    .copied()
            };
            // Four bytes per round (the loop's own overhead is a third of a step); `read` is
            // the number of bytes stepped when a match state is reached.
            let mut read = None;
            let mut chunks = rest.chunks_exact(4);
            'search: for (i, chunk) in chunks.by_ref().enumerate() {
                for (k, &b) in chunk.iter().enumerate() {
                    state = step(state, b)?;
                    if state >= first_match {
                        read = Some(4 * i + k + 1);
                        break 'search;
                    }
                }
            }
            if read.is_none() {
                let done = rest.len() - chunks.remainder().len();
                for (k, &b) in chunks.remainder().iter().enumerate() {
                    state = step(state, b)?;
                    if state >= first_match {
                        read = Some(done + k + 1);
                        break;
                    }
                }
            }
            self.state = state;
            let Some(read) = read else {
                // The end of the text.
                self.pos = self.bytes.len();
                return None;
            };
            self.pos += read;
            let k = ((state - first_match) / a.stride) as usize;
            self.next_match = *a.match_ranges.get(k)? as usize;
            self.end_match = *a.match_ranges.get(k + 1)? as usize;
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
            .iter(&with.0.terms)
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
