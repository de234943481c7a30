//! The stream machine: turns table entries into canonical characters, deciding the context rules
//! (junk between characters, Latin word spacing, spaced-out letters, leetspeak, numerals, repeats,
//! hard boundaries) with a bounded look-back and no allocation once its buffers are warm.

use super::compose::{
    digit_lookalike, is_disguised_number, is_regional_indicator, symbol_letter, AsciiWords,
    ByteClass, Entry, Kind, Table,
};
use super::{CanonChar, Evasion, NormalizeConfig, BREAK, PAUSE};

/// One folded input character on its way into the stream.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    pub(super) ch: char,
    pub(super) kind: Kind,
    pub(super) extra: u8,
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) flags: Evasion,
}

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
    #[inline]
    fn add(&mut self, a: &Atom) {
        self.add_parts(a.start, a.end, a.flags);
    }
    #[inline]
    fn add_parts(&mut self, start: u32, end: u32, flags: Evasion) {
        if self.is_empty() {
            self.start = start;
        }
        self.end = end;
        self.count += 1;
        self.flags |= flags;
    }
    /// `hard` and `soft` are only ever set right after an `add`, so an empty gap has no count.
    #[inline]
    fn is_empty(&self) -> bool {
        self.count == 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Word { all_digits: bool },
    Han,
    Break,
}

/// Reusable buffers of the machine, kept inside `Normalized`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Work {
    tok: Vec<Atom>,
    num: Vec<Atom>,
    spaced: Vec<Atom>,
}

impl Work {
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.tok.capacity() + self.num.capacity() + self.spaced.capacity())
            * std::mem::size_of::<Atom>()
    }
}

/// Whether some letter occurs three times in a row in `word` (ASCII letters, compared without
/// case): such a word collapses, which the bulk copy of plain words leaves to the general path.
#[inline]
fn has_triple(word: &[u8]) -> bool {
    word.windows(3)
        .any(|w| (w[0] | 0x20) == (w[1] | 0x20) && (w[1] | 0x20) == (w[2] | 0x20))
}

/// Where the run of ASCII letters (`A-Z`, `a-z`) starting at `s` ends, `limit` at most, or `None`
/// when one letter stands three times in a row in it, or when `no_pair_start` and it is three
/// letters or more starting with one letter twice (a possible collapsed single, "aab"). Letters
/// compare without case; a run may be looked at past `limit`, which only gives `None` more often.
/// Eight bytes at a time: a word usually ends in the first eight.
#[inline(always)]
fn letter_run(bytes: &[u8], s: usize, limit: usize, no_pair_start: bool) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    let mut e = s;
    // The last letter before `e` (lower case, 0 at the start) and whether it repeats the one
    // before it (the high bit of the top byte).
    let mut prev = 0u64;
    let mut prev_same = 0u64;
    while e < limit {
        let Some(&chunk) = bytes.get(e..).and_then(|b| b.first_chunk::<8>()) else {
            break;
        };
        let w = u64::from_le_bytes(chunk);
        let x = w | (ONES * 0x20);
        let low = x & LOW7;
        // Per byte: ASCII, and `b | 0x20` within `a..=z` (no carry crosses a byte).
        let letters = (low + ONES * 0x1F) & !(low + ONES * 0x05) & !w & HIGH;
        // The high bits of the bytes that end the run (none when all eight are letters).
        let stop = !letters & HIGH;
        // Bytes equal to the one before them (exact zero-byte test of the difference).
        let y = x ^ ((x << 8) | prev);
        let same = !(((y & LOW7) + LOW7) | y | LOW7);
        let triple = same & ((same << 8) | (prev_same >> 56));
        // Up to the first stop (a byte that ends the run never equals a letter before it).
        if triple & (stop ^ stop.wrapping_sub(1)) != 0 {
            return None;
        }
        // Bytes 0 to 2 letters, byte 1 equal to byte 0.
        if no_pair_start && e == s && same & 0x8000 != 0 && stop & 0x80_8080 == 0 {
            return None;
        }
        if stop != 0 {
            return Some(limit.min(e + (stop.trailing_zeros() / 8) as usize));
        }
        prev = x >> 56;
        prev_same = same;
        e += 8;
    }
    // The last few bytes of the text.
    let mut prev = prev as u8;
    let mut same = u32::from(prev_same >> 63 != 0);
    while e < limit && bytes[e].is_ascii_alphabetic() {
        let c = bytes[e] | 0x20;
        if c == prev {
            same += 1;
            if same == 2 {
                return None;
            }
        } else {
            same = 0;
            prev = c;
        }
        e += 1;
    }
    let e = e.min(limit);
    if no_pair_start && e >= s + 3 && bytes[s] | 0x20 == bytes[s + 1] | 0x20 {
        return None;
    }
    Some(e)
}

/// Every character of three UTF-8 bytes (U+0800 to U+FFFF without the surrogates), in order: a
/// CJK character the run maps to another is appended from here, a copy of constant length, where
/// `String::push` would check and encode it. Built and checked as UTF-8 when the crate compiles
/// (a failed check would be a compile error, never a panic at run time).
static THREE_BYTE: &str = {
    const LEN: usize = (0x10000 - 0x1000) * 3;
    static BYTES: [u8; LEN] = {
        let mut bytes = [0u8; LEN];
        let (mut cp, mut k) = (0x800u32, 0);
        while cp <= 0xFFFF {
            if cp < 0xD800 || cp > 0xDFFF {
                bytes[k] = 0xE0 | (cp >> 12) as u8;
                bytes[k + 1] = 0x80 | ((cp >> 6) & 0x3F) as u8;
                bytes[k + 2] = 0x80 | (cp & 0x3F) as u8;
                k += 3;
            }
            cp += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("three-byte characters are UTF-8"),
    }
};

/// Code point `cp` as a `&str` from [`THREE_BYTE`], when it is a character of three bytes.
#[inline(always)]
fn three_byte(cp: u32) -> Option<&'static str> {
    let k = match cp {
        0x800..=0xD7FF => cp - 0x800,
        0xE000..=0xFFFF => cp - 0x1000,
        _ => return None,
    } as usize
        * 3;
    THREE_BYTE.get(k..k + 3)
}

