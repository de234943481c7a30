//! Hostile and bad input: huge and degenerate texts scan in linear time with bounded memory, huge and
//! malformed lexicons build or fail with clear errors, corrupted saved filters are rejected (or load a
//! filter that behaves exactly like the original), and the command line fails with one clear line.
//!
//! Sizes are chosen to keep each test under a few seconds in a debug build; docs/robustness.md has the
//! 100 MB and 1,000,000-term runs done by hand in release.
//!
//! Memory is measured in a child process: the test binary re-runs itself with only the `child` test and
//! an environment variable naming the case, and the child prints its peak resident size (`VmHWM`).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jingwang::{
    BuildErrorKind, Filter, LexiconErrorKind, LoadErrorKind, NormalizeConfig, Normalizer, Scratch,
    Severity, TermOptions, MAX_TERM_CHARS,
};

const BIN: &str = env!("CARGO_BIN_EXE_jingwang");
const CASE_VAR: &str = "JINGWANG_ROBUSTNESS_CASE";
const MIB: usize = 1 << 20;

/// A filter with Chinese and English terms, an allow entry and a regex rule.
fn filter() -> Filter {
    let mut b = Filter::builder();
    b.add_term("军火", "weapons", Severity::High)
        .add_term("枪支", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::Medium)
        .add_term("weapon", "weapons", Severity::Medium)
        .add_term("冰毒", "drugs", Severity::Critical)
        .add_allow("水枪")
        .add_regex(r"1[3-9]\d{9}", Some("mobile"), "contact", Severity::Low);
    b.build().unwrap()
}

/// The hostile texts, by name, of about `size` bytes.
fn hostile(case: &str, size: usize) -> String {
    let repeat = |unit: &str| unit.repeat(size / unit.len());
    match case {
        "zero-width" => repeat("\u{200b}"),
        "zero-width-between-term" => format!("军{}火", repeat("\u{200b}")),
        "cjk" => repeat("枪"),
        "cjk-term" => repeat("枪支"),
        "single-line" => repeat("出售军火 and a gun, 卖枪支，weapons 冰 毒 13800138000 "),
        "junk-between" => repeat("军★火"),
        "junk-between-latin" => repeat("g.u.n."),
        "near-miss" => repeat("军军军军枪枪枪冰冰冰支"),
        "near-miss-latin" => repeat("weapo gu weap wea"),
        "emoji" => repeat("😀\u{fe0f}\u{1f3fb}"),
        "combining" => format!("g{}un", repeat("\u{301}")),
        "breaks" => repeat("。\n"),
        _ => panic!("unknown case {case}"),
    }
}

const CASES: &[&str] = &[
    "zero-width",
    "zero-width-between-term",
    "cjk",
    "cjk-term",
    "single-line",
    "junk-between",
    "junk-between-latin",
    "near-miss",
    "near-miss-latin",
    "emoji",
    "combining",
    "breaks",
];

/// How long one scan of `text` takes (find_all with `scratch`), and the match count.
fn time_scan(f: &Filter, text: &str, scratch: &mut Scratch) -> (Duration, usize) {
    let mut out = Vec::new();
    let t = Instant::now();
    f.find_all_with(text, scratch, &mut out);
    (t.elapsed(), out.len())
}

/// Peak resident memory of this process in KiB (Linux `VmHWM`).
fn peak_kib() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// Runs `case` at `size` bytes in a child process; returns its peak resident KiB and whether the scan
/// found anything.
fn child_peak(case: &str, size: usize) -> (usize, usize) {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CASE_VAR, format!("{case}:{size}"))
        .stderr(Stdio::inherit())
        .output()
        .expect("run the test binary as a child");
    assert!(out.status.success(), "child for {case} failed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| -> usize {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in child output: {stdout}"))
    };
    (field("PEAK_KIB="), field("MATCHES="))
}

