//! The side-by-side benchmark suite (issue 6): jingwang next to raw literal automata on the same text and
//! the same terms.
//!
//! Groups: `normalize`, `build`, `from_bytes`, `scan` (find_all), `is_match` (on clean text) and `mask`,
//! over four corpora (Chinese user text, Traditional Chinese, English tweets, mixed zh/en) at 100 B and
//! 10 KB (and 10 MB with `JINGWANG_BENCH_FULL=1`), and lexicons of 100, the default lexicon, 10 000,
//! 100 000 and 300 000 terms. Yardsticks, without normalisation: aho-corasick (default kind and DFA; the
//! DFA only up to 10 000 terms, its build grows too large above), daachorse charwise, and rustrict on
//! English. Every bench asserts its match count.
//!
//! Environment:
//! - `JINGWANG_CORPORA`: the corpus folder (default `../shared/corpora`); generated text when absent.
//! - `JINGWANG_LEXICON_DIR`: `.lex` files to use as the `default` lexicon instead of the embedded
//!   default lexicon.
//! - `JINGWANG_BENCH_FULL=1`: add the 10 MB batch size.
//! - `JINGWANG_BENCH_LEXICONS=100,default,10k,100k,300k`: which lexicons to run.
//!
//! A summary (term and pattern counts, heap bytes, one-shot build times of the yardsticks) is written to
//! `target/criterion/suite-summary/<lexicon>.json` for `tools/bench_chart.py`.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use criterion::{BenchmarkId, Criterion, Throughput};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use jingwang::{Filter, FilterBuilder, Lexicon, Normalized, Normalizer, Scratch, Severity};

/// The aho-corasick DFA is built only up to this many patterns.
const DFA_MAX_PATTERNS: usize = 10_000;

struct Corpus {
    name: &'static str,
    files: &'static [&'static str],
    fallback: fn() -> String,
    english: bool,
}

const CORPORA: &[Corpus] = &[
    Corpus {
        name: "zh",
        files: &[
            "zh-clean/online_shopping_10_cats_reviews.txt",
            "zh-clean/waimai_10k_reviews.txt",
        ],
        fallback: common::generated_zh,
        english: false,
    },
    Corpus {
        name: "zh-trad",
        files: &[
            "zh-trad/ctcpc_cantonese_sentences.txt",
            "zh-trad/drcd_wikipedia_paragraphs.txt",
        ],
        fallback: generated_trad,
        english: false,
    },
    Corpus {
        name: "en",
        files: &[
            "en-clean/tweeteval_emoji_tweets.txt",
            "en-clean/nus_sms_en.txt",
        ],
        fallback: common::generated_en,
        english: true,
    },
    Corpus {
        name: "mixed",
        files: &[
            "zh-clean/mixed_nlpcc2018_codeswitch_weibo.txt",
            "zh-clean/mixed_trpl_zh_cn.md",
        ],
        fallback: generated_mixed,
        english: false,
    },
];

fn generated_trad() -> String {
    "今天天氣很好，我們去公園散步吧。這家店的服務態度非常好，菜也好吃，下次還會再來！\n".to_string()
}

fn generated_mixed() -> String {
    "今天的meeting改到下午三点，记得带laptop。这个app很好用，推荐给大家！\n".to_string()
}

fn sizes() -> Vec<(&'static str, usize)> {
    let mut s = vec![("100B", 100), ("10KB", 10 << 10)];
    if std::env::var("JINGWANG_BENCH_FULL").is_ok_and(|v| v == "1") {
        s.push(("10MB", 10 << 20));
    }
    s
}

/// A lexicon with the filter and the yardsticks built from the same terms.
struct Lex {
    name: String,
    source: &'static str,
    filter: Filter,
    /// The literal patterns as written (terms, co-occurrence phrases, allow phrases), deduplicated.
    terms: Vec<String>,
    ac: AhoCorasick,
    ac_dfa: Option<AhoCorasick>,
    da: CharwiseDoubleArrayAhoCorasick<u32>,
    build_ms: [f64; 4],
}

