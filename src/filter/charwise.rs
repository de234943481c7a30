//! The term automaton as the scan walks it: a character-wise double-array Aho-Corasick automaton.
//!
//! daachorse builds it (`builder::build_automaton`); its states, character map, outputs and 2-gram
//! prefilter are then held and searched here, in daachorse 5.1's layout, so that a saved filter
//! loads by copying arrays (`automaton::load`, which also proves a loaded one safe to search)
//! instead of through daachorse's deserialiser, which re-reads the mostly empty character map and
//! the 64 KB prefilter table entry by entry and computes every state's depth again.
//!
//! A state `s` has a child for character code `c` when `states[base(s) ^ c].check == s`; without
//! one the search follows `s`'s failure link, down to the root. A state's outputs are a chain through
//! `outputs` (1-based positions, 0 ends it): every pattern that ends there, longest first.

use crate::normalize::decode3;

/// The root state.
const ROOT: u32 = 0;
/// The character map's mark for a character no pattern holds.
pub(super) const NO_CODE: u32 = u32::MAX;
/// Prefilter runs per measurement window, and the bytes they must skip in all for it to stay on.
const GATE_CALLS: u32 = 64;
const GATE_MIN_GAIN: usize = 512;

/// One state of the double array (16 bytes, as saved).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct State {
    /// XORed with a character code gives the child's index; 0: no children.
    pub(super) base: u32,
    /// The parent state (what a child's index is checked against).
    pub(super) check: u32,
    /// The failure link.
    pub(super) fail: u32,
    /// The first output of the state, 1-based; 0: none.
    pub(super) output: u32,
}

/// One output: a pattern that ends at a state (12 bytes, as saved).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Output {
    /// The automaton value of the pattern.
    pub(super) value: u32,
    /// Its length in bytes.
    pub(super) length: u32,
    /// The next output of the same state, 1-based; 0: none.
    pub(super) parent: u32,
}

/// The SOG (shift-or over 2-grams) prefilter: positions where no pattern can start are skipped
/// while the search is at the root.
#[derive(Clone, Debug)]
pub(super) struct Prefilter {
    /// Per 2-gram of bytes (`first << 8 | second`): bit `i` is 1 when it occurs at position `i` of
    /// the first `window` bytes of some pattern (daachorse saves the complement; this way a table
    /// starts as zeroed memory).
    pub(super) occurs: Box<[u8; 65536]>,
    /// The shortest pattern's length in bytes, 2 to 9.
    pub(super) window: u8,
}

impl Prefilter {
    /// The first position at or after `pos` where a pattern may start (a byte offset, possibly
    /// inside a character), or the end of `bytes`.
    #[inline]
    fn candidate(&self, bytes: &[u8], pos: usize) -> usize {
        let Some(&first) = bytes.get(pos) else {
            return bytes.len();
        };
        let hit = 1u8 << (self.window - 2);
        let mut prev = first;
        let mut bits = u8::MAX;
        for (i, &b) in bytes.iter().enumerate().skip(pos + 1) {
            bits = (bits << 1) | !self.occurs[usize::from(prev) << 8 | usize::from(b)];
            if bits & hit == 0 {
                // `window - 1` 2-grams have gone by since `pos` at least: no underflow, and the
                // candidate is not before `pos`.
                return (i + 1).saturating_sub(usize::from(self.window)).max(pos);
            }
            prev = b;
        }
        bytes.len()
    }

    /// [`Prefilter::candidate`] on a character boundary of `text`.
    #[inline]
    fn next_start(&self, text: &str, mut pos: usize) -> usize {
        loop {
            let at = self.candidate(text.as_bytes(), pos);
            if text.is_char_boundary(at) {
                return at;
            }
            pos = at + 1;
        }
    }
}

/// A character-wise double-array Aho-Corasick automaton reporting overlapping matches.
#[derive(Clone, Debug)]
pub(crate) struct TermAutomaton {
    pub(super) states: Vec<State>,
    /// The code of each character plus one (indexed by code point), 0 for none (so that a fresh
    /// map is zeroed memory).
    pub(super) codes: Vec<u32>,
    /// How many codes there are.
    pub(super) alphabet: u32,
    pub(super) outputs: Vec<Output>,
    /// daachorse's match kind byte and its count of states, kept to save the automaton as it was.
    pub(super) kind_and_count: [u8; 5],
    pub(super) prefilter: Option<Prefilter>,
    /// The root's transitions by entry of `codes` (so 0, no code, first): the state and its first
    /// output, `(ROOT, 0)` for none. Derived from `states` when the automaton is made or loaded:
    /// the search leaves the root with two loads and no branch.
    pub(super) root: Vec<(u32, u32)>,
}