/// The child side of [`child_peak`]: does nothing unless the environment names a case.
#[test]
fn child() {
    let Ok(spec) = std::env::var(CASE_VAR) else {
        return;
    };
    let (case, size) = spec.split_once(':').unwrap();
    let size: usize = size.parse().unwrap();
    if case == "terms" {
        // `size` terms: build time, heap and peak memory (run by hand in release for the docs).
        let terms: Vec<String> = (0..size).map(|i| format!("违禁词{i:07}号")).collect();
        let t = Instant::now();
        let f = Filter::new(&terms).unwrap();
        println!("BUILD_MS={}", t.elapsed().as_millis());
        println!("HEAP_BYTES={}", f.heap_bytes());
        let t = Instant::now();
        let saved = f.to_bytes();
        let g = Filter::from_bytes(&saved).unwrap();
        println!(
            "SAVED_BYTES={} LOAD_MS={}",
            saved.len(),
            t.elapsed().as_millis()
        );
        let text = hostile("single-line", 10 * MIB) + &terms[size / 2];
        let t = Instant::now();
        println!("MATCHES={}", g.find_all(&text).len());
        println!("SCAN_10MB_MS={}", t.elapsed().as_millis());
        println!("PEAK_KIB={}", peak_kib());
        return;
    }
    let f = filter();
    let text = hostile(case, size);
    let before = peak_kib();
    let mut scratch = Scratch::new();
    let mut out = Vec::new();
    let t = Instant::now();
    f.find_all_with(&text, &mut scratch, &mut out);
    println!("SCAN_MS={}", t.elapsed().as_millis());
    println!("SCAN_PEAK_KIB={}", peak_kib());
    let matches = out.len();
    drop((scratch, out));
    let t = Instant::now();
    let _ = f.mask(&text);
    println!("MASK_MS={}", t.elapsed().as_millis());
    println!("BASE_KIB={before}");
    println!("PEAK_KIB={}", peak_kib());
    println!("MATCHES={matches}");
}

#[test]
fn hostile_texts_scan_in_linear_time() {
    let f = filter();
    let small = MIB / 4;
    for case in CASES {
        let a = hostile(case, small);
        let b = hostile(case, small * 4);
        // Alternated, the best of five each: other tests run on the other threads, and a burst of
        // their work during all of one size's runs would look like superlinear time.
        // A scratch each, warmed by a first scan that is not timed.
        let (mut sa, mut sb) = (Scratch::new(), Scratch::new());
        time_scan(&f, &a, &mut sa);
        time_scan(&f, &b, &mut sb);
        let (mut ta, mut tb) = (Duration::MAX, Duration::MAX);
        let (mut na, mut nb) = (0, 0);
        for _ in 0..5 {
            let (t, n) = time_scan(&f, &a, &mut sa);
            (ta, na) = (ta.min(t), n);
            let (t, n) = time_scan(&f, &b, &mut sb);
            (tb, nb) = (tb.min(t), n);
        }
        // Four times the input may take at most about ten times as long (quadratic would be 16x);
        // the floor absorbs timer noise on tiny times.
        let limit = ta.max(Duration::from_millis(5)) * 10;
        assert!(
            tb <= limit,
            "{case}: {} bytes took {tb:?}, {} bytes took {ta:?}",
            b.len(),
            a.len()
        );
        // Match counts grow at most linearly too.
        assert!(nb <= na * 5 + 5, "{case}: {na} matches, then {nb}");
    }
}

#[test]
fn hostile_texts_scan_in_bounded_memory() {
    // The text itself is in memory; scanning adds the canonical stream (at most about 20 bytes per
    // kept input character, nothing for skipped ones) and the matches.
    let size = 4 * MIB;
    let mut peaks = Vec::new();
    for case in [
        "zero-width",
        "cjk",
        "junk-between",
        "single-line",
        "near-miss",
    ] {
        let (peak, _) = child_peak(case, size);
        let bound_kib = (size * 30) / 1024 + 64 * 1024;
        assert!(
            peak <= bound_kib,
            "{case}: peak {peak} KiB for {size} bytes (bound {bound_kib} KiB)"
        );
        peaks.push(peak);
    }
    // Characters that normalise to nothing cost no canonical memory: a run of zero-width characters
    // needs far less than one of kept characters.
    let (zw, line) = (peaks[0], peaks[3]);
    assert!(
        zw < line,
        "zero-width peak {zw} KiB, single line {line} KiB"
    );
}

