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
    /// The longest pattern, in bytes.
    longest: usize,
}

impl AsciiAutomaton {
    /// The DFA of the ASCII patterns of `patterns` (whose terms are `terms`); `None` when there are
    /// none or too many.
    pub(crate) fn build(patterns: &PatternTable, terms: &TermTable) -> Option<AsciiAutomaton> {
        let mut texts = Vec::new();
        let mut values = Vec::new();
        let mut bytes = 0;
        let mut longest = 0;
        let mut classes = [0u8; 256];
        let mut stride = 1u32;
        for (i, (text, _)) in patterns.iter(terms).enumerate() {
            if !text.is_ascii() {
                continue;
            }
            bytes += text.len();
            longest = longest.max(text.len());
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
            longest,
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
    AsciiPair(AsciiPairHits<'a>),
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
                    outputs: Outputs::default(),
                });
            }
        }
        match &inner.automaton {
            Some(ac) => TermHits::Chars(ac.hits(canon, walks)),
            None => TermHits::None,
        }
    }

    /// [`TermHits::new`], for a caller that does not need the hits in order of their end: long
    /// ASCII text is searched as two halves at once (see [`AsciiPairHits`]).
    pub(crate) fn unordered(
        inner: &'a Inner,
        canon: &'a str,
        walks: &'a mut Vec<Walk>,
    ) -> TermHits<'a> {
        if canon.is_ascii() {
            if let Some(a) = inner.ascii_automaton() {
                if let Some(pair) = AsciiPairHits::new(a, canon.as_bytes()) {
                    return TermHits::AsciiPair(pair);
                }
            }
        }
        TermHits::new(inner, canon, walks)
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
            TermHits::AsciiPair(it) => it
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
    /// The current state's matches still to report.
    outputs: Outputs,
}

impl Iterator for AsciiHits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        let a = self.automaton;
        loop {
            if let Some(hit) = self.outputs.next(a, self.pos) {
                return Some(hit);
            }
            let rest = self.bytes.get(self.pos..)?;
            let (state, read) = a.advance(self.state, rest)?;
            self.state = state;
            let Some(read) = read else {
                // The end of the text.
                self.pos = self.bytes.len();
                return None;
            };
            self.pos += read;
            self.outputs = a.outputs(state)?;
        }
    }
}

impl AsciiAutomaton {
    /// Steps the DFA from `state` over `bytes` up to the first match state: that state and the
    /// number of bytes read to reach it, or the state at the end and `None`.
    #[inline(always)]
    fn advance(&self, mut state: u32, bytes: &[u8]) -> Option<(u32, Option<usize>)> {
        let (trans, classes, first_match) = (&self.trans[..], &self.classes, self.first_match);
        let step = |state: u32, b: u8| {
            trans
                .get(state as usize + usize::from(classes[usize::from(b)]))
                .copied()
        };
        // Four bytes per round (the loop's own overhead is a third of a step).
        let mut chunks = bytes.chunks_exact(4);
        for (i, chunk) in chunks.by_ref().enumerate() {
            for (k, &b) in chunk.iter().enumerate() {
                state = step(state, b)?;
                if state >= first_match {
                    return Some((state, Some(4 * i + k + 1)));
                }
            }
        }
        let done = bytes.len() - chunks.remainder().len();
        for (k, &b) in chunks.remainder().iter().enumerate() {
            state = step(state, b)?;
            if state >= first_match {
                return Some((state, Some(done + k + 1)));
            }
        }
        Some((state, None))
    }

    /// The entries of `matches` that match state `state` reports.
    #[inline]
    fn outputs(&self, state: u32) -> Option<Outputs> {
        let k = ((state - self.first_match) / self.stride) as usize;
        Some(Outputs {
            next: *self.match_ranges.get(k)? as usize,
            end: *self.match_ranges.get(k + 1)? as usize,
        })
    }
}

/// The entries of `AsciiAutomaton::matches` of a match state still to report.
#[derive(Clone, Copy, Debug, Default)]
struct Outputs {
    next: usize,
    end: usize,
}

impl Outputs {
    /// The next match of the state that ends at `at` and starts in the text.
    #[inline(always)]
    fn next(&mut self, a: &AsciiAutomaton, at: usize) -> Option<(usize, usize, u32)> {
        while self.next < self.end {
            let (value, len) = *a.matches.get(self.next)?;
            self.next += 1;
            if let Some(start) = at.checked_sub(len as usize) {
                return Some((start, at, value));
            }
        }
        None
    }
}

/// Texts shorter than this are searched as one stream.
const PAIR_MIN_BYTES: usize = 256;

