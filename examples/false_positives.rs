//! Measures the false positives that normalisation itself makes (issue 3).
//!
//! Builds a filter from 10,000 ordinary words (5,000 frequent Chinese words from jieba, 5,000 English words
//! from wamerican) and scans the clean corpora. A match counts as made by normalisation when its original
//! text is not literally the word after case, width and traditional folding only (so junk skipping,
//! joining across punctuation, leetspeak, look-alikes, split characters or repeats made it), or when a Latin
//! word matched inside a longer word. Prints, per file, the share of lines with such a match.
//!
//! Run: `cargo run --release --example false_positives [CORPORA_DIR] [MAX_LINES_PER_FILE]`
//! (CORPORA_DIR defaults to `$JINGWANG_CORPORA`, then `../shared/corpora`).

use std::path::{Path, PathBuf};

use jingwang::{Filter, NormalizeConfig, Normalizer, Severity};

/// Per-file outcome.
#[derive(Debug, Default)]
pub struct FileReport {
    /// The file name.
    pub name: String,
    /// Lines scanned.
    pub lines: usize,
    /// Lines with any match.
    pub matched: usize,
    /// Lines with a match made by normalisation.
    pub made: usize,
    /// A few examples: (original text, term).
    pub examples: Vec<(String, String)>,
}

/// The corpus directory, if it exists.
pub fn corpora_dir(arg: Option<&str>) -> Option<PathBuf> {
    let dir = arg
        .filter(|a| !a.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("JINGWANG_CORPORA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    dir.is_dir().then_some(dir)
}

/// 5,000 frequent Chinese words (2–4 Han characters) and 5,000 English words (4+ lower-case letters).
pub fn ordinary_words(corpora: &Path, per_language: usize) -> Vec<String> {
    let jieba =
        std::fs::read_to_string(corpora.join("wordlists/jieba_dict.txt")).unwrap_or_default();
    let mut zh: Vec<(u64, &str)> = jieba
        .lines()
        .filter_map(|l| {
            let mut it = l.split(' ');
            let w = it.next()?;
            let f: u64 = it.next()?.parse().ok()?;
            let n = w.chars().count();
            ((2..=4).contains(&n) && w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
                .then_some((f, w))
        })
        .collect();
    zh.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let mut words: Vec<String> = zh
        .iter()
        .take(per_language)
        .map(|(_, w)| w.to_string())
        .collect();
    let en_all =
        std::fs::read_to_string(corpora.join("wordlists/wamerican_huge.txt")).unwrap_or_default();
    let en: Vec<&str> = en_all
        .lines()
        .filter(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let step = (en.len() / per_language.max(1)).max(1);
    words.extend(
        en.iter()
            .step_by(step)
            .take(per_language)
            .map(|w| w.to_string()),
    );
    words
}

/// Scans one file (at most `max_lines` lines) with `filter` and classifies its matches.
pub fn scan_file(filter: &Filter, path: &Path, max_lines: usize) -> FileReport {
    let mut light = NormalizeConfig::default();
    light.diacritics = false;
    light.variants = false;
    light.homoglyphs = false;
    light.leet = false;
    light.skip_junk = false;
    light.join_spaced = false;
    light.numerals = false;
    light.collapse_repeats = false;
    let literal = Normalizer::new(light);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut report = FileReport {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..FileReport::default()
    };
    for line in text.lines().take(max_lines) {
        report.lines += 1;
        let matches = filter.find_all(line);
        if matches.is_empty() {
            continue;
        }
        report.matched += 1;
        let made = matches.iter().find(|m| {
            let original = &line[m.span().range()];
            let term = filter.term(m.term());
            let (o, t) = (
                literal.normalize_to_string(original),
                literal.normalize_to_string(term),
            );
            // Plurals of Latin terms are matched on purpose.
            let plural =
                o.strip_suffix("es") == Some(t.as_str()) || o.strip_suffix('s') == Some(t.as_str());
            if o != t && !plural {
                return true;
            }
            // A Latin word inside a longer word.
            let before = line[..m.start()].chars().next_back();
            let after = line[m.end()..].chars().next();
            term.bytes().all(|b| b.is_ascii_alphabetic())
                && (before.is_some_and(|c| c.is_ascii_alphanumeric())
                    || after.is_some_and(|c| c.is_ascii_alphanumeric()))
        });
        if let Some(m) = made {
            report.made += 1;
            if report.examples.len() < 30 {
                report.examples.push((
                    line[m.span().range()].to_string(),
                    filter.term(m.term()).to_string(),
                ));
            }
        }
    }
    report
}

/// The filter of ordinary words.
pub fn ordinary_filter(words: &[String]) -> Filter {
    let mut b = Filter::builder();
    for w in words {
        b.add_term(w, "ordinary", Severity::Low);
    }
    b.build().expect("ordinary words build")
}

/// The clean corpus files.
pub fn clean_files(corpora: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["zh-clean", "en-clean"] {
        if let Ok(rd) = std::fs::read_dir(corpora.join(dir)) {
            let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            files.extend(v);
        }
    }
    files
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(corpora) = corpora_dir(args.get(1).map(String::as_str)) else {
        eprintln!("no corpus directory (pass one or set JINGWANG_CORPORA)");
        std::process::exit(2);
    };
    let max_lines = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let words = ordinary_words(&corpora, 5000);
    let t = std::time::Instant::now();
    let filter = ordinary_filter(&words);
    eprintln!("built {} words in {:.2?}", words.len(), t.elapsed());
    println!(
        "| file | lines | lines with a match | lines with a match made by normalisation | share |"
    );
    println!("|---|---:|---:|---:|---:|");
    let (mut lines, mut made) = (0, 0);
    let only = std::env::var("FP_ONLY").unwrap_or_default();
    for f in clean_files(&corpora) {
        if !f.to_string_lossy().contains(&only) {
            continue;
        }
        let r = scan_file(&filter, &f, max_lines);
        println!(
            "| {} | {} | {} | {} | {:.3}% |",
            r.name,
            r.lines,
            r.matched,
            r.made,
            100.0 * r.made as f64 / r.lines.max(1) as f64
        );
        for (orig, term) in &r.examples {
            eprintln!("  {}: {:?} matched {:?}", r.name, orig, term);
        }
        lines += r.lines;
        made += r.made;
    }
    println!(
        "| all | {lines} | | {made} | {:.3}% |",
        100.0 * made as f64 / lines.max(1) as f64
    );
}