/// The default lexicon's builder and literal patterns: the embedded one
/// ([`FilterBuilder::add_default_lexicon`]), or the `.lex` files in `JINGWANG_LEXICON_DIR` when set.
fn default_lexicon() -> (FilterBuilder, Vec<String>) {
    let mut builder = Filter::builder();
    let mut lexicons = Vec::new();
    match std::env::var_os("JINGWANG_LEXICON_DIR").map(PathBuf::from) {
        Some(dir) => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("JINGWANG_LEXICON_DIR is a readable folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "lex"))
                .collect();
            files.sort();
            for f in &files {
                let lexicon = Lexicon::from_file(f).expect("the lexicon file parses");
                lexicons.push(lexicon.clone());
                builder.add_parsed(lexicon);
            }
        }
        None => {
            lexicons.push(jingwang::default_lexicon().expect("the default lexicon parses"));
            builder.add_default_lexicon();
        }
    }
    let mut terms = Vec::new();
    for lexicon in &lexicons {
        terms.extend(lexicon.terms.iter().map(|t| t.text.clone()));
        terms.extend(lexicon.allows.iter().map(|a| a.text.clone()));
        for r in &lexicon.co_rules {
            terms.extend(r.all.iter().chain(&r.none).cloned());
        }
    }
    (builder, terms)
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64() * 1e3)
}

fn make_lex(name: &str, cjk: &[String], en: &[String]) -> Lex {
    let (builder, mut terms, source) = if name == "default" {
        let (b, t) = default_lexicon();
        (b, t, "default lexicon")
    } else {
        let n: usize = name.trim_end_matches('k').parse().expect("a lexicon size");
        let n = if name.ends_with('k') { n * 1000 } else { n };
        dictionary_builder(n, cjk, en)
    };
    terms.sort();
    terms.dedup();
    terms.retain(|t| !t.is_empty());
    let (filter, ms_filter) = timed(|| builder.build().expect("the bench lexicon builds"));
    let (ac, ms_ac) = timed(|| AhoCorasick::new(&terms).expect("aho-corasick builds"));
    let (ac_dfa, ms_dfa) = if terms.len() <= DFA_MAX_PATTERNS {
        let (a, ms) = timed(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&terms)
                .expect("aho-corasick DFA builds")
        });
        (Some(a), ms)
    } else {
        (None, f64::NAN)
    };
    let (da, ms_da) =
        timed(|| CharwiseDoubleArrayAhoCorasick::<u32>::new(&terms).expect("daachorse builds"));
    Lex {
        name: name.to_string(),
        source,
        filter,
        terms,
        ac,
        ac_dfa,
        da,
        build_ms: [ms_filter, ms_ac, ms_dfa, ms_da],
    }
}

fn dictionary_builder(
    n: usize,
    cjk: &[String],
    en: &[String],
) -> (FilterBuilder, Vec<String>, &'static str) {
    let terms = common::dictionary_terms(n, cjk, en);
    let mut b = Filter::builder();
    for t in &terms {
        b.add_term(t, "bench", Severity::Medium);
    }
    (b, terms, "dictionary words")
}

fn lexicon_names() -> Vec<String> {
    let all = "100,default,10k,100k,300k";
    std::env::var("JINGWANG_BENCH_LEXICONS")
        .unwrap_or_else(|_| all.to_string())
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn ac_count(ac: &AhoCorasick, text: &str) -> usize {
    ac.find_overlapping_iter(text).count()
}

fn da_count(da: &CharwiseDoubleArrayAhoCorasick<u32>, text: &str) -> usize {
    da.find_overlapping_iter(text).count()
}

/// Benches `f` after checking that it returns `expected` (computed outside the timed loop).
fn bench_count(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    id: BenchmarkId,
    expected: usize,
    mut f: impl FnMut() -> usize,
) {
    g.bench_function(id, |b| {
        b.iter(|| {
            let n = f();
            assert_eq!(n, expected);
            n
        })
    });
}

/// Offers of the kind the default lexicon is for, disguised (our own lines).
const OFFERS: &[&str] = &[
    "出售仿真槍，加微信 abc_12345",
    "軍 火 批 發，货到付款",
    "代办身份证，联系电话 13800138000",
    "高价回收银行卡，日结",
    "出售迷药，包邮，私聊",
];

/// `text` with an offer line after its first line and every tenth line after it, at about the same
/// length.
fn with_offers(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if i % 10 == 0 {
            out.push_str(OFFERS[i / 10 % OFFERS.len()]);
            out.push('\n');
        }
        if out.len() >= text.len() {
            break;
        }
    }
    out
}

