//! Saved filters: `JINGWANG` magic, format version, flags, payload length, CRC-32 of the payload, then a
//! little-endian, length-prefixed encoding of the compiled filter. Version 2 adds the term automaton
//! itself (loaded and checked by `automaton::load`, not rebuilt); version 1 files still load, with the
//! automaton rebuilt from the patterns. Version 3 adds segment literals of regex rules
//! (`TARGET_REGEX_SEGMENT` pattern targets), version 4 gate literals of triggered rules
//! (`TARGET_REGEX_GATE`); older files simply have none. Version 5 gives word-boundary and variant
//! patterns of a single deny term direct automaton values (see `DIRECT_TERM`), which older
//! readers would reject as corrupt; the layout is unchanged, and older automata, which name those
//! patterns by index, load as they are. Version 6 has no split-character variant patterns: a
//! target says whether its term takes split forms (`Target::splits`), and the split forms the
//! search composes follow the automaton; older files keep their variant patterns and compose none.

use super::automaton;
use super::builder::{build_automaton, build_regexes, Compile};
use super::error::{LoadError, LoadErrorKind};
use super::{
    next_filter_id, CoEntry, Inner, MatchKind, PatternTable, RegexEntry, Settings, Target,
    TermMeta, TermTable, PLURAL, TARGET_REGEX, TARGET_REGEX_GATE, TARGET_REGEX_SEGMENT, WORD_END,
    WORD_START,
};
use crate::lexicon::Severity;
use crate::normalize::{Evasion, NormalizeConfig, Normalizer};

const MAGIC: &[u8; 8] = b"JINGWANG";
/// The format version this library writes and the newest it reads.
pub(crate) const FORMAT_VERSION: u32 = 6;
const HEADER_LEN: usize = 8 + 4 + 4 + 8 + 4;

/// CRC-32/IEEE (the zlib / PNG checksum). crc32fast folds 64 bytes at a time with carry-less
/// multiplication where the CPU has it (x86-64 with PCLMULQDQ, aarch64 with PMULL), ten times the
/// speed of a table-driven CRC on a large saved filter, and falls back to tables elsewhere.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

fn config_flags(c: &NormalizeConfig) -> [bool; 11] {
    [
        c.width,
        c.case,
        c.diacritics,
        c.traditional,
        c.variants,
        c.homoglyphs,
        c.leet,
        c.skip_junk,
        c.join_spaced,
        c.numerals,
        c.collapse_repeats,
    ]
}

pub(crate) fn to_bytes(inner: &Inner) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    let config = inner.normalizer.config();
    let flags = config_flags(config);
    w.len(flags.len());
    for f in flags {
        w.u8(u8::from(f));
    }
    w.u64(config.max_gap as u64);
    let s = &inner.settings;
    w.u32(u32::from(s.mask_char));
    w.u32(s.max_variants);
    w.u64(s.regex_size_limit);
    w.u8(u8::from(s.pinyin));
    w.u32(inner.allow_count);
    w.len(inner.categories.len());
    for c in &inner.categories {
        w.str(c);
    }
    w.len(inner.terms.len());
    for (text, t) in inner.terms.iter() {
        w.str(text);
        w.u32(t.category);
        w.u8(t.severity as u8);
        w.u8(t.kind.to_u8());
    }
    w.len(inner.patterns.len());
    for (text, targets) in inner.patterns.iter(&inner.terms) {
        w.str(text);
        w.len(targets.len());
        for t in targets.iter() {
            w.u8(t.kind);
            w.u8(t.word);
            w.u32(t.id);
            w.u32(t.slot);
            w.u32(t.evasion.bits());
            w.u64(t.repeat);
            w.u8(u8::from(t.splits));
        }
    }
    w.len(inner.regex_rules.len());
    for r in &inner.regex_rules {
        w.u32(r.term);
        w.str(&r.pattern);
    }
    w.len(inner.co_rules.len());
    for c in &inner.co_rules {
        w.u32(c.term);
        w.u32(c.all);
        w.u32(c.none);
        w.u8(u8::from(c.within.is_some()));
        w.u32(c.within.unwrap_or(0));
    }
    match &inner.automaton {
        Some(a) => {
            let saved = automaton::save(a);
            w.u8(1);
            w.u64(saved.len() as u64);
            w.0.extend_from_slice(&saved);
        }
        None => w.u8(0),
    }
    let forms = inner
        .automaton
        .as_ref()
        .map_or(&[][..], |a| a.splits().forms());
    w.len(forms.len());
    for &(parts, composed) in forms {
        for p in parts {
            w.u32(p);
        }
        w.u32(composed);
    }
    let payload = w.0;
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        if self.0.len() < n {
            return Err(LoadError::corrupt("a field runs past the end"));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    #[inline]
    fn u8(&mut self) -> Result<u8, LoadError> {
        Ok(self.take(1)?[0])
    }
    #[inline]
    fn u32(&mut self) -> Result<u32, LoadError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    #[inline]
    fn u64(&mut self) -> Result<u64, LoadError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn bool(&mut self) -> Result<bool, LoadError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(LoadError::corrupt("bad flag")),
        }
    }
    /// A count of items each at least `min_size` bytes long, checked against the bytes left.
    #[inline]
    fn count(&mut self, min_size: usize) -> Result<usize, LoadError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.0.len() {
            return Err(LoadError::corrupt("a count exceeds the data"));
        }
        Ok(n)
    }
    /// Length-prefixed bytes.
    #[inline]
    fn bytes(&mut self) -> Result<&'a [u8], LoadError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    #[inline]
    fn str_ref(&mut self) -> Result<&'a str, LoadError> {
        std::str::from_utf8(self.bytes()?).map_err(|_| LoadError::corrupt("a string is not UTF-8"))
    }
    fn str(&mut self) -> Result<String, LoadError> {
        self.str_ref().map(str::to_string)
    }
}

pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Inner, LoadError> {
    if bytes.len() < MAGIC.len() {
        if MAGIC.starts_with(bytes) {
            return Err(LoadError::new(
                LoadErrorKind::Truncated,
                "saved filter is truncated",
            ));
        }
        return Err(LoadError::new(
            LoadErrorKind::BadMagic,
            "not a saved filter (bad magic)",
        ));
    }
    if &bytes[..8] != MAGIC {
        return Err(LoadError::new(
            LoadErrorKind::BadMagic,
            "not a saved filter (bad magic)",
        ));
    }
    if bytes.len() < HEADER_LEN {
        return Err(LoadError::new(
            LoadErrorKind::Truncated,
            "saved filter is truncated",
        ));
    }
    let mut h = Reader(&bytes[8..HEADER_LEN]);
    let version = h.u32()?;
    let flags = h.u32()?;
    let len = h.u64()?;
    let crc = h.u32()?;
    if version > FORMAT_VERSION || version == 0 {
        return Err(LoadError::new(
            LoadErrorKind::UnsupportedVersion,
            format!("saved filter format version {version} is not supported (this library reads version {FORMAT_VERSION})"),
        ));
    }
    if flags != 0 {
        return Err(LoadError::corrupt("unknown header flags"));
    }
    let rest = &bytes[HEADER_LEN..];
    if (rest.len() as u64) < len {
        return Err(LoadError::new(
            LoadErrorKind::Truncated,
            "saved filter is truncated",
        ));
    }
    if (rest.len() as u64) > len {
        return Err(LoadError::corrupt("trailing bytes after the payload"));
    }
    if crc32(rest) != crc {
        return Err(LoadError::new(
            LoadErrorKind::ChecksumMismatch,
            "saved filter checksum mismatch",
        ));
    }
    decode(rest, version)
}