impl TermAutomaton {
    /// Every overlapping match in `text`, in order of their end: (start, end, value).
    pub(crate) fn hits<'a>(&'a self, text: &'a str) -> Hits<'a> {
        Hits {
            automaton: self,
            text,
            pos: 0,
            state: ROOT,
            output: 0,
            prefilter: self.prefilter.as_ref(),
            calls: 0,
            gain: 0,
        }
    }

    /// The root's transitions for [`TermAutomaton::root`]: entry `k` for code `k - 1`.
    pub(super) fn root_edges(states: &[State], alphabet: u32) -> Vec<(u32, u32)> {
        let root_base = states.first().map_or(0, |s| s.base);
        let mut root = vec![(ROOT, 0); alphabet as usize + 1];
        if root_base != 0 {
            for (code, edge) in (0..alphabet).zip(&mut root[1..]) {
                let child = root_base ^ code;
                if let Some(c) = states.get(child as usize) {
                    if c.check == ROOT {
                        *edge = (child, c.output);
                    }
                }
            }
        }
        root
    }

    /// The heap memory held, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.states.capacity() * std::mem::size_of::<State>()
            + self.codes.capacity() * 4
            + self.outputs.capacity() * std::mem::size_of::<Output>()
            + self.prefilter.as_ref().map_or(0, |p| p.occurs.len())
            + self.root.capacity() * 8
    }
}

/// The entry of code point `cp` in the character map `codes`: its code plus one, 0 for none.
#[inline(always)]
fn entry_of(codes: &[u32], cp: u32) -> u32 {
    codes.get(cp as usize).copied().unwrap_or(0)
}

/// The state after `state` on a character with `codes` entry `entry` in the automaton of `states`
/// (whose root's transitions are `root`), and that state's first output (1-based; 0 for none).
/// The root reports nothing: it could only hold an empty pattern, which the builder never adds and
/// `automaton::load` rejects.
#[inline(always)]
fn step(states: &[State], root: &[(u32, u32)], mut state: u32, entry: u32) -> (u32, u32) {
    // A character no pattern holds goes back to the root, which `root[0]` stays at.
    if state != ROOT && entry != 0 {
        let code = entry - 1;
        while state != ROOT {
            let Some(s) = states.get(state as usize) else {
                break;
            };
            if s.base != 0 {
                let child = s.base ^ code;
                if let Some(c) = states.get(child as usize) {
                    if c.check == state {
                        return (child, c.output);
                    }
                }
            }
            state = s.fail;
        }
    }
    root.get(entry as usize).copied().unwrap_or((ROOT, 0))
}

/// The code point and length of the character at byte `pos` of `text` (a character boundary), if
/// there is one: three-byte characters (Chinese) first, with one length test for all three bytes,
/// then ASCII (text that is all ASCII has an automaton of its own), others through `chars`.
#[inline(always)]
fn char_at(text: &str, pos: usize) -> Option<(u32, usize)> {
    match *text.as_bytes().get(pos..)? {
        [b0, b1, b2, ..] if b0 & 0xF0 == 0xE0 => Some((decode3(b0, b1, b2), 3)),
        [b0, ..] if b0 < 0x80 => Some((u32::from(b0), 1)),
        _ => {
            let c = text.get(pos..)?.chars().next()?;
            Some((c as u32, c.len_utf8()))
        }
    }
}

/// The iterator of [`TermAutomaton::hits`].
pub(crate) struct Hits<'a> {
    automaton: &'a TermAutomaton,
    text: &'a str,
    /// Bytes read so far (a character boundary).
    pos: usize,
    state: u32,
    /// The next output to report at `pos`, 1-based; 0: read on.
    output: u32,
    /// The prefilter while it pays: `None` once a window of runs skipped too little.
    prefilter: Option<&'a Prefilter>,
    calls: u32,
    gain: usize,
}

impl Hits<'_> {
    /// Reports output `at` (1-based, not 0) ending at `pos` and moves to the next in its chain.
    #[inline(always)]
    fn report(&mut self, at: u32) -> Option<(usize, usize, u32)> {
        let o = self.automaton.outputs.get(at as usize - 1)?;
        self.output = o.parent;
        Some((
            self.pos.saturating_sub(o.length as usize),
            self.pos,
            o.value,
        ))
    }

    /// Skips ahead with the prefilter from the root; turns it off when it does not pay. Returns
    /// whether it stays on.
    #[inline(never)]
    fn skip(&mut self, prefilter: &Prefilter) -> bool {
        let at = prefilter.next_start(self.text, self.pos);
        self.gain += at - self.pos;
        self.pos = at;
        self.calls += 1;
        if self.calls == GATE_CALLS {
            if self.gain < GATE_MIN_GAIN {
                self.prefilter = None;
            }
            self.calls = 0;
            self.gain = 0;
        }
        self.prefilter.is_some()
    }
}