#[test]
fn hostile_texts_find_what_they_should() {
    let f = filter();
    let size = 64 * 1024;
    let count = |case: &str| f.find_all(&hostile(case, size)).len();
    // Junk between characters is skipped, but a long run of it is a gap no match may cross.
    assert_eq!(count("zero-width"), 0);
    assert_eq!(count("zero-width-between-term"), 0);
    let short = format!("军{}火", "\u{200b}".repeat(3));
    assert_eq!(f.find_all(&short).len(), 1);
    // A repeated CJK character: no term is invented.
    assert_eq!(count("cjk"), 0);
    // Every repetition of a term, with or without junk between its characters, is found.
    let text = hostile("cjk-term", size);
    let m = f.find_all(&text);
    assert!(!m.is_empty());
    for x in &m {
        assert_eq!(&text[x.span().range()], "枪支");
    }
    assert_eq!(m.len(), text.len() / "枪支".len());
    let text = hostile("junk-between", size);
    assert_eq!(f.find_all(&text).len(), text.len() / "军★火".len());
    let units = size / "出售军火 and a gun, 卖枪支，weapons 冰 毒 13800138000 ".len();
    assert_eq!(count("single-line"), units * 6);
    assert_eq!(count("near-miss"), 0);
    assert_eq!(count("near-miss-latin"), 0);
    assert_eq!(count("breaks"), 0);
    assert_eq!(count("emoji"), 0);
}

#[test]
fn a_hundred_thousand_terms_build_and_scan() {
    let n = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let terms: Vec<String> = (0..n).map(|i| format!("违禁词{i:06}号")).collect();
    let t = Instant::now();
    let f = Filter::new(&terms).unwrap();
    let built = t.elapsed();
    assert_eq!(f.term_count(), n);
    assert!(built < Duration::from_secs(60), "building took {built:?}");
    // Memory is linear: each CJK term brings about eleven split-character variants, about 2.3 KB per
    // term in all (a Latin term without variants needs about 270 bytes).
    assert!(f.heap_bytes() < n * 4096, "{} bytes", f.heap_bytes());
    let text = format!("前面 {} 中间 {} 后面", terms[0], terms[n - 1]);
    let m = f.find_all(&text);
    assert_eq!(m.len(), 2);
    assert_eq!(f.term(m[0].term()), terms[0]);
    assert_eq!(f.term(m[1].term()), terms[n - 1]);
    // A saved filter of that size loads and behaves the same.
    let loaded = Filter::from_bytes(&f.to_bytes()).unwrap();
    assert_eq!(loaded.find_all(&text), m);
}

#[test]
fn a_term_of_the_maximum_length_builds_and_one_char_more_is_an_error() {
    let long: String = "枪支".repeat(MAX_TERM_CHARS / 2);
    assert_eq!(long.chars().count(), MAX_TERM_CHARS);
    let f = Filter::builder()
        .add_lexicon(&format!("{long}\n"), "long.lex")
        .build()
        .unwrap();
    let text = format!("前{long}后");
    let m = f.find_all(&text);
    assert_eq!(m.len(), 1);
    assert_eq!(&text[m[0].span().range()], long);
    let too_long = format!("{long}枪");
    let e = Filter::builder()
        .add_lexicon(&format!("{too_long}\n"), "long.lex")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::Lexicon);
    assert_eq!(
        e.lexicon_error().map(|l| l.kind()),
        Some(LexiconErrorKind::TooLong)
    );
    assert!(e.to_string().contains("long.lex:1:"), "{e}");
}