fn configure(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, len: usize) {
    if len >= 1 << 20 {
        g.sample_size(10).measurement_time(Duration::from_secs(5));
    } else {
        g.sample_size(20).measurement_time(Duration::from_secs(2));
    }
    g.throughput(Throughput::Bytes(len as u64));
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .without_plots()
        .configure_from_args();

    let cjk = common::cjk_words();
    let en = common::en_words();
    let sizes = sizes();
    let texts: Vec<Vec<(&str, String)>> = CORPORA
        .iter()
        .map(|corpus| {
            sizes
                .iter()
                .map(|&(label, n)| {
                    (
                        label,
                        common::sized(corpus.files, n, corpus.fallback, &mut |_| true).0,
                    )
                })
                .collect()
        })
        .collect();

    // normalize
    {
        let normalizer = Normalizer::default();
        let mut out = Normalized::new();
        let mut g = c.benchmark_group("normalize");
        for (corpus, texts) in CORPORA.iter().zip(&texts) {
            for (label, text) in texts {
                normalizer.normalize_into(text, &mut out);
                let expected = out.chars().len();
                configure(&mut g, text.len());
                bench_count(
                    &mut g,
                    BenchmarkId::new(corpus.name, label),
                    expected,
                    || {
                        normalizer.normalize_into(black_box(text), &mut out);
                        out.chars().len()
                    },
                );
            }
        }
        g.finish();
    }

    for name in lexicon_names() {
        let lex = make_lex(&name, &cjk, &en);
        eprintln!(
            "jingwang bench: lexicon {} ({}): {} literal patterns, {} filter patterns; heap filter {} B, aho-corasick {} B, DFA {} B, daachorse {} B; build ms filter {:.1}, aho-corasick {:.1}, DFA {:.1}, daachorse {:.1}",
            lex.name,
            lex.source,
            lex.terms.len(),
            lex.filter.pattern_count(),
            lex.filter.heap_bytes(),
            lex.ac.memory_usage(),
            lex.ac_dfa.as_ref().map_or(0, |a| a.memory_usage()),
            lex.da.heap_bytes(),
            lex.build_ms[0],
            lex.build_ms[1],
            lex.build_ms[2],
            lex.build_ms[3],
        );
        bench_lexicon(&mut c, &lex, &texts, &cjk, &en);
        // A `--test` run checks the counts only; it leaves the last real run's summary alone.
        if !std::env::args().any(|a| a == "--test") {
            write_summary(&lex.name, &lex_summary(&lex));
        }
    }
    c.final_summary();
}