/// Decodes the character at byte `i` of valid UTF-8 that does not start with an ASCII byte:
/// its code point and length.
#[inline]
fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let byte = |k: usize| bytes.get(i + k).copied().unwrap_or(0x80);
    let b = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(byte(k) & 0x3F);
    if b < 0xE0 {
        (((b & 0x1F) << 6) | cont(1), 2)
    } else if b < 0xF0 {
        (decode3(bytes[i], byte(1), byte(2)), 3)
    } else {
        (
            ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// The code point of a three-byte UTF-8 sequence (lead byte `0xE_`, two continuation bytes, as in
/// a `str`). Without the masks: each byte's marker bits are subtracted at once (two fewer
/// instructions per Chinese character, which the normaliser and the term search both decode).
#[inline(always)]
pub(crate) fn decode3(b0: u8, b1: u8, b2: u8) -> u32 {
    ((u32::from(b0) << 12) + (u32::from(b1) << 6) + u32::from(b2)).wrapping_sub(0xE2080)
}

/// Latin tokens longer than this are emitted as they are, without leetspeak decisions, to keep
/// the look-back bounded.
const MAX_TOKEN: usize = 64;

/// Blocks of plain words this long or shorter are copied as this many bytes, then cut.
const WIDE_COPY: usize = 16;

/// The most pauses and breaks [`Machine::han_run`] looks past between two CJK characters.
const MAX_MARKS: usize = 8;

/// Where the machine writes the origin map: a `Vec` of entries, or [`NoOrigins`] when only the
/// canonical text is wanted. The machine reads back only what it wrote (the entries of a run it folds
/// into its first character), so without entries it produces the same text.
pub(crate) trait Origins {
    fn push(&mut self, c: CanonChar);
    fn pop(&mut self) -> Option<CanonChar>;
    fn last_mut(&mut self) -> Option<&mut CanonChar>;
    fn reserve(&mut self, additional: usize);
    /// One entry per byte of `bytes`, plain ASCII letters and spaces copied to the text at
    /// `offset` from the input at `start`: a letter keeps its table flags, a space (a word
    /// boundary) has none.
    fn extend_ascii(&mut self, table: &Table, offset: u32, start: u32, bytes: &[u8]);
}

impl Origins for Vec<CanonChar> {
    #[inline(always)]
    fn push(&mut self, c: CanonChar) {
        Vec::push(self, c);
    }
    #[inline(always)]
    fn pop(&mut self) -> Option<CanonChar> {
        Vec::pop(self)
    }
    #[inline(always)]
    fn last_mut(&mut self) -> Option<&mut CanonChar> {
        <[CanonChar]>::last_mut(self)
    }
    #[inline(always)]
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }
    #[inline]
    fn extend_ascii(&mut self, table: &Table, offset: u32, start: u32, bytes: &[u8]) {
        let (mut offset, mut start) = (offset, start);
        self.extend(bytes.iter().map(|&b| {
            let c = CanonChar {
                offset,
                start,
                end: start + 1,
                evasions: table.ascii_flags(b),
            };
            offset += 1;
            start += 1;
            c
        }));
    }
}

/// No origin map: the canonical text alone.
pub(crate) struct NoOrigins;

impl Origins for NoOrigins {
    #[inline(always)]
    fn push(&mut self, _: CanonChar) {}
    #[inline(always)]
    fn pop(&mut self) -> Option<CanonChar> {
        None
    }
    #[inline(always)]
    fn last_mut(&mut self) -> Option<&mut CanonChar> {
        None
    }
    #[inline(always)]
    fn reserve(&mut self, _: usize) {}
    #[inline(always)]
    fn extend_ascii(&mut self, _: &Table, _: u32, _: u32, _: &[u8]) {}
}

/// A plain word found by [`Machine::scan_plain_word`], with the separator before it.
#[derive(Clone, Copy)]
struct PlainWord {
    /// Where its letters start and end.
    start: usize,
    letters_end: usize,
    /// Where the leetspeak symbols after its letters end (`letters_end` when there are none).
    end: usize,
    /// How many characters the separator before it counts (its token's leading symbols
    /// included), and whether it holds a hard boundary.
    gap: u32,
    hard: bool,
}

pub(crate) struct Machine<'a, O: Origins> {
    cfg: &'a NormalizeConfig,
    text: &'a mut String,
    chars: &'a mut O,
    /// Where the buffers below go back to when the run ends (owned meanwhile: one load less on
    /// every check).
    work: &'a mut Work,
    tok: Vec<Atom>,
    num: Vec<Atom>,
    /// Single letters or digits separated by junk, waiting to be joined ("g u n").
    spaced: Vec<Atom>,
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
    /// The next character is a regional indicator that closes a pair which is no flag: a letter.
    regional_second: bool,
}