#[test]
fn duplicate_terms_with_different_categories_are_both_reported() {
    let mut b = Filter::builder();
    b.add_term("军火", "weapons", Severity::High)
        .add_term("军火", "trade", Severity::Low)
        .add_term("军火", "weapons", Severity::High);
    let f = b.build().unwrap();
    // The exact duplicate is merged; the other category is a second term.
    assert_eq!(f.term_count(), 2);
    let m = f.find_all("出售军火");
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].span(), m[1].span());
    let cats: Vec<&str> = m.iter().map(|x| f.category_name(x.category())).collect();
    assert_eq!(cats, ["weapons", "trade"]);
    assert_eq!(m[0].severity(), Severity::High);
    assert_eq!(m[1].severity(), Severity::Low);
    // Non-overlapping matching picks one, deterministically the first term.
    let one = f.find_iter("出售军火");
    assert_eq!(one.len(), 1);
    assert_eq!(f.category_name(one[0].category()), "weapons");
}

#[test]
fn empty_terms_and_terms_that_normalise_to_nothing_are_clear_errors() {
    for bad in [
        "",
        "   ",
        "★★",
        "\u{200b}\u{200b}",
        "😀",
        "\u{fe0f}",
        "...",
        "\u{301}",
    ] {
        let e = Filter::new([bad]).unwrap_err();
        assert_eq!(e.kind(), BuildErrorKind::EmptyTerm, "{bad:?}: {e}");
        assert!(e.to_string().contains("normalises to nothing"), "{e}");
        let e = Filter::builder().add_allow(bad).build().unwrap_err();
        assert_eq!(e.kind(), BuildErrorKind::EmptyTerm, "allow {bad:?}: {e}");
    }
    // A term across a hard boundary can never match: an error too.
    let e = Filter::new(["军。火"]).unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::InvalidPattern, "{e}");
    // In a lexicon file the error names the line.
    let e = Filter::builder()
        .add_lexicon("军火\n★★\n", "t.lex")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::EmptyTerm);
    assert!(e.to_string().starts_with("t.lex:2:"), "{e}");
}

#[test]
fn exploding_regexes_are_a_size_limit_error() {
    for pattern in [
        r"(\w{100}){100}",
        r"\w{20000}",
        r"(?:\p{Han}|[a-z]){2000}{10}",
        r"(?:\pL|\pN){5000}",
    ] {
        let t = Instant::now();
        let built = Filter::builder()
            .add_regex(pattern, None, "bomb", Severity::Low)
            .build();
        let e = match built {
            Ok(f) => panic!("{pattern} built, {} heap bytes", f.heap_bytes()),
            Err(e) => e,
        };
        assert_eq!(e.kind(), BuildErrorKind::SizeLimit, "{pattern}: {e}");
        assert!(e.to_string().contains("size limit"), "{e}");
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "{pattern}: {:?}",
            t.elapsed()
        );
    }
    // A small limit rejects a modest regex; a large one accepts it.
    let e = Filter::builder()
        .add_regex(r"\w{50}", None, "r", Severity::Low)
        .regex_size_limit(1000)
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::SizeLimit);
    Filter::builder()
        .add_regex(r"\w{50}", None, "r", Severity::Low)
        .regex_size_limit(64 << 20)
        .build()
        .unwrap();
}