fn bench_lexicon(
    c: &mut Criterion,
    lex: &Lex,
    texts: &[Vec<(&str, String)>],
    cjk: &[String],
    en: &[String],
) {
    let big = lex.terms.len() > 50_000;
    // build and from_bytes
    {
        let mut g = c.benchmark_group("build");
        g.sample_size(10)
            .measurement_time(Duration::from_secs(if big { 20 } else { 3 }))
            .throughput(Throughput::Elements(lex.terms.len() as u64));
        let builder = if lex.name == "default" {
            default_lexicon().0
        } else {
            dictionary_builder(lex.terms.len(), cjk, en).0
        };
        let expected = lex.filter.pattern_count();
        bench_count(
            &mut g,
            BenchmarkId::new("jingwang", &lex.name),
            expected,
            || builder.build().expect("builds").pattern_count(),
        );
        g.finish();

        let bytes = lex.filter.to_bytes();
        let mut g = c.benchmark_group("from_bytes");
        g.sample_size(10)
            .measurement_time(Duration::from_secs(if big { 10 } else { 2 }))
            .throughput(Throughput::Bytes(bytes.len() as u64));
        bench_count(
            &mut g,
            BenchmarkId::new("jingwang", &lex.name),
            expected,
            || {
                Filter::from_bytes(black_box(&bytes))
                    .expect("loads")
                    .pattern_count()
            },
        );
        // Loading and compiling every regex rule at once, which a loaded filter otherwise does per
        // rule when a scan first needs it.
        if lex.name == "default" {
            bench_count(
                &mut g,
                BenchmarkId::new("jingwang-all-rules-compiled", &lex.name),
                expected,
                || {
                    let f = Filter::from_bytes(black_box(&bytes)).expect("loads");
                    f.compile_regex_rules().expect("compiles");
                    f.pattern_count()
                },
            );
        }
        g.finish();
    }

    // Other corpora than zh are scanned with the default lexicon only.
    let mut scratch = Scratch::new();
    let mut matches = Vec::new();
    let mut g = c.benchmark_group("scan");
    for (corpus, texts) in CORPORA.iter().zip(texts) {
        if corpus.name != "zh" && lex.name != "default" {
            continue;
        }
        for (label, text) in texts {
            configure(&mut g, text.len());
            let f = &lex.filter;
            f.find_all_with(text, &mut scratch, &mut matches);
            let expected = matches.len();
            let id = |engine: &str| {
                BenchmarkId::new(format!("{}/{}/{engine}", corpus.name, lex.name), label)
            };
            bench_count(&mut g, id("jingwang"), expected, || {
                f.find_all_with(black_box(text), &mut scratch, &mut matches);
                matches.len()
            });
            let expected = ac_count(&lex.ac, text);
            bench_count(&mut g, id("aho-corasick"), expected, || {
                ac_count(&lex.ac, black_box(text))
            });
            if let Some(dfa) = &lex.ac_dfa {
                assert_eq!(ac_count(dfa, text), expected);
                bench_count(&mut g, id("aho-corasick-dfa"), expected, || {
                    ac_count(dfa, black_box(text))
                });
            }
            let expected = da_count(&lex.da, text);
            bench_count(&mut g, id("daachorse"), expected, || {
                da_count(&lex.da, black_box(text))
            });
            if corpus.english && lex.name == "default" {
                // rustrict judges messages: one verdict per line, counted.
                let flagged = |t: &str| {
                    t.lines()
                        .filter(|l| rustrict::CensorStr::is_inappropriate(*l))
                        .count()
                };
                let expected = flagged(text);
                bench_count(&mut g, id("rustrict"), expected, || {
                    flagged(black_box(text))
                });
            }
        }
    }
    if lex.name == "default" {
        // The corpora's pages have no match with the default lexicon (scans of them mostly measure
        // the screened path for clean text), so one more page has offers in it: the Chinese pages
        // with one of our own offer lines every tenth line, for the full pipeline.
        for (label, text) in &texts[0] {
            let text = with_offers(text);
            configure(&mut g, text.len());
            let id = |engine: &str| BenchmarkId::new(format!("zh-offers/default/{engine}"), label);
            let f = &lex.filter;
            f.find_all_with(&text, &mut scratch, &mut matches);
            let expected = matches.len();
            assert!(expected > 0, "the offers are found");
            bench_count(&mut g, id("jingwang"), expected, || {
                f.find_all_with(black_box(&text), &mut scratch, &mut matches);
                matches.len()
            });
            let expected = ac_count(&lex.ac, &text);
            bench_count(&mut g, id("aho-corasick"), expected, || {
                ac_count(&lex.ac, black_box(&text))
            });
            let expected = da_count(&lex.da, &text);
            bench_count(&mut g, id("daachorse"), expected, || {
                da_count(&lex.da, black_box(&text))
            });
        }
    }
    g.finish();

    if lex.name != "default" {
        return;
    }

    // is_match on clean text: lines that neither the filter nor the raw automaton matches.
    let sizes = sizes();
    let mut g = c.benchmark_group("is_match");
    for corpus in CORPORA {
        for &(label, n) in &sizes {
            let mut keep = |line: &str| !lex.filter.is_match(line) && !lex.ac.is_match(line);
            let (text, _) = common::sized(corpus.files, n, corpus.fallback, &mut keep);
            configure(&mut g, text.len());
            let id = |engine: &str| {
                BenchmarkId::new(format!("{}/{}/{engine}", corpus.name, lex.name), label)
            };
            let f = &lex.filter;
            assert!(
                !f.is_match_with(&text, &mut scratch),
                "the clean text is clean"
            );
            bench_count(&mut g, id("jingwang"), 0, || {
                usize::from(f.is_match_with(black_box(&text), &mut scratch))
            });
            assert!(!lex.ac.is_match(&text));
            bench_count(&mut g, id("aho-corasick"), 0, || {
                usize::from(lex.ac.is_match(black_box(&text)))
            });
            if let Some(dfa) = &lex.ac_dfa {
                assert!(!dfa.is_match(&text));
                bench_count(&mut g, id("aho-corasick-dfa"), 0, || {
                    usize::from(dfa.is_match(black_box(&text)))
                });
            }
            let da_hit = |t: &str| usize::from(lex.da.find_iter(t).next().is_some());
            assert_eq!(da_hit(&text), 0);
            bench_count(&mut g, id("daachorse"), 0, || da_hit(black_box(&text)));
        }
    }
    g.finish();

    // mask: the count is the number of bytes changed.
    let mut g = c.benchmark_group("mask");
    let mut out = String::new();
    for (corpus, texts) in CORPORA.iter().zip(texts) {
        for (label, text) in texts {
            configure(&mut g, text.len());
            let f = &lex.filter;
            let changed = |text: &str, out: &str| -> usize {
                text.chars()
                    .zip(out.chars())
                    .filter(|(a, b)| a != b)
                    .count()
            };
            f.mask_into(text, '*', &mut scratch, &mut out);
            let expected_changed = changed(text, &out);
            let expected = out.len();
            let id = BenchmarkId::new(format!("{}/{}/jingwang", corpus.name, lex.name), label);
            bench_count(&mut g, id, expected, || {
                f.mask_into(black_box(text), '*', &mut scratch, &mut out);
                out.len()
            });
            assert_eq!(changed(text, &out), expected_changed);
        }
    }
    g.finish();
}