fn decode(payload: &[u8], version: u32) -> Result<Inner, LoadError> {
    let mut r = Reader(payload);
    let n_flags = r.count(1)?;
    if n_flags != 11 {
        return Err(LoadError::corrupt("unknown normaliser configuration"));
    }
    let mut f = [false; 11];
    for x in f.iter_mut() {
        *x = r.bool()?;
    }
    let mut config = NormalizeConfig::default();
    [
        config.width,
        config.case,
        config.diacritics,
        config.traditional,
        config.variants,
        config.homoglyphs,
        config.leet,
        config.skip_junk,
        config.join_spaced,
        config.numerals,
        config.collapse_repeats,
    ] = f;
    config.max_gap =
        usize::try_from(r.u64()?).map_err(|_| LoadError::corrupt("bad maximum gap"))?;
    let settings = Settings {
        mask_char: char::from_u32(r.u32()?).ok_or_else(|| LoadError::corrupt("bad mask char"))?,
        max_variants: r.u32()?,
        regex_size_limit: r.u64()?,
        pinyin: r.bool()?,
    };
    let allow_count = r.u32()?;
    let n = r.count(4)?;
    let mut categories = Vec::with_capacity(n);
    for _ in 0..n {
        categories.push(r.str()?);
    }
    let n = r.count(10)?;
    let mut terms = TermTable::with_capacity(n);
    for _ in 0..n {
        let text = r.str_ref()?;
        let category = r.u32()?;
        if category as usize >= categories.len() {
            return Err(LoadError::corrupt("category id out of range"));
        }
        let severity =
            Severity::from_u8(r.u8()?).ok_or_else(|| LoadError::corrupt("bad severity"))?;
        let kind =
            MatchKind::from_u8(r.u8()?).ok_or_else(|| LoadError::corrupt("bad term kind"))?;
        terms.push(
            text,
            TermMeta {
                category,
                severity,
                kind,
            },
        );
    }
    terms.shrink_to_fit();
    let n_regex_pre = terms
        .iter()
        .filter(|(_, t)| t.kind == MatchKind::Rule)
        .count();
    let n = r.count(8)?;
    let mut patterns = PatternTable::default();
    let mut targets = Vec::new();
    // The texts are checked for UTF-8 all at once, after the loop.
    let mut texts = Vec::new();
    let mut text_ends = Vec::with_capacity(n);
    for _ in 0..n {
        // Duplicates need no check here: the automaton (saved and checked, or rebuilt) maps each
        // pattern to its own value, and rebuilding rejects them.
        let text = r.bytes()?;
        if text.is_empty() {
            return Err(LoadError::corrupt("empty pattern"));
        }
        texts.extend_from_slice(text);
        text_ends.push(
            u32::try_from(texts.len())
                .map_err(|_| LoadError::corrupt("the pattern texts exceed 4 GiB"))?,
        );
        let k = r.count(22)?;
        targets.clear();
        for _ in 0..k {
            let kind = r.u8()?;
            let word = r.u8()?;
            let id = r.u32()?;
            let slot = r.u32()?;
            let evasion = Evasion::from_bits_truncate(r.u32()?);
            let repeat = r.u64()?;
            let splits = version >= 6 && r.bool()?;
            // Segment literals of regex rules came with format version 3, gate literals with 4.
            let max_kind = match version {
                4.. => TARGET_REGEX_GATE,
                3 => TARGET_REGEX_SEGMENT,
                _ => TARGET_REGEX,
            };
            if kind > max_kind || word & !(WORD_START | WORD_END | PLURAL) != 0 {
                return Err(LoadError::corrupt("bad pattern target"));
            }
            targets.push(Target {
                kind,
                word,
                id,
                slot,
                evasion,
                repeat,
                splits,
            });
        }
        patterns.push_targets(&targets);
    }
    let texts =
        String::from_utf8(texts).map_err(|_| LoadError::corrupt("a pattern is not UTF-8"))?;
    patterns
        .set_texts(texts, text_ends)
        .map_err(LoadError::corrupt)?;
    patterns.share_term_texts(&terms);
    patterns.shrink_to_fit();
    let n = r.count(8)?;
    let mut regex_rules = Vec::with_capacity(n);
    for _ in 0..n {
        let term = r.u32()?;
        let pattern = r.str()?;
        regex_rules.push(RegexEntry { term, pattern });
    }
    let n = r.count(17)?;
    let mut co_rules = Vec::with_capacity(n);
    for _ in 0..n {
        let term = r.u32()?;
        let all = r.u32()?;
        let none = r.u32()?;
        let has_within = r.bool()?;
        let within = r.u32()?;
        co_rules.push(CoEntry {
            term,
            all,
            none,
            within: has_within.then_some(within),
        });
    }
    let saved_automaton = if version >= 2 && r.bool()? {
        let n =
            usize::try_from(r.u64()?).map_err(|_| LoadError::corrupt("bad automaton length"))?;
        Some(r.take(n)?)
    } else {
        None
    };
    let mut forms = Vec::new();
    if version >= 6 {
        let n = r.count(16)?;
        forms.reserve(n);
        for _ in 0..n {
            let parts = [r.u32()?, r.u32()?, r.u32()?];
            let composed = r.u32()?;
            let is_char = |c: u32| char::from_u32(c).is_some();
            if !(is_char(parts[0]) && is_char(parts[1]) && is_char(composed))
                || parts[..2].contains(&0)
                || !(parts[2] == 0 || is_char(parts[2]))
            {
                return Err(LoadError::corrupt("bad split form"));
            }
            forms.push((parts, composed));
        }
    }
    if !r.0.is_empty() {
        return Err(LoadError::corrupt("trailing bytes in the payload"));
    }
    // Cross-references.
    let term_kind =
        |id: u32, kind: MatchKind| terms.meta(id as usize).is_some_and(|t| t.kind == kind);
    if regex_rules.len() != n_regex_pre
        || regex_rules
            .iter()
            .any(|r| !term_kind(r.term, MatchKind::Rule))
    {
        return Err(LoadError::corrupt("bad regex rule"));
    }
    if co_rules
        .iter()
        .any(|c| !term_kind(c.term, MatchKind::CoOccurrence))
    {
        return Err(LoadError::corrupt("bad co-occurrence rule"));
    }
    let target_ok = |t: &Target| match t.kind {
        super::TARGET_DENY => term_kind(t.id, MatchKind::Term),
        super::TARGET_ALLOW => t.id < allow_count,
        super::TARGET_CO_ALL => co_rules.get(t.id as usize).is_some_and(|c| t.slot < c.all),
        TARGET_REGEX | TARGET_REGEX_SEGMENT | TARGET_REGEX_GATE => {
            (t.id as usize) < regex_rules.len()
        }
        _ => co_rules.get(t.id as usize).is_some_and(|c| t.slot < c.none),
    };
    if !patterns.indirect_targets().iter().all(target_ok)
        || !patterns
            .direct_terms()
            .all(|id| term_kind(id, MatchKind::Term))
    {
        return Err(LoadError::corrupt("pattern target out of range"));
    }
    let mut automaton = match saved_automaton {
        // Checked before use: see `automaton::load`.
        Some(saved) if !patterns.is_empty() => {
            Some(automaton::load(saved, &patterns, &terms).map_err(LoadError::corrupt)?)
        }
        Some(_) => return Err(LoadError::corrupt("an automaton without patterns")),
        None if version >= 2 && !patterns.is_empty() => {
            return Err(LoadError::corrupt("patterns without an automaton"))
        }
        // Format version 1 did not save the automaton: rebuild it.
        None => {
            build_automaton(&patterns, &terms).map_err(|_| LoadError::corrupt("bad patterns"))?
        }
    };
    match automaton.as_mut() {
        Some(a) => a.set_splits(&forms),
        None if !forms.is_empty() => {
            return Err(LoadError::corrupt("split forms without an automaton"))
        }
        None => {}
    }
    // Each rule's own regex compiles when first searched (`Filter::compile_regex_rules` compiles
    // them all now).
    let regexes = build_regexes(
        &regex_rules,
        &patterns,
        settings.regex_size_limit,
        Compile::OnFirstUse,
    )
    .map_err(|_| LoadError::corrupt("a regex rule does not compile"))?;
    Ok(Inner {
        id: next_filter_id(),
        normalizer: Normalizer::new(config),
        categories,
        terms,
        patterns,
        automaton,
        ascii: std::sync::OnceLock::new(),
        regex_rules,
        regexes,
        co_rules,
        allow_count,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn crc32_matches_the_standard_check_value_at_every_length() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Against the bitwise definition, across crc32fast's folding of 64-byte blocks (and its
        // 128-byte minimum for it) and the bytes left over.
        let data: Vec<u8> = (0..300u32).map(|i| (i * 37 + 11) as u8).collect();
        for len in 0..data.len() {
            let mut c = !0u32;
            for &b in &data[..len] {
                c ^= u32::from(b);
                for _ in 0..8 {
                    c = if c & 1 != 0 {
                        0xEDB8_8320 ^ (c >> 1)
                    } else {
                        c >> 1
                    };
                }
            }
            assert_eq!(crc32(&data[..len]), !c, "length {len}");
        }
    }
}