#[test]
fn variant_expansion_is_bounded() {
    // Every character of this term has split-character and pinyin forms; unbounded expansion would be
    // exponential in its length.
    let term = "枪炮毒品赌博枪支弹药冰毒海洛因".repeat(20);
    let t = Instant::now();
    let mut b = Filter::builder();
    b.add_term(&term, "bomb", Severity::High).pinyin(true);
    let f = b.build().unwrap();
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // The term and at most the default 4 pinyin variants: split forms are composed while searching,
    // they are not patterns.
    assert!(f.pattern_count() <= 1 + 4, "{} patterns", f.pattern_count());
    let mut b = Filter::builder();
    b.add_term(&term, "bomb", Severity::High)
        .pinyin(true)
        .max_variants(2);
    let f = b.build().unwrap();
    assert!(f.pattern_count() <= 1 + 2, "{} patterns", f.pattern_count());
    // Forms partly in pinyin only for terms of up to five characters: 30 choices, each joined and
    // at most once more spaced.
    let mut b = Filter::builder();
    b.add_term(&term[..15], "bomb", Severity::High).pinyin(true);
    let f = b.build().unwrap();
    assert!(f.pattern_count() > 1 + 4, "{} patterns", f.pattern_count());
    assert!(
        f.pattern_count() <= 1 + 4 + 2 * 30,
        "{} patterns",
        f.pattern_count()
    );
    // Many short terms with split characters: one pattern each.
    let terms: Vec<String> = (0..2000).map(|i| format!("枪{i}炮")).collect();
    let mut b = Filter::builder();
    for t in &terms {
        b.add_term(t, "c", Severity::Low);
    }
    let f = b.build().unwrap();
    assert_eq!(f.pattern_count(), terms.len());
}

/// Split forms are composed while searching, along side paths of the automaton: a match reads at
/// most four split forms, and a text made of nothing but split forms (each starting paths from
/// every path before it) costs bounded work per character.
#[test]
fn composing_split_forms_is_bounded() {
    let term = "枪炮毒品赌博枪支弹药冰毒海洛因".repeat(20);
    let f = Filter::builder()
        .add_term(&term, "bomb", Severity::High)
        .add_term("枪支弹药", "weapons", Severity::High)
        .build()
        .unwrap();
    let found = |text: &str| f.find_all(text).iter().any(|m| f.term(m.term()) == term);
    // 枪炮毒, 赌 and 弹 written as 木仓 火包 丰毋, 贝者 and 弓单 (品 has no split form in use).
    let rest = |chars: usize| term.chars().skip(chars).collect::<String>();
    assert!(found(&format!("木仓{}", rest(1))));
    assert!(found(&format!("木仓火包丰毋品{}", rest(4))));
    assert!(found(&format!("木仓火包丰毋品贝者{}", rest(5))));
    assert!(found(&format!("木仓火包丰毋品赌博枪支弓单{}", rest(9))));
    assert!(!found(&format!("木仓火包丰毋品贝者博枪支弓单{}", rest(9))));
    // A megabyte of split forms.
    let forms = "木仓火包丰毋贝者木仓支弓单草约".repeat(20_000);
    let t = Instant::now();
    let ms = f.find_all(&forms);
    assert!(f.is_match(&forms));
    assert_eq!(ms.len(), 20_000, "枪支弹药 once per repeat");
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

/// One match by names rather than ids: span, term, category, severity.
type Seen = (usize, usize, String, String, Severity);

/// The behaviour of a filter on a set of texts.
fn behaviour(f: &Filter) -> Vec<Vec<Seen>> {
    [
        "出售軍火和槍支，加微信 13800138000",
        "g u n and w3ap0n, begun guns",
        "冰 毒 水枪 木仓",
    ]
    .iter()
    .map(|t| {
        f.find_all(t)
            .iter()
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    f.term(m.term()).to_string(),
                    f.category_name(m.category()).to_string(),
                    m.severity(),
                )
            })
            .collect()
    })
    .collect()
}

#[test]
fn every_single_byte_change_of_a_saved_filter_is_rejected_or_harmless() {
    let f = filter();
    let want = behaviour(&f);
    let saved = f.to_bytes();
    let mut loaded = 0;
    for i in 0..saved.len() {
        for x in [0x01u8, 0x80, 0xFF] {
            let mut bytes = saved.clone();
            bytes[i] ^= x;
            if let Ok(g) = Filter::from_bytes(&bytes) {
                loaded += 1;
                assert_eq!(
                    behaviour(&g),
                    want,
                    "byte {i} ^ {x:#x} loaded a different filter"
                );
            }
        }
    }
    // Only bytes outside the checksummed payload (reserved header flags, if any) may change harmlessly.
    assert!(loaded < 3 * 8, "{loaded} corrupted filters loaded");
}