fn lex_summary(lex: &Lex) -> String {
    let num = |x: f64| {
        if x.is_nan() {
            "null".to_string()
        } else {
            format!("{x:.3}")
        }
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "{{\"lexicon\": \"{}\", \"source\": \"{}\", \"literal_patterns\": {}, \"filter_patterns\": {}, \
         \"heap_bytes\": {{\"jingwang\": {}, \"aho-corasick\": {}, \"aho-corasick-dfa\": {}, \"daachorse\": {}}}, \
         \"saved_bytes\": {}, \
         \"build_ms\": {{\"jingwang\": {}, \"aho-corasick\": {}, \"aho-corasick-dfa\": {}, \"daachorse\": {}}}}}",
        lex.name,
        lex.source,
        lex.terms.len(),
        lex.filter.pattern_count(),
        lex.filter.heap_bytes(),
        lex.ac.memory_usage(),
        lex.ac_dfa.as_ref().map_or("null".to_string(), |a| a.memory_usage().to_string()),
        lex.da.heap_bytes(),
        lex.filter.to_bytes().len(),
        num(lex.build_ms[0]),
        num(lex.build_ms[1]),
        num(lex.build_ms[2]),
        num(lex.build_ms[3]),
    );
    s
}

fn write_summary(lexicon: &str, entry: &str) {
    let dir = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("criterion"))
        })
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/criterion"))
        .join("suite-summary");
    if std::fs::create_dir_all(&dir).is_ok() {
        let path = dir.join(format!("{lexicon}.json"));
        if let Err(e) = std::fs::write(&path, format!("{entry}\n")) {
            eprintln!("jingwang bench: cannot write {}: {e}", path.display());
        }
    }
}
