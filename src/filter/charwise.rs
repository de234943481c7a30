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
//!
//! A character written as its components (木仓 for 枪, 弓单 for 弹) is composed during the search
//! rather than stored as more patterns: where the text holds a split form of a character of the
//! automaton ([`Splits`]), the search also follows the path that reads the composed character
//! instead, as a side walk that lives while a pattern can still contain that character. A side walk
//! reports only matches that contain every character it composed, so each match is reported once,
//! by the walk that composed exactly the split forms inside it.

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
    /// The code of each character plus one, 0 for none (so that a fresh map is zeroed memory).
    pub(super) codes: CharMap,
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
    /// The split forms the search composes (none unless set with [`TermAutomaton::set_splits`]).
    pub(super) splits: Splits,
}

/// The character map: each code point's entry (its code plus one, 0 for none), as daachorse's
/// mapper holds it for every code point up to the largest of any pattern. Those of the Basic
/// Multilingual Plane are a table indexed by code point; the few above it a sorted list, so that
/// one rare character of CJK Extension B (U+20000 and up) in a lexicon does not cost 4 bytes for
/// every code point below it (0.5 MB).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CharMap {
    /// Entries of code points below `0x10000` (and below the map's length, or up to a character
    /// marked [`START`]).
    bmp: Vec<u32>,
    /// (code point, entry) of the entries above, in order; none is 0.
    wide: Vec<(u32, u32)>,
    /// How many code points the map covers (daachorse's length).
    len: u32,
}

/// The bit of a [`CharMap`] entry that marks a character beginning a split form the search composes
/// (see [`Splits`]): the search tells it from the entry it loads anyway.
const START: u32 = 1 << 31;

impl CharMap {
    /// The map of a dense table of entries, indexed by code point.
    pub(super) fn from_dense(mut dense: Vec<u32>) -> CharMap {
        let len = dense.len() as u32;
        let wide = dense
            .iter()
            .enumerate()
            .skip(0x10000)
            .filter(|&(_, &e)| e != 0)
            .map(|(cp, &e)| (cp as u32, e))
            .collect();
        dense.truncate(0x10000);
        dense.shrink_to_fit();
        CharMap {
            bmp: dense,
            wide,
            len,
        }
    }

    /// How many code points the map covers.
    pub(super) fn len(&self) -> usize {
        self.len as usize
    }

    /// The entry of code point `cp`, with its [`START`] mark.
    #[inline(always)]
    fn get(&self, cp: u32) -> u32 {
        match self.bmp.get(cp as usize) {
            Some(&e) => e,
            None => self.wide_entry(cp),
        }
    }

    #[inline(never)]
    fn wide_entry(&self, cp: u32) -> u32 {
        match self.wide.binary_search_by_key(&cp, |&(c, _)| c) {
            Ok(i) => self.wide[i].1,
            Err(_) => 0,
        }
    }

    /// The entry of code point `cp`: its code plus one, 0 for none.
    #[inline(always)]
    pub(super) fn entry(&self, cp: u32) -> u32 {
        self.get(cp) & !START
    }

    /// Marks `cp` as beginning a split form ([`START`]).
    fn mark_start(&mut self, cp: u32) {
        if cp < 0x10000 {
            if self.bmp.len() <= cp as usize {
                self.bmp.resize(cp as usize + 1, 0);
            }
            self.bmp[cp as usize] |= START;
        } else {
            match self.wide.binary_search_by_key(&cp, |&(c, _)| c) {
                Ok(i) => self.wide[i].1 |= START,
                Err(i) => self.wide.insert(i, (cp, START)),
            }
        }
    }

    /// Clears every [`START`] mark.
    fn clear_starts(&mut self) {
        for e in &mut self.bmp {
            *e &= !START;
        }
        self.wide.retain(|&(_, e)| e != START);
        for (_, e) in &mut self.wide {
            *e &= !START;
        }
    }

    /// Every code point's entry, 0 for none, in order.
    pub(super) fn dense(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len).map(move |cp| self.entry(cp))
    }

    /// The code points with an entry and their entries, in order.
    pub(super) fn entries(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let bmp = self.bmp.iter().enumerate().map(|(cp, &e)| (cp as u32, e));
        bmp.chain(self.wide.iter().copied())
            .map(|(cp, e)| (cp, e & !START))
            .filter(|&(cp, e)| e != 0 && cp < self.len)
    }

    fn heap_bytes(&self) -> usize {
        self.bmp.capacity() * 4 + self.wide.capacity() * 8
    }
}

