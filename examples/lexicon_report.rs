//! Measures the embedded default lexicon on real text (issue 5).
//!
//! Builds the default filter and scans every line of every file of `zh-clean`, `en-clean`, `zh-trad`, and
//! the text column of the labelled sets (`zh-labelled`, `en-labelled`, reported per label value). Prints
//! Markdown to stdout: per file, lines, lines flagged (any match outside `contact`), their share, lines
//! with a `contact` match, and the terms and rules that flagged most; then one summary table. Matched
//! snippets go to stderr, for inspection only.
//!
//! Run: `cargo run --release --example lexicon_report [CORPORA_DIR]`
//! (CORPORA_DIR defaults to `$JINGWANG_CORPORA`, then `../shared/corpora`; exits 2 when it is absent).
//! `REPORT_ONLY=substring` limits the scan to files whose path contains it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jingwang::{default_lexicon, Filter, Match, Scratch};

/// The plain-text corpus folders, one record per line.
const PLAIN_DIRS: &[&str] = &["zh-clean", "en-clean", "zh-trad"];
/// The labelled corpus folders (CSV or TSV with a header).
const LABELLED_DIRS: &[&str] = &["zh-labelled", "en-labelled"];
/// Header names of the text column, in order of preference.
const TEXT_COLUMNS: &[&str] = &[
    "text",
    "comment_text",
    "weibo_text",
    "content",
    "tweet",
    "sms",
];
/// Header names of the label column, in order of preference.
const LABEL_COLUMNS: &[&str] = &["label", "class", "toxic"];
/// How many top terms to print per file.
const TOP_TERMS: usize = 8;
/// How many snippets per file to print on stderr.
const SNIPPETS: usize = 40;

/// Counts for one file or one label value of a file.
#[derive(Debug, Default, Clone)]
struct Counts {
    lines: usize,
    flagged: usize,
    contact: usize,
    /// (category, term or rule) → lines it flagged.
    terms: BTreeMap<(String, String), usize>,
}

impl Counts {
    fn share(&self) -> f64 {
        100.0 * self.flagged as f64 / self.lines.max(1) as f64
    }

    fn contact_share(&self) -> f64 {
        100.0 * self.contact as f64 / self.lines.max(1) as f64
    }

    fn top(&self, n: usize) -> Vec<(&(String, String), usize)> {
        let mut v: Vec<_> = self.terms.iter().map(|(k, c)| (k, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// One scanned record source: a file name and the (label, text) records in it.
struct Scanner<'f> {
    filter: &'f Filter,
    scratch: Scratch,
    out: Vec<Match>,
    /// Whether contact matches are printed to stderr too (`REPORT_CONTACT=1`).
    show_contact: bool,
}

impl Scanner<'_> {
    /// Scans one record and adds it to `counts`; prints a snippet to stderr while `snippets` lasts.
    fn scan(&mut self, text: &str, counts: &mut Counts, name: &str, snippets: &mut usize) {
        counts.lines += 1;
        self.out.clear();
        self.filter
            .find_all_with(text, &mut self.scratch, &mut self.out);
        let mut flagged = false;
        let mut contact = false;
        let mut seen: Vec<(String, String)> = Vec::new();
        for m in &self.out {
            let category = self.filter.category_name(m.category());
            if category == "contact" {
                if !contact && self.show_contact && *snippets > 0 {
                    *snippets -= 1;
                    eprintln!(
                        "{name}: contact {:?} <- {} in {:?}",
                        &text[m.span().range()],
                        self.filter.term(m.term()),
                        excerpt(text, m.start(), m.end())
                    );
                }
                contact = true;
                continue;
            }
            flagged = true;
            let key = (category.to_string(), self.filter.term(m.term()).to_string());
            if !seen.contains(&key) {
                if *snippets > 0 {
                    *snippets -= 1;
                    eprintln!(
                        "{name}: {:?} <- {} [{}] in {:?}",
                        &text[m.span().range()],
                        key.1,
                        key.0,
                        excerpt(text, m.start(), m.end())
                    );
                }
                seen.push(key);
            }
        }
        for key in seen {
            *counts.terms.entry(key).or_default() += 1;
        }
        counts.flagged += usize::from(flagged);
        counts.contact += usize::from(contact);
    }
}

/// Up to 30 characters either side of a match.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..start].chars().rev().take(30).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[end..].chars().take(30).collect();
    format!("{before}[{}]{after}", &text[start..end])
}

/// The corpus directory, if it exists.
fn corpora_dir(arg: Option<&str>) -> Option<PathBuf> {
    let dir = arg
        .filter(|a| !a.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("JINGWANG_CORPORA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    dir.is_dir().then_some(dir)
}

/// Every regular file under `dir` (recursively), sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Splits CSV text into records of fields (RFC 4180 quoting; quoted fields may hold newlines).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Splits TSV text into records (no quote handling: some messages hold a bare `"`).
fn tsv_records(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| {
            l.trim_end_matches('\r')
                .split('\t')
                .map(String::from)
                .collect()
        })
        .collect()
}

/// The (label, text) records of a labelled file, or `None` when no text column is found.
fn labelled_records(path: &Path) -> Option<Vec<(String, String)>> {
    let raw = std::fs::read_to_string(path).ok()?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let records = if path.extension().is_some_and(|e| e == "tsv") {
        tsv_records(raw)
    } else {
        csv_records(raw)
    };
    let (header, rows) = records.split_first()?;
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| header.iter().position(|h| h.trim().eq_ignore_ascii_case(n)))
    };
    let text_col = find(TEXT_COLUMNS)?;
    let label_col = find(LABEL_COLUMNS);
    Some(
        rows.iter()
            .filter_map(|r| {
                let text = r.get(text_col)?.trim();
                if text.is_empty() {
                    return None;
                }
                let label = match label_col {
                    Some(i) => r.get(i).map_or("?", |s| s.trim()).to_string(),
                    None => "(none)".to_string(),
                };
                Some((label, text.to_string()))
            })
            .collect(),
    )
}