impl<'a, O: Origins> Machine<'a, O> {
    pub(crate) fn new(
        cfg: &'a NormalizeConfig,
        text: &'a mut String,
        chars: &'a mut O,
        work: &'a mut Work,
    ) -> Machine<'a, O> {
        work.tok.clear();
        work.num.clear();
        work.spaced.clear();
        Machine {
            cfg,
            text,
            chars,
            tok: std::mem::take(&mut work.tok),
            num: std::mem::take(&mut work.num),
            spaced: std::mem::take(&mut work.spaced),
            work,
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
            regional_second: false,
        }
    }

    /// Runs the whole input through the machine.
    pub(crate) fn run(mut self, table: &Table, input: &'a str) {
        self.input = input;
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if matches!(table.byte_class(b), ByteClass::Letter | ByteClass::Leet)
                    && self.tok.is_empty()
                    && self.num.is_empty()
                {
                    if let Some(next) = self.ascii_word(table, input, i) {
                        i = next;
                        continue;
                    }
                } else if b.is_ascii_digit() && self.tok.is_empty() && self.num.is_empty() {
                    if let Some(next) = self.ascii_number(table, input, i) {
                        i = next;
                        continue;
                    }
                }
                let e = table.bmp(u32::from(b));
                if e.kind == Kind::Junk && self.tok.is_empty() {
                    // What `feed` does for junk, without building an atom.
                    self.gap.add_parts(i as u32, i as u32 + 1, e.evasions());
                } else {
                    self.feed_entries(table, e, i as u32, i as u32 + 1);
                }
                i += 1;
                continue;
            }
            let (cp, len) = decode(bytes, i);
            let (start, end) = (i as u32, (i + len) as u32);
            i += len;
            if cp < 0x10000 {
                let e = table.bmp(cp);
                if e.kind == Kind::Han
                    && self.tok.is_empty()
                    && self.num.is_empty()
                    && self.spaced.is_empty()
                {
                    self.fast_han(e, start, end);
                    i = self.han_run(table, input, i);
                } else if matches!(e.kind, Kind::Junk | Kind::Emoji | Kind::Invisible)
                    && self.tok.is_empty()
                {
                    // What `feed` does for these outside a Latin token, without building an atom.
                    self.gap.add_parts(start, end, e.evasions());
                } else {
                    self.feed_entries(table, e, start, end);
                }
            } else {
                // Regional indicators pair up as a flag reads them, from the first of a run: a
                // pair of the flag list is an emoji (军🇨🇳火), any other a letter each.
                if is_regional_indicator(cp) && !std::mem::take(&mut self.regional_second) {
                    if let Some(&0xF0) = bytes.get(i) {
                        let (next, len) = decode(bytes, i);
                        if table.is_flag(cp, next) {
                            self.feed_entry(table.flag_entry(), start, (i + len) as u32);
                            i += len;
                            continue;
                        }
                        self.regional_second = is_regional_indicator(next);
                    }
                }
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                table.for_each(c, |e: Entry| self.feed_entry(e, start, end));
            }
        }
        self.flush_tok();
        self.flush_num(false);
        self.flush_spaced();
        self.work.tok = std::mem::take(&mut self.tok);
        self.work.num = std::mem::take(&mut self.num);
        self.work.spaced = std::mem::take(&mut self.spaced);
    }

    #[inline]
    fn feed_entry(&mut self, e: Entry, start: u32, end: u32) {
        self.feed(Atom {
            ch: e.ch(),
            kind: e.kind,
            extra: e.extra,
            start,
            end,
            flags: e.evasions(),
        })
    }

    #[inline]
    fn feed_entries(&mut self, table: &Table, e: Entry, start: u32, end: u32) {
        if e.kind == Kind::Multi {
            for &m in table.multi(e) {
                self.feed_entry(m, start, end);
            }
        } else {
            self.feed_entry(e, start, end);
        }
    }

    /// A CJK character with no Latin token, numeral run or spaced run pending: what `feed` does
    /// for it, with the common case (directly after another CJK character) inline.
    #[inline]
    fn fast_han(&mut self, e: Entry, start: u32, end: u32) {
        let ch = e.ch();
        let repeat = self.cfg.collapse_repeats && self.run_len > 0 && ch == self.run_ch;
        if matches!(self.last, Last::Han) && self.gap.is_empty() && !repeat {
            self.push(ch, start, end, e.evasions());
            self.run_ch = ch;
            self.run_len = 1;
        } else {
            self.emit_han(Atom {
                ch,
                kind: e.kind,
                extra: e.extra,
                start,
                end,
                flags: e.evasions(),
            });
        }
    }

    /// After `fast_han`: the CJK characters (three UTF-8 bytes each) that follow directly, with no
    /// gap and no repeat, in a tight loop. Returns where the run ends. Not inlined: inside `run`
    /// the loop's code moved with every change elsewhere in `run` (4–6% on Chinese text either way),
    /// and on its own it is cheaper.
    #[inline(never)]
    fn han_run(&mut self, table: &Table, input: &str, mut i: usize) -> usize {
        if !matches!(self.last, Last::Han) || !self.gap.is_empty() {
            return i;
        }
        let bytes = input.as_bytes();
        let collapse = self.cfg.collapse_repeats;
        // Characters that map to themselves are copied to the text in one go at the end (or
        // before the next one that does not).
        let first = i;
        let mut copy_from = i;
        let mut offset = self.text.len();
        // The last character emitted, as a code point (a `char` only when the run ends).
        let mut last = u32::from(self.run_ch);
        while let [b0, b1, b2, ..] = bytes[i..] {
            if b0 & 0xF0 != 0xE0 {
                break;
            }
            let mut cp = decode3(b0, b1, b2);
            let mut e = table.bmp(cp);
            // A numeral alone between two CJK characters (一 in 一定, 三 in 第三个) is one of them:
            // too short for a number, and with nothing numeric around it, `flush_num` emits it as
            // `emit_han` does.
            let lone_numeral = e.kind == Kind::Numeral
                && matches!(bytes.get(i + 3..i + 6), Some(&[c0, c1, c2])
                    if c0 & 0xF0 == 0xE0 && table.bmp(decode3(c0, c1, c2)).kind == Kind::Han);
            if (e.kind != Kind::Han && !lone_numeral) || (collapse && e.out == last) {
                // Pauses and breaks between two CJK characters ("好，好", "好。\n好"): their mark, as
                // `emit_han` writes it, and the run goes on without a repeat to collapse.
                let Some((mark, next_at, next)) = self.mark_before_han(table, bytes, i, e) else {
                    break;
                };
                if copy_from < i {
                    self.text.push_str(input.get(copy_from..i).unwrap_or(""));
                }
                self.push(mark, i as u32, next_at as u32, Evasion::empty());
                offset = self.text.len();
                copy_from = next_at;
                i = next_at;
                cp = u32::MAX;
                e = next;
            }
            self.chars.push(CanonChar {
                offset: offset as u32,
                start: i as u32,
                end: i as u32 + 3,
                evasions: e.evasions(),
            });
            if e.out != cp {
                if copy_from < i {
                    self.text.push_str(input.get(copy_from..i).unwrap_or(""));
                }
                match three_byte(e.out) {
                    Some(s) => self.text.push_str(s),
                    None => self.text.push(e.ch()),
                }
                copy_from = i + 3;
                offset = self.text.len();
            } else {
                offset += 3;
            }
            last = e.out;
            i += 3;
        }
        if copy_from < i {
            self.text.push_str(input.get(copy_from..i).unwrap_or(""));
        }
        if i > first {
            self.run_ch = char::from_u32(last).unwrap_or('\u{FFFD}');
            self.run_len = 1;
        }
        i
    }

    /// Inside [`Machine::han_run`], at `from` after a CJK character, where a three-byte character
    /// with entry `first` is not one the run takes: when it and what follows are a few pauses and
    /// breaks (nothing else) and then a CJK character, the mark they make (a break for a sentence
    /// end, a line break or too long a gap, else the pause mark), where that character starts, and
    /// its entry.
    #[inline]
    fn mark_before_han(
        &self,
        table: &Table,
        bytes: &[u8],
        from: usize,
        first: Entry,
    ) -> Option<(char, usize, Entry)> {
        if !matches!(first.kind, Kind::Pause | Kind::SoftBreak | Kind::HardBreak) {
            return None;
        }
        let (mut e, mut len) = (first, 3);
        let (mut i, mut count, mut pause, mut breaks) = (from, 0, false, false);
        while count <= MAX_MARKS {
            if count > 0 {
                (e, len) = match *bytes.get(i..)? {
                    [b, ..] if b < 0x80 => (table.bmp(u32::from(b)), 1),
                    [b0, b1, b2, ..] if b0 & 0xF0 == 0xE0 => (table.bmp(decode3(b0, b1, b2)), 3),
                    _ => return None,
                };
            }
            match e.kind {
                Kind::Pause => pause = true,
                Kind::SoftBreak | Kind::HardBreak => breaks = true,
                // A three-byte one: the run's loop takes it next.
                Kind::Han if count > 0 && len == 3 => {
                    let mark = if breaks || count > self.cfg.max_gap {
                        BREAK
                    } else if pause {
                        PAUSE
                    } else {
                        return None;
                    };
                    return Some((mark, i, e));
                }
                _ => return None,
            }
            count += 1;
            i += len;
        }
        None
    }

    /// A whole word of ASCII letters at `i`, when no Latin token or numeral run is pending: emitted
    /// at once, as flushing it as a token would. Returns where it ends, or `None` (nothing done)
    /// when the word needs the general path: a single letter (it may join a spaced run), a possible
    /// collapsed single ("aaa"), or a token that goes on past the letters (digits, leetspeak
    /// symbols, invisible or non-ASCII characters).
    #[inline]
    fn ascii_word(&mut self, table: &Table, input: &str, i: usize) -> Option<usize> {
        let bytes = input.as_bytes();
        // `$` opening a word is a letter ($hell), as `resolve_leet` decides; `@user` is a mention.
        let opening = match bytes[i] {
            b'$' if table.byte_class(b'$') == ByteClass::Leet => Some('s'),
            _ => None,
        };
        let first_letter = i + usize::from(opening.is_some());
        if table.byte_class(bytes.get(first_letter).copied().unwrap_or(b' ')) != ByteClass::Letter {
            // Leetspeak symbols that do not open a word (an "@ " before a place name, "@user"):
            // junk, as `flush_tok` makes them.
            let limit = bytes.len().min(i + MAX_TOKEN);
            let mut t = i;
            while t < limit && table.byte_class(bytes[t]) == ByteClass::Leet {
                t += 1;
            }
            if t == i {
                return None;
            }
            if t < bytes.len() && !self.ends_token(table, input, t) {
                // A token that goes on with letters (@user): the word after the symbols, when
                // it is a plain one; the token is still cut at `MAX_TOKEN` counted from `i`.
                if table.byte_class(bytes[t]) != ByteClass::Letter {
                    return None;
                }
                let (j, end) = self.plan_word(table, input, i, t, None)?;
                self.junk_symbols(i, t);
                return Some(self.emit_ascii_word(table, input, None, t, j, end));
            }
            self.junk_symbols(i, t);
            return Some(t);
        }
        let (j, end) = self.plan_word(table, input, i, first_letter, opening)?;
        Some(self.emit_ascii_word(table, input, opening, i, j, end))
    }

    /// A number of two or more ASCII digits at `i` that is a token of its own (what follows it ends
    /// a token and cannot join it: junk, a break, a pause, a CJK character or numeral, or the end),
    /// emitted as the token path emits an all-digit word: a phone number or a WeChat id's digits
    /// without an atom per digit. Returns where it ends; `None` leaves it to the token path.
    #[inline(never)]
    fn ascii_number(&mut self, table: &Table, input: &str, i: usize) -> Option<usize> {
        let bytes = input.as_bytes();
        let limit = bytes.len().min(i + MAX_TOKEN);
        let mut j = i;
        // Whether every digit stands for itself with no flags (then they are copied in one go).
        let mut plain = true;
        while j < limit && bytes[j].is_ascii_digit() {
            let e = table.bmp(u32::from(bytes[j]));
            if e.kind != Kind::Digit {
                break;
            }
            plain &= e.out == u32::from(bytes[j]) && e.evasions().is_empty();
            j += 1;
        }
        if j < i + 2 {
            return None;
        }
        if let Some(&b) = bytes.get(j) {
            let kind = if b < 0x80 {
                table.bmp(u32::from(b)).kind
            } else {
                let (cp, _) = decode(bytes, j);
                if cp >= 0x10000 {
                    return None;
                }
                table.bmp(cp).kind
            };
            let ends = matches!(
                kind,
                Kind::Junk
                    | Kind::Emoji
                    | Kind::Han
                    | Kind::Numeral
                    | Kind::HardBreak
                    | Kind::SoftBreak
                    | Kind::Pause
            );
            if !ends {
                return None;
            }
        }
        // What `take_word` and `emit_word` do with the token.
        self.flush_spaced();
        self.word_prefix(i as u32, true);
        if plain && self.pending.is_empty() {
            // What the loop below gives for digits that map to themselves: digits never collapse,
            // so the last one is a run of one.
            let offset = self.text.len() as u32;
            self.text.push_str(input.get(i..j).unwrap_or(""));
            self.chars
                .extend_ascii(table, offset, i as u32, &bytes[i..j]);
            self.run_ch = char::from(bytes[j - 1]);
            self.run_len = 1;
            self.last = Last::Word { all_digits: true };
            self.continues = false;
            return Some(j);
        }
        for (k, &b) in bytes[i..j].iter().enumerate() {
            let e = table.bmp(u32::from(b));
            let mut flags = e.evasions();
            if k == 0 {
                flags |= std::mem::take(&mut self.pending);
            }
            let start = (i + k) as u32;
            self.emit_parts(e.ch(), start, start + 1, flags, 0);
        }
        self.last = Last::Word { all_digits: true };
        self.continues = false;
        Some(j)
    }

    /// After a word whose letters end at `j` and whose trailing symbols end at `t`: the words
    /// that follow it across separators ("the quick, brown #fox"), copied and folded in bulk. The
    /// output is what word after word through [`Machine::ascii_word`] gives: between two words a
    /// space, or a break for a hard boundary or too long a gap, with the separator's origin; then
    /// the letters. Plain words after single spaces are copied as one block. A word or separator
    /// that needs more (a letter alone before another, a letter three times, digits, `$word`,
    /// non-ASCII letters, a token going on) ends the run before its separator, and the main loop
    /// takes it from there. `first` is where the first word starts when its letters are still to
    /// be copied (its trailing symbols are then not yet in the gap either). Returns where the run
    /// ends.
    #[inline]
    fn ascii_span(
        &mut self,
        table: &Table,
        input: &str,
        first: Option<usize>,
        mut j: usize,
        t: usize,
    ) -> usize {
        let lowercase = match table.ascii_words() {
            AsciiWords::Lowercase => true,
            AsciiWords::Unchanged => false,
            AsciiWords::NoBulk => return t,
        };
        let bytes = input.as_bytes();
        let max_gap = self.cfg.max_gap.max(1);
        // `k`: where the output so far ends in the input; `block`: where the block of words and
        // single spaces not yet copied starts.
        let mut k = t;
        let mut block = first.unwrap_or(t);
        let mut last_word = first.map(|w| (w, j));
        // Blocks are lowercased once, at the end: everything else the span writes is a space or a
        // break per separator (one call, where a call per block mispredicts its length branches).
        let span_start = self.text.len();
        while let Some(next) = self.next_plain_word(table, input, k, j == k) {
            let PlainWord {
                start: word,
                letters_end,
                end,
                ..
            } = next;
            let single_space = j == k && word == k + 1 && bytes[k] == b' ';
            if !single_space {
                // The separator: the previous word's trailing symbols (`j..k`, in the gap for the
                // first word) and the gap before this word, as one space or a break.
                let (count, hard) = ((k - j) + next.gap as usize, next.hard);
                self.copy_block(table, input, block, j);
                let sep = if hard || count > max_gap { BREAK } else { ' ' };
                self.push(sep, j as u32, word as u32, Evasion::empty());
                self.gap = Gap::default();
                block = word;
            }
            last_word = Some((word, letters_end));
            j = letters_end;
            k = end;
        }
        let Some((word, letters_end)) = last_word else {
            return t;
        };
        self.copy_block(table, input, block, letters_end);
        if lowercase {
            if let Some(copied) = self.text.get_mut(span_start..) {
                copied.make_ascii_lowercase();
            }
        }
        // Trailing symbols of the last word: junk, as `junk_trailing` makes them.
        self.junk_trailing(letters_end, k);
        // The repeat state the last word leaves, as `emit_ascii_letter` tracks it.
        // Its last letter, as many times as it ends the word (once for `w`: `ww` is not collapsed).
        let fold = |b: u8| if lowercase { b.to_ascii_lowercase() } else { b };
        let letters = &bytes[word..letters_end];
        self.run_len = 0;
        if let Some(&last) = letters.last() {
            let ch = fold(last);
            let times = if self.cfg.collapse_repeats && ch != b'w' {
                letters.iter().rev().take_while(|&&b| fold(b) == ch).count()
            } else {
                1
            };
            self.run_ch = char::from(ch);
            self.run_len = times as u32;
        }
        self.last = Last::Word { all_digits: false };
        k
    }

    /// The next word of an [`Machine::ascii_span`] run after `k` (where the previous word's
    /// trailing symbols end; `after_letters` when there are none), or `None` when the separator or
    /// the word needs the general path: where its letters start and end, where its trailing
    /// symbols end, and the separator before it. A single letter is a word of its own only when a
    /// longer word follows (before one letter it may join a spaced run, "g u n").
    #[inline(always)]
    fn next_plain_word(
        &self,
        table: &Table,
        input: &str,
        k: usize,
        after_letters: bool,
    ) -> Option<PlainWord> {
        let word = self.scan_plain_word(table, input, k, after_letters)?;
        if word.letters_end == word.start + 1 {
            let next = self.scan_plain_word(table, input, word.end, true)?;
            if next.letters_end < next.start + 2 {
                return None;
            }
        }
        Some(word)
    }

    /// [`Machine::next_plain_word`] without the look-ahead for single letters. Mirrors
    /// [`Machine::ascii_word`] and [`Machine::plan_word`], with repeats compared without case (a
    /// conservative test either way); a single letter only without symbols around it.
    #[inline(always)]
    fn scan_plain_word(
        &self,
        table: &Table,
        input: &str,
        k: usize,
        after_letters: bool,
    ) -> Option<PlainWord> {
        let bytes = input.as_bytes();
        let (token, s, gap, hard) = match bytes.get(k..k + 2) {
            Some(&[b' ', c]) if table.byte_class(c) == ByteClass::Letter => {
                (k + 1, k + 1, 1, false)
            }
            _ => self.separator(table, input, k, after_letters)?,
        };
        let limit = bytes.len().min(token + MAX_TOKEN);
        // A letter three times in a row collapses: the general path does that.
        // "aab…" may be a collapsed single letter.
        let e = letter_run(
            bytes,
            s,
            limit,
            self.cfg.join_spaced && self.cfg.collapse_repeats,
        )?;
        // Leetspeak symbols after the letters stay symbols when the token ends there (hello!).
        let mut t = e;
        if t < bytes.len() && bytes[t] != b' ' {
            while t < limit && table.byte_class(bytes[t]) == ByteClass::Leet {
                t += 1;
            }
            if t < bytes.len() && !self.ends_token(table, input, t) {
                return None;
            }
        }
        if e == s + 1 && (token != s || t != e) {
            return None;
        }
        Some(PlainWord {
            start: s,
            letters_end: e,
            end: t,
            gap,
            hard,
        })
    }

    /// The separator of [`Machine::scan_plain_word`] other than one space: where the token of the
    /// next word starts (leetspeak symbols right before it open it), where its letters start, how
    /// many characters the gap counts and whether it holds a hard boundary.
    #[inline(always)]
    fn separator(
        &self,
        table: &Table,
        input: &str,
        k: usize,
        after_letters: bool,
    ) -> Option<(usize, usize, u32, bool)> {
        let bytes = input.as_bytes();
        let gap_kind = |kind: Kind| {
            matches!(
                kind,
                Kind::Junk
                    | Kind::Emoji
                    | Kind::Invisible
                    | Kind::SoftBreak
                    | Kind::HardBreak
                    | Kind::Pause
            )
        };
        let mut s = k;
        let mut count = 0;
        let mut hard = false;
        loop {
            // Spaces and ASCII punctuation in a loop of their own: as one more arm of the `match`
            // below (a jump table), they and the letter after them would alternate its target.
            let mut b = *bytes.get(s)?;
            while b < 0x80 && table.byte_class(b) == ByteClass::EndsToken {
                let kind = table.bmp(u32::from(b)).kind;
                if !gap_kind(kind) {
                    return None;
                }
                hard |= kind == Kind::HardBreak;
                count += 1;
                s += 1;
                b = *bytes.get(s)?;
            }
            match table.byte_class(b) {
                ByteClass::Letter => return Some((s, s, count, hard)),
                ByteClass::Leet => {
                    // Symbols right after the letters are the previous word's.
                    if s == k && after_letters {
                        return None;
                    }
                    // `$` opening a word is a letter ($hell).
                    let next = bytes.get(s + 1).copied().unwrap_or(b' ');
                    if b == b'$' && table.byte_class(next) == ByteClass::Letter {
                        return None;
                    }
                    let run = s;
                    let limit = bytes.len().min(s + MAX_TOKEN);
                    while s < limit && table.byte_class(bytes[s]) == ByteClass::Leet {
                        s += 1;
                    }
                    count += (s - run) as u32;
                    match bytes.get(s) {
                        // Symbols before a plain word ("@user"): junk, the word follows.
                        Some(&c) if table.byte_class(c) == ByteClass::Letter => {
                            return Some((run, s, count, hard))
                        }
                        Some(&c) if table.byte_class(c) == ByteClass::EndsToken => {}
                        _ => return None,
                    }
                }
                _ if b >= 0x80 => {
                    // Junk, emoji, invisible characters and breaks of the BMP, also as
                    // expansions (each entry counts: "¨" is a space and a diaeresis). Right after
                    // a word only a character that ends its token comes here (the caller has
                    // checked `ends_token`): an invisible character there would join the word.
                    let (cp, len) = decode(bytes, s);
                    if cp >= 0x10000 {
                        return None;
                    }
                    let e = table.bmp(cp);
                    let entries = if e.kind == Kind::Multi {
                        table.multi(e)
                    } else {
                        std::slice::from_ref(&e)
                    };
                    for m in entries {
                        if !gap_kind(m.kind) {
                            return None;
                        }
                        hard |= m.kind == Kind::HardBreak;
                    }
                    count += entries.len() as u32;
                    s += len;
                }
                _ => return None,
            }
        }
    }

    /// Copies the plain words and single spaces `from..to` of the input to the output in one go,
    /// in their case ([`Machine::ascii_span`] lowercases them).
    #[inline]
    fn copy_block(&mut self, table: &Table, input: &str, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let offset = self.text.len();
        match input.get(from..from + WIDE_COPY) {
            Some(wide) if to - from <= WIDE_COPY => {
                // A copy of constant length, where `push_str` of the block calls `memcpy` with
                // its length; then the bytes past the block cut off. The block is ASCII, so the
                // cut falls between two characters.
                self.text.push_str(wide);
                self.text.truncate(offset + (to - from));
            }
            _ => self.text.push_str(input.get(from..to).unwrap_or("")),
        }
        self.chars.extend_ascii(
            table,
            offset as u32,
            from as u32,
            &input.as_bytes()[from..to],
        );
    }

    /// For a word of ASCII letters at `first_letter` (after `opening` at `i`, if any) in a token
    /// starting at `i`: where its letters end and where the leetspeak symbols after them end. `None`
    /// when the word needs the general path: a single letter (it may join a spaced run), a possible
    /// collapsed single ("aaa"), or a token that goes on past the letters (digits, leetspeak
    /// symbols, invisible or non-ASCII characters, or more than `MAX_TOKEN` characters).
    #[inline(always)]
    fn plan_word(
        &self,
        table: &Table,
        input: &str,
        i: usize,
        first_letter: usize,
        opening: Option<char>,
    ) -> Option<(usize, usize)> {
        let bytes = input.as_bytes();
        let limit = bytes.len().min(i + MAX_TOKEN);
        let mut j = first_letter;
        while j < limit && table.byte_class(bytes[j]) == ByteClass::Letter {
            j += 1;
        }
        // The word: the opening letter, if any, and the letters.
        let word_start = first_letter - usize::from(opening.is_some());
        if j < word_start + 2 {
            return None;
        }
        // Leetspeak symbols after the last letter stay symbols: junk once the word is out (hello!).
        let mut t = j;
        while t < limit && table.byte_class(bytes[t]) == ByteClass::Leet {
            t += 1;
        }
        if t < bytes.len() && !self.ends_token(table, input, t) {
            return None;
        }
        let first = match opening {
            Some(c) => u32::from(c),
            None => table.bmp(u32::from(bytes[word_start])).out,
        };
        let second = table.bmp(u32::from(bytes[word_start + 1])).out;
        if self.cfg.join_spaced
            && self.cfg.collapse_repeats
            && j - word_start >= 3
            && first == second
        {
            return None;
        }
        Some((j, t))
    }

    /// Leetspeak symbols `i..t` that are not letters: junk, as `flush_tok` makes them (with any
    /// pending invisible flags, which would have gone to the first of them).
    #[inline]
    fn junk_symbols(&mut self, i: usize, t: usize) {
        self.pending = Evasion::empty();
        for k in i..t {
            self.gap
                .add_parts(k as u32, k as u32 + 1, Evasion::SEPARATOR);
        }
    }

    /// Emits a word planned by `plan_word` (`opening` is the letter a `$` at `i` stands for; the
    /// letters run to `j`), then its trailing symbols up to `t` as junk, then the plain words
    /// that follow ([`Machine::ascii_span`]). Returns where the output got to.
    #[inline(always)]
    fn emit_ascii_word(
        &mut self,
        table: &Table,
        input: &str,
        opening: Option<char>,
        i: usize,
        j: usize,
        t: usize,
    ) -> usize {
        let bytes = input.as_bytes();
        let first_letter = i + usize::from(opening.is_some());
        self.flush_spaced();
        self.word_prefix(i as u32, false);
        self.last = Last::Word { all_digits: false };
        self.continues = false;
        if opening.is_none()
            && self.pending.is_empty()
            && self.run_len == 0
            && table.ascii_words() != AsciiWords::NoBulk
            && !has_triple(&bytes[first_letter..j])
        {
            // The letters go out with the plain words after them, as one block.
            return self.ascii_span(table, input, Some(first_letter), j, t);
        }
        let mut pending = std::mem::take(&mut self.pending);
        let collapse = self.cfg.collapse_repeats;
        self.chars.reserve(j - i);
        if let Some(c) = opening {
            let e = table.bmp(u32::from(bytes[i]));
            self.emit_ascii_letter(
                c,
                i as u32,
                e.evasions() | Evasion::LEET | pending,
                collapse,
            );
            pending = Evasion::empty();
        }
        for (k, &b) in bytes[first_letter..j].iter().enumerate() {
            let e = table.bmp(u32::from(b));
            let ch = char::from(e.out as u8);
            let start = (first_letter + k) as u32;
            self.emit_ascii_letter(ch, start, e.evasions() | pending, collapse);
            pending = Evasion::empty();
        }
        self.junk_trailing(j, t);
        self.ascii_span(table, input, None, j, t)
    }

    /// Leetspeak symbols `j..t` after a word: junk.
    #[inline]
    fn junk_trailing(&mut self, j: usize, t: usize) {
        for k in j..t {
            self.gap
                .add_parts(k as u32, k as u32 + 1, Evasion::SEPARATOR);
        }
    }

    /// One ASCII letter of a word, as `emit_collapsing` emits it.
    #[inline(always)]
    fn emit_ascii_letter(&mut self, ch: char, start: u32, flags: Evasion, collapse: bool) {
        if collapse && ch == self.run_ch && self.run_len > 0 {
            // A repeat: the general rule ("www" never collapses).
            let threshold = if ch == 'w' { 0 } else { 3 };
            self.emit_parts(ch, start, start + 1, flags, threshold);
        } else {
            self.run_ch = ch;
            self.run_len = 1;
            self.push(ch, start, start + 1, flags);
        }
    }

    /// Whether the character at byte `t` ends a Latin token before it (it is not a letter, digit,
    /// leetspeak symbol or invisible character, nor an expansion that starts with one).
    #[inline]
    fn ends_token(&self, table: &Table, input: &str, t: usize) -> bool {
        let bytes = input.as_bytes();
        match table.byte_class(bytes[t]) {
            ByteClass::EndsToken => true,
            ByteClass::Letter | ByteClass::Leet => false,
            ByteClass::Other if bytes[t] < 0x80 => false,
            ByteClass::Other => {
                let (cp, _) = decode(bytes, t);
                table.entry(cp).is_some_and(|e| {
                    // An expansion ends the token when its first character does ("…" is three
                    // dots): the general path feeds the characters one by one.
                    let first = if e.kind == Kind::Multi {
                        table.multi(e).first().copied()
                    } else {
                        Some(e)
                    };
                    first.is_some_and(|f| {
                        !matches!(
                            f.kind,
                            Kind::Letter | Kind::Digit | Kind::Leet | Kind::Invisible | Kind::Multi
                        )
                    })
                })
            }
        }
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
        self.emit_parts(a.ch, a.start, a.end, a.flags, threshold);
    }

    /// [`Machine::emit_collapsing`] with the atom taken apart.
    #[inline]
    fn emit_parts(&mut self, ch: char, start: u32, end: u32, flags: Evasion, threshold: u32) {
        let collapse = self.cfg.collapse_repeats && threshold > 0;
        if collapse && self.run_len > 0 && ch == self.run_ch {
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
                    first.end = end;
                    first.evasions |= Evasion::REPEAT;
                }
                return;
            }
        } else {
            self.run_ch = ch;
            self.run_len = 1;
        }
        self.push(ch, start, end, flags);
    }

    #[inline]
    fn emit_han(&mut self, mut a: Atom) {
        self.continues = false;
        if !self.gap.is_empty() {
            if self.gap_breaks() {
                self.emit_break();
            } else if self.gap.pause && !matches!(self.last, Last::Nothing | Last::Break) {
                self.emit_pause();
            } else if matches!(self.last, Last::Han) {
                a.flags |= self.gap.flags;
            }
        }
        if !matches!(self.last, Last::Han) {
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
        self.word_prefix(first.start, all_digits);
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

    /// Emits what stands between the previous output and a word starting at `first_start`.
    #[inline]
    fn word_prefix(&mut self, first_start: u32, all_digits: bool) {
        if matches!(self.last, Last::Word { .. })
            && self.gap.count > 0
            && self.gap.count <= self.cfg.max_gap.max(1)
            && !self.gap.hard
        {
            // The common case, a word after a word and some junk: one space.
            let (start, end) = (self.gap.start, self.gap.end);
            self.push(' ', start, end, Evasion::empty());
            self.run_len = 0;
            self.gap = Gap::default();
            return;
        }
        self.word_prefix_general(first_start, all_digits);
    }

    #[inline(never)]
    fn word_prefix_general(&mut self, first_start: u32, all_digits: bool) {
        match self.last {
            Last::Word {
                all_digits: last_all_digits,
            } => {
                if self.gap.is_empty() {
                    // Directly adjacent: a number continued by converted numerals joins it; anything
                    // else gets an empty-origin space so the output reads the same when normalised again.
                    if !(self.continues || (last_all_digits && all_digits)) {
                        self.push(' ', first_start, first_start, Evasion::empty());
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
        if !self.gap.is_empty() {
            self.gap = Gap::default();
        }
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
    /// one letter would join the next one when normalised again: a*4-a is aaa, so a) (see [`wider_gap`]).
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
        let mut spaced = std::mem::take(&mut self.spaced);
        resolve_leet(self.cfg, &mut spaced);
        let after = std::mem::take(&mut self.gap);
        self.gap = std::mem::take(&mut self.spaced_gap);
        self.emit_word(&spaced);
        self.gap = after;
        spaced.clear();
        self.spaced = spaced;
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
        let mut tok = std::mem::take(&mut self.tok);
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
        self.tok = tok;
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
        let mut num = std::mem::take(&mut self.num);
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
        self.num = num;
    }
}

/// How many characters a gap of `count` skipped characters at `start..end` of `input` counts, and
/// whether white space is among them.
pub(super) fn gap_shape(input: &str, count: usize, start: u32, end: u32) -> (usize, bool) {
    let skipped = input.get(start as usize..end as usize);
    (
        count,
        skipped.is_some_and(|s| s.chars().any(char::is_whitespace)),
    )
}

/// Whether a gap (its [`gap_shape`]) is wider than `sep`, the separator between the first two
/// characters of a spaced run: more characters, or white space where the separator has none.
/// Spaced-out words are set apart by wider gaps ("g u n s  f o r  s a l e", "g.u.n.s f.o.r s.a.l.e").
pub(super) fn wider_gap(sep: Option<(usize, bool)>, (count, space): (usize, bool)) -> bool {
    sep.is_some_and(|(sep_count, sep_space)| count > sep_count || (space && !sep_space))
}

/// Resolves leetspeak in a Latin token (or a run of spaced-out characters), shared by both stream
/// machines:
/// - digits and symbols with a letter somewhere before and after them in the token are letters
///   (w3ap0n, bu11et, we@pon);
/// - `$` opening a word is one too ($hell);
/// - in a token that has such a letter inside, a digit right before its first letter or right after
///   its last is one too, when it is the only digit on that side (3xpl0s1v3, 5h0tgun, h3ll0!): the
///   letter inside shows the token is leetspeak;
/// - a zero at either end of a word of three letters or more, its only digit, is an o (amm0, 0pium);
/// - a number written partly with letters that look like digits is the number (l38OOl38OOO).
///
/// Anything else stays: numbers such as 13800138000 or 2024 keep their digits, and so do words
/// with a number at the end and none inside (covid19, mp3, 4k, 2nd, eth01).
pub(super) fn resolve_leet(cfg: &NormalizeConfig, tok: &mut [Atom]) {
    if !cfg.leet || tok.iter().all(|a| a.kind == Kind::Letter) {
        return;
    }
    if is_disguised_number(tok.iter().map(|a| a.ch)) {
        // A number written partly with letters (l38OOl38OOO): the letters are digits.
        for a in tok.iter_mut() {
            if let Some(d) = digit_lookalike(a.ch) {
                *a = Atom {
                    ch: d,
                    kind: Kind::Digit,
                    flags: a.flags | Evasion::LEET,
                    ..*a
                };
            }
        }
        return;
    }
    let is_letter = |a: &Atom| a.kind == Kind::Letter;
    let Some(first_letter) = tok.iter().position(is_letter) else {
        return;
    };
    let last_letter = tok.iter().rposition(is_letter).unwrap_or(first_letter);
    let inside = |i: usize| first_letter < i && i < last_letter;
    // Whether the token has a leetspeak letter inside (judged on the original characters).
    let leet_inside = tok
        .iter()
        .enumerate()
        .any(|(i, a)| inside(i) && leet_letter(a, '\0', '\0').is_some());
    let is_digit = |a: &Atom| a.kind == Kind::Digit;
    // Decisions look at the original characters, not at ones converted a moment ago: the one
    // before is remembered, the one after is not converted yet. (Spaced runs have no length
    // bound, so no fixed buffer of originals.)
    let mut before = '\0';
    for i in 0..tok.len() {
        let a = tok[i];
        let previous = std::mem::replace(&mut before, a.ch);
        let opening = i == 0 && a.ch == '$' && tok.get(1).is_some_and(is_letter);
        let edge = leet_inside
            && a.kind == Kind::Digit
            && ((i + 1 == first_letter && !tok[..i].iter().any(is_digit))
                || (i == last_letter + 1 && !tok[i + 1..].iter().any(is_digit)));
        if !(inside(i) || opening || edge) {
            continue;
        }
        let Some(letter) = leet_letter(&a, previous, tok.get(i + 1).map_or('\0', |b| b.ch)) else {
            continue;
        };
        tok[i] = Atom {
            ch: letter,
            kind: Kind::Letter,
            flags: a.flags | Evasion::LEET,
            ..a
        };
    }
    // A zero at either end of three letters or more, the token's only digit, is an o even without
    // leetspeak inside (amm0, 0pium): it looks like one, where other digits at a word's end are
    // numbers (mp3, win10). Judged on the letters as converted above and per word of the token
    // (the symbols still left split it), as normalising the output again would judge them ($au0
    // is sau0, so sauo; aab0@3 is aab0 3, so aabo 3).
    for word in tok.split_mut(|a| a.kind == Kind::Leet) {
        let mut digits = word.iter().enumerate().filter(|(_, a)| is_digit(a));
        let (Some((i, &a)), None) = (digits.next(), digits.next()) else {
            continue;
        };
        let first_letter = word.iter().position(is_letter).unwrap_or(0);
        let last_letter = word.iter().rposition(is_letter).unwrap_or(0);
        if a.ch == '0'
            && last_letter >= first_letter + 2
            && (i + 1 == first_letter || i == last_letter + 1)
        {
            word[i] = Atom {
                ch: 'o',
                kind: Kind::Letter,
                flags: a.flags | Evasion::LEET,
                ..a
            };
        }
    }
}

/// The letter a digit or leetspeak symbol stands for inside a word, given the original characters
/// before and after it (`1` next to another `1` is `l`: bu11et).
fn leet_letter(a: &Atom, previous: char, next: char) -> Option<char> {
    if !matches!(a.kind, Kind::Digit | Kind::Leet) {
        return None;
    }
    Some(match a.ch {
        '0' => 'o',
        '1' if previous == '1' || next == '1' => 'l',
        '1' | '!' => 'i',
        '2' => 'z',
        '3' | '€' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '6' | '9' => 'g',
        '7' => 't',
        '8' => 'b',
        '|' => 'l',
        c => symbol_letter(c)?,
    })
}

#[cfg(test)]
mod tests {
    use super::{decode3, letter_run, three_byte};
    use crate::filter::xorshift;

    #[test]
    fn decode3_decodes_every_three_byte_character() {
        let mut n = 0;
        for c in (0x800..=0xFFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(bytes.len(), 3);
            assert_eq!(decode3(bytes[0], bytes[1], bytes[2]), u32::from(c), "{c:?}");
            n += 1;
        }
        assert_eq!(
            n,
            0x10000 - 0x800 - 0x800,
            "every character but the surrogates"
        );
    }

    #[test]
    fn three_byte_spells_every_three_byte_character_and_no_other() {
        for cp in 0..0x11000u32 {
            let want = char::from_u32(cp)
                .filter(|c| c.len_utf8() == 3)
                .map(|c| c.to_string());
            assert_eq!(three_byte(cp).map(str::to_string), want, "U+{cp:04X}");
        }
        assert_eq!(three_byte(u32::MAX), None);
    }

    /// `letter_run` one byte at a time.
    fn letter_run_bytewise(
        bytes: &[u8],
        s: usize,
        limit: usize,
        no_pair_start: bool,
    ) -> Option<usize> {
        let mut e = s;
        while e < limit && bytes[e].is_ascii_alphabetic() {
            if e >= s + 2 && bytes[e - 2..=e].iter().all(|b| b | 0x20 == bytes[e] | 0x20) {
                return None;
            }
            e += 1;
        }
        if no_pair_start && e >= s + 3 && bytes[s] | 0x20 == bytes[s + 1] | 0x20 {
            return None;
        }
        Some(e)
    }

    #[test]
    fn letter_runs_eight_bytes_at_a_time_end_where_a_byte_loop_ends() {
        // Letters of both cases around the 0x20 bit, neighbours of the letter ranges, non-ASCII.
        let alphabet: &[&[u8]] = &[
            b"a",
            b"A",
            b"b",
            b"B",
            b"z",
            b"Z",
            b"a",
            b"a",
            b"A",
            b" ",
            b"@",
            b"[",
            b"`",
            b"{",
            b"1",
            b"\xc3\xa9",
            b"\xe5\x86\x9b",
            b"\x01",
        ];
        let mut state = 0x5eed_1e77e2_u64;
        for _ in 0..20_000 {
            let len = (xorshift(&mut state) % 40) as usize;
            let mut text = Vec::new();
            while text.len() < len {
                let pick = (xorshift(&mut state) % alphabet.len() as u64) as usize;
                text.extend_from_slice(alphabet[pick]);
            }
            let s = (xorshift(&mut state) % (text.len() as u64 + 1)) as usize;
            let pair = xorshift(&mut state) % 2 == 0;
            let whole = letter_run(&text, s, text.len(), pair);
            assert_eq!(
                whole,
                letter_run_bytewise(&text, s, text.len(), pair),
                "{text:?} from {s}, {pair}"
            );
            // With a nearer limit a run may be refused for a triple or pair past the limit,
            // never ended elsewhere.
            let limit = s + (xorshift(&mut state) % 12) as usize;
            let limit = limit.min(text.len());
            if let Some(e) = letter_run(&text, s, limit, pair) {
                assert_eq!(
                    Some(e),
                    letter_run_bytewise(&text, s, limit, pair),
                    "{text:?} {s}..{limit}, {pair}"
                );
            } else {
                assert_eq!(whole, None, "{text:?} {s}..{limit}, {pair}");
            }
        }
    }
}