/// The most characters one side walk composes: a match with more split characters than this is
/// not found through their split forms.
const MAX_COMPOSED: u8 = 4;

/// Split forms that the search composes into the character they stand for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Splits {
    /// Each form: its two or three components (0 for no third) and the composed character, sorted.
    /// Their first components are marked in the character map ([`START`]).
    forms: Vec<([u32; 3], u32)>,
    /// Bit [`pair_bit`] of each form's first two components, in 64 bits per form or more: most
    /// characters that begin a form are common ones (木, 火, 口), and this tells all but about one
    /// in 64 of the pairs that begin no form from those that may, without leaving the search loop.
    pairs: Vec<u64>,
    /// How many bits [`pair_bit`] takes for `pairs` (its length is `1 << pair_shift` bits).
    pair_shift: u32,
    /// The longest pattern in bytes: a composed character further back than this is in no match.
    longest: u32,
}

impl Splits {
    /// The forms as saved: (components, composed character), sorted.
    pub(crate) fn forms(&self) -> &[([u32; 3], u32)] {
        &self.forms
    }

    fn heap_bytes(&self) -> usize {
        self.forms.capacity() * std::mem::size_of::<([u32; 3], u32)>() + self.pairs.capacity() * 8
    }
}

/// The largest [`Splits::pairs`]: 2^20 bits (128 KB).
const MAX_PAIR_SHIFT: u32 = 20;

/// The bit of [`Splits::pairs`] (of `1 << shift` bits) for a form that begins with `first`,
/// `second`.
#[inline(always)]
fn pair_bit(first: u32, second: u32, shift: u32) -> usize {
    // The top `shift` bits of a multiplicative hash.
    let h = (first.wrapping_mul(0x9E37_79B1) ^ second).wrapping_mul(0x85EB_CA6B);
    (h >> (32 - shift)) as usize
}

/// A search path that read one or more split forms as the characters they stand for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Walk {
    state: u32,
    /// Characters of the text this walk has read already, past the search's position (the rest of
    /// the split form it has just composed).
    ahead: u8,
    /// How many characters it composed.
    composed: u8,
    /// Bytes of the composed text from the first composed character to the walk's position: a
    /// match contains every composed character when it is at least this long.
    since: u32,
    /// Bytes the composing saved (the forms' lengths less the characters'): a match's start in
    /// the text is this much before where the composed text puts it.
    saved: u32,
}

impl TermAutomaton {
    /// Every overlapping match in `text`, in order of their end: (start, end, value, whether it
    /// composed split forms). `walks` is working space (cleared first).
    pub(crate) fn hits<'a>(&'a self, text: &'a str, walks: &'a mut Vec<Walk>) -> Hits<'a> {
        walks.clear();
        Hits {
            automaton: self,
            text,
            pos: 0,
            state: ROOT,
            output: 0,
            prefilter: self.prefilter.as_ref(),
            calls: 0,
            gain: 0,
            walks,
            side: 0,
            side_output: 0,
        }
    }

    /// Makes the search compose `forms` (components, composed character; see [`Splits`]): forms
    /// of characters the automaton has no code for, and forms of fewer than two or more than three
    /// components, are left out. The search then goes without its prefilter.
    pub(crate) fn set_splits(&mut self, forms: &[([u32; 3], u32)]) {
        let mut kept: Vec<([u32; 3], u32)> = forms
            .iter()
            .copied()
            .filter(|&(parts, c)| {
                self.codes.entry(c) != 0
                    && parts[0] != 0
                    && parts[1] != 0
                    && parts.iter().all(|&p| char::from_u32(p).is_some() || p == 0)
            })
            .collect();
        kept.sort_unstable();
        kept.dedup();
        self.codes.clear_starts();
        for &(parts, _) in &kept {
            self.codes.mark_start(parts[0]);
        }
        let pair_shift = (kept.len() * 64)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(12, MAX_PAIR_SHIFT);
        let mut pairs = vec![
            0u64;
            if kept.is_empty() {
                0
            } else {
                1 << (pair_shift - 6)
            }
        ];
        for &(parts, _) in &kept {
            let bit = pair_bit(parts[0], parts[1], pair_shift);
            pairs[bit >> 6] |= 1 << (bit & 63);
        }
        if !kept.is_empty() {
            // A match may start before a split form, where the text does not read as the start of
            // any pattern (x火乍 for x炸): the prefilter would skip it.
            self.prefilter = None;
        }
        let longest = self.outputs.iter().map(|o| o.length).max().unwrap_or(0);
        self.splits = Splits {
            forms: kept,
            pairs,
            pair_shift,
            longest,
        };
    }

    /// The split forms the search composes.
    pub(crate) fn splits(&self) -> &Splits {
        &self.splits
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
            + self.codes.heap_bytes()
            + self.outputs.capacity() * std::mem::size_of::<Output>()
            + self.prefilter.as_ref().map_or(0, |p| p.occurs.len())
            + self.root.capacity() * 8
            + self.splits.heap_bytes()
    }
}