/// The overlapping matches of the ASCII DFA in no particular order, for long text: its two halves
/// are searched at once, two independent chains of table lookups that the processor overlaps (one
/// stream waits for each lookup before the next: the DFA walk of English text ran at about five
/// cycles a byte). The second stream starts the longest pattern's length before the middle, so
/// that it is in the state the whole search would be in for every match that ends after the
/// middle, and it reports only those; the first reports those that end at or before it.
pub(crate) struct AsciiPairHits<'a> {
    automaton: &'a AsciiAutomaton,
    bytes: &'a [u8],
    /// Where the first stream stops and the second starts reporting.
    mid: usize,
    /// Each stream's state and bytes read (of the whole text).
    first: (u32, usize),
    second: (u32, usize),
    /// A match state of the second stream reached in the same round as one of the first, to
    /// report next: (state, position).
    waiting: Option<(u32, usize)>,
    /// The matches still to report, and where they end.
    outputs: Outputs,
    at: usize,
}

impl<'a> AsciiPairHits<'a> {
    fn new(automaton: &'a AsciiAutomaton, bytes: &'a [u8]) -> Option<AsciiPairHits<'a>> {
        let longest = automaton.longest.max(1);
        if bytes.len() < PAIR_MIN_BYTES.max(4 * longest) {
            return None;
        }
        let mid = bytes.len() / 2;
        Some(AsciiPairHits {
            automaton,
            bytes,
            mid,
            first: (automaton.start, 0),
            second: (automaton.start, mid + 1 - longest),
            waiting: None,
            outputs: Outputs::default(),
            at: 0,
        })
    }

    /// The next match state of either stream with something to report: (state, position).
    fn search(&mut self) -> Option<(u32, usize)> {
        let a = self.automaton;
        if let Some(w) = self.waiting.take() {
            return Some(w);
        }
        let (trans, classes, first_match) = (&a.trans[..], &a.classes, a.first_match);
        let step = |state: u32, b: u8| {
            trans
                .get(state as usize + usize::from(classes[usize::from(b)]))
                .copied()
        };
        let mid = self.mid;
        loop {
            let ((mut s1, p1), (mut s2, p2)) = (self.first, self.second);
            let (left, right) = (self.bytes.get(p1..mid)?, self.bytes.get(p2..)?);
            if left.is_empty() || right.is_empty() {
                break;
            }
            // Both streams, one byte each per round, up to a match state of either.
            let mut read = left.len().min(right.len());
            for (i, (&x, &y)) in left.iter().zip(right).enumerate() {
                s1 = step(s1, x)?;
                s2 = step(s2, y)?;
                if s1 >= first_match || s2 >= first_match {
                    read = i + 1;
                    break;
                }
            }
            self.first = (s1, p1 + read);
            self.second = (s2, p2 + read);
            // The second stream's matches that end at or before the middle are the first's.
            let second_hit = (s2 >= first_match && p2 + read > mid).then_some((s2, p2 + read));
            if s1 >= first_match {
                self.waiting = second_hit;
                return Some((s1, p1 + read));
            }
            if second_hit.is_some() {
                return second_hit;
            }
        }
        // One stream left (the second: the first has fewer bytes to read).
        let (end, stream) = if self.first.1 < mid {
            (mid, &mut self.first)
        } else {
            (self.bytes.len(), &mut self.second)
        };
        loop {
            let (state, pos) = *stream;
            let (state, read) = a.advance(state, self.bytes.get(pos..end)?)?;
            let Some(read) = read else {
                *stream = (state, end);
                return None;
            };
            *stream = (state, pos + read);
            if pos + read > mid || end == mid {
                return Some((state, pos + read));
            }
        }
    }
}