/// One summary row: file, label value, counts.
type Row = (String, String, Counts);

fn print_file(name: &str, per_label: &BTreeMap<String, Counts>) {
    println!("### {name}\n");
    println!(
        "| Label | Lines | Lines flagged | Share | Lines with contact matches | Contact share |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (label, c) in per_label {
        println!(
            "| {label} | {} | {} | {:.3}% | {} | {:.2}% |",
            c.lines,
            c.flagged,
            c.share(),
            c.contact,
            c.contact_share()
        );
    }
    let mut all = Counts::default();
    for c in per_label.values() {
        all.lines += c.lines;
        all.flagged += c.flagged;
        all.contact += c.contact;
        for (k, n) in &c.terms {
            *all.terms.entry(k.clone()).or_default() += n;
        }
    }
    let top = all.top(TOP_TERMS);
    if !top.is_empty() {
        println!("\n| Top flagging term or rule | Category | Lines |");
        println!("|---|---|---:|");
        for ((category, term), n) in top {
            println!("| `{}` | {category} | {n} |", term.replace('|', "\\|"));
        }
    }
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(corpora) = corpora_dir(args.get(1).map(String::as_str)) else {
        eprintln!(
            "no corpus directory: pass one, set JINGWANG_CORPORA, or provide ../shared/corpora"
        );
        std::process::exit(2);
    };
    let lexicon = match default_lexicon() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("default lexicon: {e}");
            std::process::exit(2);
        }
    };
    let mut builder = Filter::builder();
    builder.add_parsed(lexicon);
    let filter = match builder.build() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("default filter: {e}");
            std::process::exit(2);
        }
    };
    let only = std::env::var("REPORT_ONLY").unwrap_or_default();
    let mut scanner = Scanner {
        filter: &filter,
        scratch: Scratch::new(),
        out: Vec::new(),
        show_contact: std::env::var_os("REPORT_CONTACT").is_some(),
    };
    let mut rows: Vec<Row> = Vec::new();
    println!("# Default lexicon on real text\n");
    let mut sources: Vec<(PathBuf, bool)> = Vec::new();
    for dir in PLAIN_DIRS {
        sources.extend(
            files_under(&corpora.join(dir))
                .into_iter()
                .map(|p| (p, false)),
        );
    }
    for dir in LABELLED_DIRS {
        sources.extend(
            files_under(&corpora.join(dir))
                .into_iter()
                .map(|p| (p, true)),
        );
    }
    for (path, labelled) in sources {
        let name = path
            .strip_prefix(&corpora)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        if !name.contains(&only) {
            continue;
        }
        let mut per_label: BTreeMap<String, Counts> = BTreeMap::new();
        let mut snippets = SNIPPETS;
        if labelled {
            let Some(records) = labelled_records(&path) else {
                eprintln!("{name}: no text column found, skipped");
                continue;
            };
            for (label, text) in &records {
                let c = per_label.entry(label.clone()).or_default();
                scanner.scan(text, c, &name, &mut snippets);
            }
        } else {
            let Ok(text) = std::fs::read_to_string(&path) else {
                eprintln!("{name}: not readable as UTF-8, skipped");
                continue;
            };
            let c = per_label.entry("—".to_string()).or_default();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                scanner.scan(line, c, &name, &mut snippets);
            }
        }
        print_file(&name, &per_label);
        for (label, c) in per_label {
            rows.push((name.clone(), label, c));
        }
    }
    println!("## Summary\n");
    println!("| Corpus file | Label | Lines | Lines flagged | Share | Contact lines | Contact share | Main causes |");
    println!("|---|---|---:|---:|---:|---:|---:|---|");
    for (name, label, c) in &rows {
        let causes: Vec<String> = c
            .top(3)
            .into_iter()
            .map(|((_, t), n)| format!("`{}` {n}", t.replace('|', "\\|")))
            .collect();
        println!(
            "| {name} | {label} | {} | {} | {:.3}% | {} | {:.2}% | {} |",
            c.lines,
            c.flagged,
            c.share(),
            c.contact,
            c.contact_share(),
            if causes.is_empty() {
                "—".to_string()
            } else {
                causes.join(", ")
            }
        );
    }
}