/// The entry of code point `cp` in the character map `codes`: its code plus one, 0 for none.
#[inline(always)]
fn entry_of(codes: &CharMap, cp: u32) -> u32 {
    codes.entry(cp)
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

/// The most side walks at once: a text that would start more (split forms packed closer than any
/// lexicon needs) has its further forms read as written, so a character costs bounded work.
const MAX_WALKS: usize = 64;

/// Whether bit `bit` of the bit set `set` is 1.
#[inline(always)]
fn has_bit(set: &[u64], bit: u32) -> bool {
    set.get(bit as usize >> 6)
        .is_some_and(|w| w >> (bit & 63) & 1 != 0)
}

/// The iterator of [`TermAutomaton::hits`]: (start, end, value, whether the match composed split
/// forms).
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
    /// The side walks (see the module's documentation); empty while the text has no split form.
    walks: &'a mut Vec<Walk>,
    /// The walk whose matches at `pos` are being reported, and its next output (1-based; 0: the
    /// walk is done).
    side: usize,
    side_output: u32,
}

/// Where the plain search stopped.
enum Stop {
    /// A state with this first output.
    Hit(u32),
    /// The end of the text.
    End,
    /// A character that may begin a split form (not read yet).
    Compose,
}

impl Hits<'_> {
    /// Reports output `at` (1-based, not 0) ending at `pos` and moves to the next in its chain.
    #[inline(always)]
    fn report(&mut self, at: u32) -> Option<(usize, usize, u32, bool)> {
        let o = self.automaton.outputs.get(at as usize - 1)?;
        self.output = o.parent;
        Some((
            self.pos.saturating_sub(o.length as usize),
            self.pos,
            o.value,
            false,
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

    /// The search without side walks, up to a state with outputs, the end, or a character that
    /// may begin a split form.
    #[inline(always)]
    fn search(&mut self) -> Stop {
        let a = self.automaton;
        let (states, codes, root, text) = (&a.states[..], &a.codes, &a.root[..], self.text);
        let s = &a.splits;
        // Whether the character `cp` at `pos` (of `len` bytes, with character map entry `e`) and
        // the next may begin a form.
        #[inline(always)]
        fn may_compose(
            (pairs, shift, text): (&[u64], u32, &str),
            e: u32,
            cp: u32,
            pos: usize,
            len: usize,
        ) -> bool {
            e & START != 0
                && char_at(text, pos + len)
                    .is_some_and(|(next, _)| has_bit(pairs, pair_bit(cp, next, shift) as u32))
        }
        let forms = (&s.pairs[..], s.pair_shift, text);
        let mut state = self.state;
        if let Some(p) = self.prefilter {
            loop {
                if state == ROOT && !self.skip(p) {
                    break;
                }
                let Some((cp, len)) = char_at(text, self.pos) else {
                    self.state = state;
                    return Stop::End;
                };
                let e = codes.get(cp);
                if may_compose(forms, e, cp, self.pos, len) {
                    self.state = state;
                    return Stop::Compose;
                }
                self.pos += len;
                let out;
                (state, out) = step(states, root, state, e & !START);
                if out != 0 {
                    self.state = state;
                    return Stop::Hit(out);
                }
            }
        }
        let mut pos = self.pos;
        loop {
            let Some((cp, len)) = char_at(text, pos) else {
                (self.pos, self.state) = (pos, state);
                return Stop::End;
            };
            let e = codes.get(cp);
            if may_compose(forms, e, cp, pos, len) {
                (self.pos, self.state) = (pos, state);
                return Stop::Compose;
            }
            pos += len;
            let out;
            (state, out) = step(states, root, state, e & !START);
            if out != 0 {
                (self.pos, self.state) = (pos, state);
                return Stop::Hit(out);
            }
        }
    }

    /// Reads one character with side walks: starts a walk for each split form that begins here
    /// (from the search and from every walk), steps the walks and the search, and drops the walks
    /// that can no longer lead to a match containing what they composed. Returns `false` at the
    /// end of the text.
    #[inline(never)]
    fn compose_step(&mut self) -> bool {
        let a = self.automaton;
        let (states, codes, root) = (&a.states[..], &a.codes, &a.root[..]);
        let Some((cp, len)) = char_at(self.text, self.pos) else {
            self.walks.clear();
            return false;
        };
        let old = self.walks.len();
        let e = codes.get(cp);
        if e & START != 0 {
            self.start_walks(cp, len);
        }
        let entry = e & !START;
        for w in &mut self.walks[..old] {
            if w.ahead > 0 {
                w.ahead -= 1;
                continue;
            }
            w.state = step(states, root, w.state, entry).0;
            w.since += len as u32;
        }
        let out;
        (self.state, out) = step(states, root, self.state, entry);
        self.pos += len;
        self.output = out;
        // A walk in the search's own state, at the root, or further than any pattern from its
        // first composed character holds none of them any more (were one in its state, the state
        // would differ from the search's, which read the form there).
        let (main, longest) = (self.state, a.splits.longest);
        self.walks
            .retain(|w| w.ahead > 0 || (w.state != ROOT && w.state != main && w.since <= longest));
        self.side = 0;
        self.side_output = self.first_output(0);
        true
    }

    /// Starts the side walks of the split forms that begin with character `cp` (of `len` bytes) at
    /// `pos`.
    fn start_walks(&mut self, cp: u32, len: usize) {
        let a = self.automaton;
        let (states, codes, root) = (&a.states[..], &a.codes, &a.root[..]);
        let forms = &a.splits.forms;
        let from = forms.partition_point(|f| f.0[0] < cp);
        let Some((second, len2)) = char_at(self.text, self.pos + len) else {
            return;
        };
        let third = char_at(self.text, self.pos + len + len2);
        let old = self.walks.len();
        for &(parts, composed) in forms[from..].iter().take_while(|f| f.0[0] == cp) {
            if parts[1] != second {
                continue;
            }
            let (form_len, ahead) = match (parts[2], third) {
                (0, _) => (len + len2, 1),
                (c, Some((third, len3))) if c == third => (len + len2 + len3, 2),
                _ => continue,
            };
            let c_len = char::from_u32(composed).map_or(form_len, char::len_utf8) as u32;
            let saved = form_len as u32 - c_len.min(form_len as u32);
            let entry = entry_of(codes, composed);
            let (state, _) = step(states, root, self.state, entry);
            if state != ROOT && self.walks.len() < MAX_WALKS {
                self.walks.push(Walk {
                    state,
                    ahead,
                    composed: 1,
                    since: c_len,
                    saved,
                });
            }
            for i in 0..old {
                let w = self.walks[i];
                if w.ahead > 0 || w.composed >= MAX_COMPOSED || self.walks.len() >= MAX_WALKS {
                    continue;
                }
                let (state, _) = step(states, root, w.state, entry);
                if state != ROOT {
                    self.walks.push(Walk {
                        state,
                        ahead,
                        composed: w.composed + 1,
                        since: w.since + c_len,
                        saved: w.saved + saved,
                    });
                }
            }
        }
    }

    /// The first output of walk `i` when it is at `pos`, else 0.
    fn first_output(&self, i: usize) -> u32 {
        match self.walks.get(i) {
            Some(w) if w.ahead == 0 => self
                .automaton
                .states
                .get(w.state as usize)
                .map_or(0, |s| s.output),
            _ => 0,
        }
    }

    /// The next match at `pos` of the side walks: one that holds every character its walk
    /// composed.
    fn report_side(&mut self) -> Option<(usize, usize, u32, bool)> {
        while let Some(&w) = self.walks.get(self.side) {
            if self.side_output != 0 {
                if let Some(o) = self.automaton.outputs.get(self.side_output as usize - 1) {
                    // Outputs come longest first: after a shorter one, the walk is done.
                    if o.length >= w.since {
                        self.side_output = o.parent;
                        let start = self.pos.saturating_sub((o.length + w.saved) as usize);
                        return Some((start, self.pos, o.value, true));
                    }
                }
            }
            self.side += 1;
            self.side_output = self.first_output(self.side);
        }
        None
    }
}

impl Iterator for Hits<'_> {
    type Item = (usize, usize, u32, bool);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, u32, bool)> {
        if self.output != 0 {
            return self.report(self.output);
        }
        if self.walks.is_empty() {
            match self.search() {
                Stop::Hit(out) => return self.report(out),
                Stop::End => return None,
                Stop::Compose => {}
            }
        }
        self.next_composing()
    }
}