impl Iterator for AsciiPairHits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        let a = self.automaton;
        loop {
            if let Some(hit) = self.outputs.next(a, self.at) {
                return Some(hit);
            }
            let (state, at) = self.search()?;
            self.outputs = a.outputs(state)?;
            self.at = at;
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

    /// The two-stream search finds exactly the hits of the one-stream search, in particular those
    /// that end around the middle where the streams meet, and those of the second stream's first
    /// bytes.
    #[test]
    fn two_streams_find_the_hits_of_one() {
        use super::{AsciiHits, AsciiPairHits, Outputs, PAIR_MIN_BYTES};
        let f = Filter::builder().add_default_lexicon().build().unwrap();
        let a =
            f.0.ascii_automaton()
                .expect("the default lexicon has a DFA");
        let patterns: Vec<&str> =
            f.0.patterns
                .iter(&f.0.terms)
                .map(|(text, _)| text)
                .filter(|t| t.is_ascii())
                .collect();
        let sorted = |mut v: Vec<(usize, usize, u32)>| {
            v.sort_unstable();
            v
        };
        let one = |text: &str| {
            sorted(
                AsciiHits {
                    automaton: a,
                    bytes: text.as_bytes(),
                    pos: 0,
                    state: a.start,
                    outputs: Outputs::default(),
                }
                .collect(),
            )
        };
        let two =
            |text: &str| AsciiPairHits::new(a, text.as_bytes()).map(|it| sorted(it.collect()));
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| (crate::filter::xorshift(&mut state) % n as u64) as usize;
        let mut near_middle = 0;
        // Random texts: patterns, filler, separators.
        for _ in 0..3000 {
            let mut text = String::new();
            let want = PAIR_MIN_BYTES + next(1500);
            while text.len() < want {
                match next(4) {
                    0 => text.push_str(["the ", "a ", "x", "2024 ", "now ", ", "][next(6)]),
                    _ => text.push_str(patterns[next(patterns.len())]),
                }
                text.push_str([" ", "", "\n", ". "][next(4)]);
            }
            let expected = one(&text);
            let mid = text.len() / 2;
            near_middle += expected
                .iter()
                .filter(|h| h.1 + 8 > mid && h.1 < mid + 8)
                .count();
            assert_eq!(two(&text), Some(expected), "{text:?}");
        }
        assert!(near_middle > 1000, "{near_middle} hits near the middle");
        // Every longest pattern at every offset across the middle, in filler that matches nothing.
        let longest = patterns.iter().map(|p| p.len()).max().unwrap_or(0);
        for p in patterns.iter().filter(|p| p.len() + 4 > longest).take(8) {
            for len in [PAIR_MIN_BYTES, PAIR_MIN_BYTES + 1, 1001] {
                let len = len.max(4 * longest);
                let mid = len / 2;
                for at in mid.saturating_sub(p.len() + 1)..=mid + 1 {
                    let mut text = "z".repeat(len);
                    text.replace_range(at..at + p.len(), p);
                    let expected = one(&text);
                    assert!(!expected.is_empty(), "{p:?} at {at}");
                    assert_eq!(two(&text), Some(expected), "{p:?} at {at} of {len}");
                }
            }
        }
        // Short texts keep one stream.
        assert!(two(&"z".repeat(PAIR_MIN_BYTES - 1)).is_none());
    }

    /// `is_match` of long ASCII text, which takes the two-stream search, says what `find_all`
    /// says: texts of filler words, cut patterns and now and then a whole one.
    #[test]
    fn long_ascii_text_is_matched_as_find_all_finds() {
        let f = Filter::builder().add_default_lexicon().build().unwrap();
        let patterns: Vec<&str> =
            f.0.patterns
                .iter(&f.0.terms)
                .map(|(text, _)| text)
                .filter(|t| t.is_ascii())
                .collect();
        let filler = [
            "the", "a", "now", "cheap", "2024", "toy", "water", "movie", "for", "sale", "dm", "me",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| (crate::filter::xorshift(&mut state) % n as u64) as usize;
        let mut seen = [0usize; 2];
        for _ in 0..600 {
            let mut text = String::new();
            let want = 256 + next(2000);
            while text.len() < want {
                let p = patterns[next(patterns.len())];
                match next(300) {
                    0 => text.push_str(p),
                    1..=100 => text.push_str(&p[..p.len() / 2]),
                    _ => text.push_str(filler[next(filler.len())]),
                }
                text.push_str([" ", " ", ". ", "\n"][next(4)]);
            }
            let found = !f.find_all(&text).is_empty();
            assert_eq!(f.is_match(&text), found, "{text:?}");
            seen[usize::from(found)] += 1;
        }
        assert!(
            seen.iter().all(|&n| n > 100),
            "clean and matching texts: {seen:?}"
        );
        // One term across the middle of clean text, at every offset.
        let words = ["the", "water", "movie", "toy", "now", "cheap"];
        let term = "kidney for sale";
        let mut clean = |len: usize| {
            let mut t = String::new();
            while t.len() < len {
                t.push_str(words[next(words.len())]);
                t.push(' ');
            }
            t
        };
        let mut across = 0;
        for left in 280..330 {
            let text = format!("{}{term} {}", clean(left), clean(600 - left));
            let mid = text.len() / 2;
            let at = text.find(term).unwrap_or(0);
            across += usize::from(at < mid && mid < at + term.len());
            assert!(f.is_match(&text), "{text:?}");
            assert!(!f.is_match(&text.replace(term, "kidney for")));
        }
        assert!(across > 5, "{across} texts with the term across the middle");
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
