use std::fmt;
use std::ops::{BitOr, BitOrAssign};

/// Bit flags naming the disguises the normaliser undid for a character or a match.
///
/// ```
/// use jingwang::Evasion;
/// let e = Evasion::TRADITIONAL | Evasion::SEPARATOR;
/// assert!(e.contains(Evasion::TRADITIONAL));
/// assert_eq!(e.to_string(), "traditional|separator");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Evasion(u32);

macro_rules! evasions {
    ($($(#[$doc:meta])* $name:ident = $bit:expr, $text:literal;)*) => {
        impl Evasion {
            $($(#[$doc])* pub const $name: Evasion = Evasion(1 << $bit);)*

            /// Every flag with its lower-case name, in bit order.
            pub const ALL: &'static [(Evasion, &'static str)] = &[$((Evasion::$name, $text)),*];
        }
    };
}

evasions! {
    /// Full-width or other compatibility forms (ＧＵＮ, ①, ㈠) were folded.
    FULLWIDTH = 0, "fullwidth";
    /// Upper case was folded to lower case.
    CASE = 1, "case";
    /// Diacritics were removed from a Latin letter (é → e, ɓ → b).
    DIACRITIC = 2, "diacritic";
    /// A traditional Chinese character was converted to simplified (軍 → 军).
    TRADITIONAL = 3, "traditional";
    /// A variant or radical form of a Chinese character was converted (鎗 → 枪, ⺡ → 氵).
    VARIANT = 4, "variant";
    /// Junk (spaces, punctuation, symbols) between characters was skipped.
    SEPARATOR = 5, "separator";
    /// Invisible characters (zero-width, bidi controls, variation selectors) were skipped.
    INVISIBLE = 6, "invisible";
    /// Emoji were skipped.
    EMOJI = 7, "emoji";
    /// A look-alike letter from another script or a styled alphabet was folded (Cyrillic а, 𝐠, ⓖ, ɢ).
    HOMOGLYPH = 8, "homoglyph";
    /// A leetspeak digit or symbol inside a Latin word was read as a letter (w3ap0n).
    LEET = 9, "leet";
    /// Single letters spaced out with junk were joined (g u n, g.u.n).
    SPACED = 10, "spaced";
    /// Chinese or styled numerals were read as digits (壹叁捌 → 138).
    NUMERAL = 11, "numeral";
    /// A run of one repeated character was collapsed (weeeapon, 军军火).
    REPEAT = 12, "repeat";
    /// A character was written as its split components (木仓 for 枪).
    SPLIT = 13, "split";
    /// A Chinese word was written in pinyin (junhuo for 军火).
    PINYIN = 14, "pinyin";
}

impl Evasion {
    /// No flag.
    pub const fn empty() -> Evasion {
        Evasion(0)
    }

    /// The raw bits (the same numbers as the C API's `JW_EVASION_*`).
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Flags from raw bits; unknown bits are dropped.
    pub const fn from_bits_truncate(bits: u32) -> Evasion {
        Evasion(bits & Evasion::ALL_BITS)
    }

    /// Every defined bit.
    const ALL_BITS: u32 = {
        let mut all = 0;
        let mut i = 0;
        while i < Evasion::ALL.len() {
            all |= Evasion::ALL[i].0 .0;
            i += 1;
        }
        all
    };

    /// Whether no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every flag of `other` is set in `self`.
    pub const fn contains(self, other: Evasion) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set in `self`.
    pub const fn intersects(self, other: Evasion) -> bool {
        self.0 & other.0 != 0
    }

    /// The union of two sets of flags.
    pub const fn union(self, other: Evasion) -> Evasion {
        Evasion(self.0 | other.0)
    }

    /// The names of the flags that are set, in bit order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Evasion::ALL
            .iter()
            .filter(move |(e, _)| self.contains(*e))
            .map(|(_, n)| *n)
    }
}

impl BitOr for Evasion {
    type Output = Evasion;
    fn bitor(self, rhs: Evasion) -> Evasion {
        Evasion(self.0 | rhs.0)
    }
}

impl BitOrAssign for Evasion {
    fn bitor_assign(&mut self, rhs: Evasion) {
        self.0 |= rhs.0;
    }
}

impl fmt::Display for Evasion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.names().enumerate() {
            if i > 0 {
                f.write_str("|")?;
            }
            f.write_str(n)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Evasion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Evasion({self})")
    }
}