impl Hits<'_> {
    /// [`Iterator::next`] while side walks are alive or may start: their matches at `pos`, then
    /// one character at a time with them until there is a match, then the plain search again
    /// once none is left.
    #[inline(never)]
    fn next_composing(&mut self) -> Option<(usize, usize, u32, bool)> {
        loop {
            if self.side < self.walks.len() {
                if let Some(hit) = self.report_side() {
                    return Some(hit);
                }
            }
            if self.walks.is_empty() {
                match self.search() {
                    Stop::Hit(out) => return self.report(out),
                    Stop::End => return None,
                    Stop::Compose => {}
                }
            }
            if !self.compose_step() {
                return None;
            }
            if self.output != 0 {
                return self.report(self.output);
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

    /// The hits of `text` without their split flag (the automaton composes nothing).
    fn hits3(a: &super::TermAutomaton, text: &str) -> Vec<(usize, usize, u32)> {
        let mut walks = Vec::new();
        a.hits(text, &mut walks)
            .map(|(start, end, value, split)| {
                assert!(!split);
                (start, end, value)
            })
            .collect()
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
                let got: Vec<_> = hits3(&ours, &text);
                assert_eq!(got, want, "patterns {patterns:?} text {text:?}");
                let got: Vec<_> = hits3(&again, &text);
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
        let got: Vec<_> = hits3(&ours, &text);
        let start = at + "有人".len();
        assert_eq!(got, vec![(start, start + "出售枪支".len(), 1)]);
    }

    /// Random pattern sets searched with split forms composed: the same matches (start, end,
    /// pattern, whether split forms were read) as daachorse's search of every pattern expanded
    /// into its split variants (up to `MAX_COMPOSED` replaced characters), also after saving and
    /// reading back. The forms mix lengths (two and three
    /// components, one- to four-byte characters) so that a match's start is computed from them.
    #[test]
    fn composed_hits_are_the_hits_of_the_expanded_patterns() {
        let forms: &[(&str, char)] = &[
            ("木仓", '枪'),
            ("弓单", '弹'),
            ("火乍", '炸'),
            ("a😀", '军'),
            ("木火b", '火'),
            ("仓b", '枪'),
        ];
        let alphabet = [
            "木", "仓", "弓", "单", "火", "乍", "a", "b", "😀", "枪", "弹", "军", "x", "木仓",
            "弓单", "火乍", "a😀", "木火b",
        ];
        let targets = ["枪", "弹", "炸", "军", "火", "x", "a", "木"];
        let parts = |f: &str| {
            let mut p = [0u32; 3];
            for (slot, c) in p.iter_mut().zip(f.chars()) {
                *slot = u32::from(c);
            }
            p
        };
        let saved: Vec<([u32; 3], u32)> = forms
            .iter()
            .map(|&(f, c)| (parts(f), u32::from(c)))
            .collect();
        let mut rng = Rng(0x0123_4567_89AB_CDEF);
        let mut composed = 0;
        for case in 0..300 {
            let min = if case % 3 == 0 { 3 } else { 1 };
            let mut patterns: Vec<String> = (0..1 + rng.below(12))
                .map(|_| {
                    (0..min + rng.below(4))
                        .map(|_| targets[rng.below(targets.len())])
                        .collect()
                })
                .collect();
            patterns.sort();
            patterns.dedup();
            // Every pattern's variants, with the pattern each stands for.
            let mut expanded: Vec<(String, u32, bool)> = Vec::new();
            for (i, p) in patterns.iter().enumerate() {
                let mut todo = vec![(String::new(), 0usize, p.as_str())];
                while let Some((head, replaced, rest)) = todo.pop() {
                    let mut chars = rest.chars();
                    let Some(c) = chars.next() else {
                        expanded.push((head, i as u32, replaced > 0));
                        continue;
                    };
                    let tail = chars.as_str();
                    todo.push((format!("{head}{c}"), replaced, tail));
                    if replaced < usize::from(super::MAX_COMPOSED) {
                        for &(f, composed) in forms {
                            if composed == c {
                                todo.push((format!("{head}{f}"), replaced + 1, tail));
                            }
                        }
                    }
                }
            }
            let expanded_texts: Vec<String> = expanded.iter().map(|e| e.0.clone()).collect();
            let mut unique = expanded_texts.clone();
            unique.sort();
            unique.dedup();
            let da = built(&unique);
            let mut ours = automaton::from_raw(&built(&patterns).serialize()).expect("reads");
            ours.set_splits(&saved);
            // A match can start before a split form, where the prefilter would skip.
            assert!(ours.prefilter.is_none() || ours.splits().forms().is_empty());
            let mut again = automaton::from_raw(&automaton::raw_for_tests(&ours)).expect("reads");
            again.set_splits(ours.splits().forms());
            for _ in 0..5 {
                let text: String = (0..rng.below(120))
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect();
                let mut want: Vec<(usize, usize, u32, bool)> = da
                    .find_overlapping_iter(&text)
                    .flat_map(|m| {
                        let s = &unique[m.value() as usize];
                        expanded
                            .iter()
                            .filter(move |e| &e.0 == s)
                            .map(move |e| (m.start(), m.end(), e.1, e.2))
                    })
                    .collect();
                want.sort_unstable();
                want.dedup();
                composed += want.iter().filter(|h| h.3).count();
                for a in [&ours, &again] {
                    let mut walks = Vec::new();
                    let hits: Vec<_> = a.hits(&text, &mut walks).collect();
                    // In order of their end.
                    assert!(hits.windows(2).all(|w| w[0].1 <= w[1].1), "{hits:?}");
                    let mut got = hits;
                    got.sort_unstable();
                    assert_eq!(got, want, "patterns {patterns:?} text {text:?}");
                }
            }
        }
        assert!(composed > 2_000, "{composed} composed matches");
    }

    /// The character map answers every code point as the dense table it was made from does, gives
    /// that table back, and lists exactly its entries, with and without entries above the BMP.
    #[test]
    fn the_character_map_is_its_dense_table() {
        for len in [0usize, 5, 0x9FA6, 0x10000, 0x10001, 0x2CE24] {
            let mut dense = vec![0u32; len];
            let mut seed = len as u32 | 1;
            for _ in 0..len.min(3_000) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let cp = seed as usize % len;
                dense[cp] = seed >> 20 | 1;
            }
            if len > 0 {
                dense[len - 1] = 7;
            }
            let map = super::CharMap::from_dense(dense.clone());
            assert_eq!(map.len(), len);
            for (cp, &e) in dense.iter().enumerate() {
                assert_eq!(map.entry(cp as u32), e, "{cp:#x} of {len:#x}");
            }
            for cp in [len as u32, len as u32 + 1, 0x10FFFF, u32::MAX] {
                assert_eq!(map.entry(cp), 0);
            }
            // Marks for split forms change no entry, and clear.
            let mut marked = map.clone();
            for cp in [0, 0x6728, len as u32, 0x2A6D6, 0x10FFFF] {
                marked.mark_start(cp);
                assert_ne!(marked.get(cp) & super::START, 0);
            }
            assert!(marked.dense().eq(dense.iter().copied()));
            assert!(marked.entries().eq(map.entries()));
            marked.clear_starts();
            assert!((0..0x11000).all(|cp| marked.get(cp) & super::START == 0));
            assert!(map.dense().eq(dense.iter().copied()));
            let want: Vec<(u32, u32)> = (0..len as u32)
                .zip(dense.iter().copied())
                .filter(|&(_, e)| e != 0)
                .collect();
            assert_eq!(map.entries().collect::<Vec<_>>(), want);
            assert!(map.heap_bytes() <= 4 * 0x10000 + 8 * want.len());
        }
    }
}