impl Iterator for Hits<'_> {
    type Item = (usize, usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32)> {
        if self.output != 0 {
            return self.report(self.output);
        }
        let a = self.automaton;
        let (states, codes, root, text) = (&a.states[..], &a.codes[..], &a.root[..], self.text);
        let mut state = self.state;
        if let Some(p) = self.prefilter {
            loop {
                if state == ROOT && !self.skip(p) {
                    break;
                }
                let (cp, len) = char_at(text, self.pos)?;
                self.pos += len;
                let out;
                (state, out) = step(states, root, state, entry_of(codes, cp));
                if out != 0 {
                    self.state = state;
                    return self.report(out);
                }
            }
        }
        let mut pos = self.pos;
        loop {
            let Some((cp, len)) = char_at(text, pos) else {
                (self.pos, self.state) = (pos, state);
                return None;
            };
            pos += len;
            let out;
            (state, out) = step(states, root, state, entry_of(codes, cp));
            if out != 0 {
                (self.pos, self.state) = (pos, state);
                return self.report(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::automaton;
    use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};

    /// A small xorshift generator, so the cases are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn built(patterns: &[String]) -> CharwiseDoubleArrayAhoCorasick<u32> {
        CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::Standard)
            .build_with_values(patterns.iter().enumerate().map(|(i, p)| (p, i as u32)))
            .expect("daachorse builds")
    }

    /// Random pattern sets over a small alphabet of one- to four-byte characters (so that patterns
    /// share prefixes and suffixes and failure links matter), searched in random texts: the same
    /// overlapping matches in the same order as daachorse's own search, with and without its
    /// prefilter, and again after saving and reading back.
    #[test]
    fn hits_are_daachorses_overlapping_matches() {
        let alphabet = ["a", "b", "c", "é", "枪", "火", "军", "😀", " "];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut with_prefilter = 0;
        let mut matches = 0;
        for case in 0..400 {
            // Long patterns only, in some cases, so that daachorse builds its prefilter.
            let min = if case % 3 == 0 { 3 } else { 1 };
            let patterns: Vec<String> = (0..1 + rng.below(30))
                .map(|_| {
                    (0..min + rng.below(4))
                        .map(|_| alphabet[rng.below(alphabet.len())])
                        .collect()
                })
                .collect();
            let da = built(&patterns);
            let ours = automaton::from_raw(&da.serialize()).expect("reads");
            with_prefilter += usize::from(ours.prefilter.is_some());
            let again = automaton::from_raw(&automaton::raw_for_tests(&ours)).expect("reads");
            assert_eq!(again.states, ours.states);
            assert_eq!(again.codes, ours.codes);
            for _ in 0..5 {
                let text: String = (0..rng.below(200))
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect();
                let want: Vec<(usize, usize, u32)> = da
                    .find_overlapping_iter(&text)
                    .map(|m| (m.start(), m.end(), m.value()))
                    .collect();
                matches += want.len();
                let got: Vec<_> = ours.hits(&text).collect();
                assert_eq!(got, want, "patterns {patterns:?} text {text:?}");
                let got: Vec<_> = again.hits(&text).collect();
                assert_eq!(got, want);
            }
        }
        assert!(
            with_prefilter > 20,
            "{with_prefilter} automata had a prefilter"
        );
        assert!(matches > 10_000, "{matches} matches");
    }

    /// The prefilter skips what no pattern starts in: a long text without any, then a match.
    #[test]
    fn the_prefilter_finds_a_match_after_a_long_clean_stretch() {
        let patterns = vec!["军火交易".to_string(), "出售枪支".to_string()];
        let ours = automaton::from_raw(&built(&patterns).serialize()).expect("reads");
        assert!(
            ours.prefilter.is_some(),
            "daachorse builds a prefilter here"
        );
        let mut text = "今天天气很好，我们去公园散步。".repeat(200);
        let at = text.len();
        text.push_str("有人出售枪支");
        let got: Vec<_> = ours.hits(&text).collect();
        let start = at + "有人".len();
        assert_eq!(got, vec![(start, start + "出售枪支".len(), 1)]);
    }
}