#[test]
fn every_truncation_of_a_saved_filter_is_rejected() {
    let saved = filter().to_bytes();
    for n in 0..saved.len() {
        let e = Filter::from_bytes(&saved[..n]).unwrap_err();
        assert!(
            matches!(
                e.kind(),
                LoadErrorKind::Truncated
                    | LoadErrorKind::BadMagic
                    | LoadErrorKind::ChecksumMismatch
                    | LoadErrorKind::Corrupt
            ),
            "{n} bytes: {e}"
        );
    }
    // Trailing garbage is rejected too.
    let mut longer = saved.clone();
    longer.push(0);
    assert!(Filter::from_bytes(&longer).is_err());
}

#[test]
fn a_filter_from_a_newer_format_version_is_a_clear_error() {
    let mut saved = filter().to_bytes();
    // Header: 8 bytes of magic, then the little-endian format version.
    let version = u32::from_le_bytes(saved[8..12].try_into().unwrap());
    saved[8..12].copy_from_slice(&(version + 1).to_le_bytes());
    let e = Filter::from_bytes(&saved).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::UnsupportedVersion);
    let msg = e.to_string();
    assert!(msg.contains(&format!("version {}", version + 1)), "{msg}");
    assert!(msg.contains(&format!("version {version}")), "{msg}");
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jingwang-robustness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs the CLI through `sh` (for redirections); returns (status, stdout, stderr).
fn sh(script: &str) -> (i32, String, String) {
    let out = Command::new("sh")
        .args(["-c", script])
        .env("JW", BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sh");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn one_error_line(stderr: &str) -> &str {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "want one line on stderr, got {stderr:?}");
    assert!(lines[0].starts_with("jingwang: "), "{stderr:?}");
    lines[0]
}

#[test]
fn cli_on_a_full_stdout_fails_with_one_line() {
    let lex = temp("full.lex", "军火\n".as_bytes());
    let text = temp("full.txt", "出售军火\n".repeat(1000).as_bytes());
    let (code, _, err) = sh(&format!(
        "\"$JW\" scan --no-default --lexicon '{}' '{}' > /dev/full",
        lex.display(),
        text.display()
    ));
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        one_error_line(&err),
        "jingwang: writing output: No space left on device"
    );
}

#[test]
fn cli_on_unreadable_inputs_fails_with_one_line() {
    let lex = temp("unreadable.lex", "军火\n".as_bytes());
    // /proc/self/mem cannot be read from offset 0, whoever runs the test.
    let (code, out, err) = sh(&format!(
        "\"$JW\" scan --no-default --lexicon '{}' /proc/self/mem",
        lex.display()
    ));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(one_error_line(&err).starts_with("jingwang: /proc/self/mem: "));
    // A lexicon or saved filter that is a directory.
    let (code, _, err) = sh("\"$JW\" scan --no-default --lexicon tests/data < /dev/null");
    assert_eq!(code, 2);
    assert!(one_error_line(&err).contains("tests/data"), "{err}");
    let (code, _, err) = sh("\"$JW\" scan --filter tests/data < /dev/null");
    assert_eq!(code, 2);
    assert!(one_error_line(&err).contains("tests/data"), "{err}");
}

#[test]
fn cli_rejects_invalid_utf8_and_corrupt_filters_with_one_line() {
    let lex = temp("bad-utf8.lex", b"\xe5\x86\x9b\xff\n");
    let (code, _, err) = sh(&format!(
        "\"$JW\" scan --no-default --lexicon '{}' < /dev/null",
        lex.display()
    ));
    assert_eq!(code, 2);
    assert!(one_error_line(&err).contains("invalid utf-8"), "{err}");
    // Invalid UTF-8 on stdin names its place.
    let (code, _, err) = sh(&format!(
        "printf 'ok\\n\\377\\n' | \"$JW\" scan --no-default --lexicon '{}'",
        temp("ok.lex", "军火\n".as_bytes()).display()
    ));
    assert_eq!(code, 2);
    assert!(
        one_error_line(&err).contains(":2:1: invalid UTF-8"),
        "{err}"
    );
    let mut saved = filter().to_bytes();
    let last = saved.len() - 1;
    saved[last] ^= 0xFF;
    let bad = temp("corrupt.jwf", &saved);
    let (code, _, err) = sh(&format!(
        "\"$JW\" scan --filter '{}' < /dev/null",
        bad.display()
    ));
    assert_eq!(code, 2);
    one_error_line(&err);
}

/// Regression (found by the `normalize_invariants` fuzz target, fixed on main): with `max_gap = 0`,
/// `壹1a` normalised to `1 1a` (a word-boundary space between the numeral and the Latin word) and that
/// to `1\n1a` (the space a gap too long), so normalising was not idempotent.
#[test]
fn normalizer_idempotent_with_max_gap_zero() {
    let mut config = NormalizeConfig::default();
    config.max_gap = 0;
    let n = Normalizer::new(config);
    for input in ["壹1a", "冰\u{301}壹1aaaaaaaa"] {
        let once = n.normalize_to_string(input);
        let twice = n.normalize_to_string(&once);
        assert_eq!(twice, once, "normalising {input:?} twice");
    }
}

/// Regression (found by the `lexicon_parse` fuzz target, fixed on main): a Latin word of 64 letters
/// followed by a digit and another word panicked in the normaliser ("index out of bounds: the len is 65
/// but the index is 65"), so any scan of such text crashed. The fuzz input was `*22.,UUU\0\0`, 125 × `P`,
/// `3\x0e.UUU`.
#[test]
fn normalizer_no_panic_on_64_letter_word_then_digit() {
    let inputs = [
        format!("{}3 a", "p".repeat(64)),
        format!("{}3.a", "p".repeat(64)),
        format!("{}3.a", "p".repeat(128)),
        format!("UUU{}3.UUU", "P".repeat(125)),
    ];
    let n = Normalizer::default();
    let f = Filter::new(["gun", "枪支"]).unwrap();
    for input in &inputs {
        let canon = std::panic::catch_unwind(|| n.normalize_to_string(input));
        assert!(canon.is_ok(), "normalize panicked on {input:?}");
        let found = std::panic::catch_unwind(|| f.find_all(input));
        assert!(found.is_ok(), "find_all panicked on {input:?}");
    }
}

/// Regression (found while testing robustness): a Latin word longer than 64 characters (`MAX_TOKEN` in `src/normalize/stream.rs`) is cut into
/// tokens with a space written between them, which the input does not have. So `xy` × 32 + `gun`, one
/// 67-letter word, normalises to `…xyxy gun` and the whole-word term `gun` matches inside it (a false
/// positive), while `xy` × 31 + `gun` normalises to `…xygu n` and a term that matches anywhere
/// (`word: Some(false)`) misses `gun` (padding a word moves a term across the cut: an evasion).
#[test]
fn long_latin_word_is_not_split_at_64_chars() {
    let whole = Filter::new(["gun"]).unwrap();
    let text = format!("{}gun", "xy".repeat(32));
    assert!(
        whole.find_all(&text).is_empty(),
        "whole-word gun inside {text:?}"
    );
    let mut b = Filter::builder();
    b.add_term_with(
        "gun",
        "c",
        Severity::Medium,
        TermOptions {
            word: Some(false),
            ..TermOptions::default()
        },
    );
    let anywhere = b.build().unwrap();
    for k in [30, 31, 32, 40] {
        let text = format!("{}gun", "xy".repeat(k));
        assert_eq!(
            anywhere.find_all(&text).len(),
            1,
            "substring gun in {text:?}"
        );
    }
}
