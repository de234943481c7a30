//! Filter benchmarks: building and scanning with 100 and 10 000 terms over several text sizes, and the
//! literal automaton (daachorse) against aho-corasick on the same canonical text.
//!
//! Terms come from the jieba dictionary and text from the Chinese review corpora in
//! `/work/shared/corpora` when present (set `JINGWANG_CORPORA` to use another folder); otherwise
//! synthetic text is used.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jingwang::{Filter, Normalizer, Scratch, Severity};

fn corpora() -> PathBuf {
    std::env::var_os("JINGWANG_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/corpora"))
}

/// Distinct CJK words of 2 to 4 characters.
fn cjk_terms(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(dict) = std::fs::read_to_string(corpora().join("wordlists/jieba_dict.txt")) {
        // Every 7th word spreads the sample across the dictionary.
        for line in dict.lines().step_by(7) {
            let w = line.split(' ').next().unwrap_or("");
            let chars = w.chars().count();
            if (2..=4).contains(&chars) && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                out.push(w.to_string());
                if out.len() == n {
                    return out;
                }
            }
        }
    }
    let mut seed = 12345u32;
    while out.len() < n {
        let mut w = String::new();
        for _ in 0..3 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            w.push(char::from_u32(0x4e00 + (seed >> 8) % 3000).unwrap_or('一'));
        }
        out.push(w);
    }
    out
}

fn text(size: usize) -> String {
    let mut base = std::fs::read_to_string(corpora().join("zh-clean/waimai_10k_reviews.txt"))
        .unwrap_or_else(|_| {
            "这家店的菜很好吃，送餐也快，下次还会再来。Delivery was fast! ".repeat(64)
        });
    while base.len() < size {
        base = base.repeat(2);
    }
    let mut end = size;
    while !base.is_char_boundary(end) {
        end -= 1;
    }
    base.truncate(end);
    base
}

fn filter(terms: &[String]) -> Filter {
    let mut b = Filter::builder();
    for t in terms {
        b.add_term(t, "bench", Severity::Medium);
    }
    b.build().unwrap()
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    for n in [100, 10_000] {
        let terms = cjk_terms(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("terms", n), &terms, |b, terms| {
            b.iter(|| filter(black_box(terms)).pattern_count())
        });
        let bytes = filter(&terms).to_bytes();
        g.bench_with_input(BenchmarkId::new("from_bytes", n), &bytes, |b, bytes| {
            b.iter(|| {
                Filter::from_bytes(black_box(bytes))
                    .unwrap()
                    .pattern_count()
            })
        });
    }
    g.finish();
}

fn scan(c: &mut Criterion) {
    let mut g = c.benchmark_group("scan");
    g.sample_size(10);
    for n in [100, 10_000] {
        let f = filter(&cjk_terms(n));
        for size in [1 << 10, 64 << 10, 1 << 20] {
            let t = text(size);
            let mut scratch = Scratch::new();
            let mut out = Vec::new();
            f.find_all_with(&t, &mut scratch, &mut out);
            let expected = out.len();
            if n == 10_000 && size >= 64 << 10 {
                assert!(expected > 0, "the bench text should contain some terms");
            }
            g.throughput(Throughput::Bytes(t.len() as u64));
            g.bench_function(BenchmarkId::new(format!("find_all/{n}"), size), |b| {
                b.iter(|| {
                    f.find_all_with(black_box(&t), &mut scratch, &mut out);
                    assert_eq!(out.len(), expected);
                })
            });
        }
    }
    let t = text(64 << 10);
    let n = Normalizer::default();
    let mut buf = jingwang::Normalized::new();
    g.throughput(Throughput::Bytes(t.len() as u64));
    g.bench_function("normalize/65536", |b| {
        b.iter(|| {
            n.normalize_into(black_box(&t), &mut buf);
            buf.text().len()
        })
    });
    g.finish();
}

/// The literal automaton alone, on canonical text: daachorse (what the filter uses) and aho-corasick.
fn automaton(c: &mut Criterion) {
    let terms = cjk_terms(10_000);
    let n = Normalizer::default();
    let canon = n.normalize(&text(1 << 20)).text().to_string();
    let da = daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::new(&terms).unwrap();
    let ac = aho_corasick::AhoCorasick::new(&terms).unwrap();
    let count_da = da.find_overlapping_iter(&canon).count();
    let count_ac = ac.find_overlapping_iter(&canon).count();
    assert_eq!(count_da, count_ac);
    eprintln!(
        "automaton: 10000 terms, {count_da} overlapping hits in {} bytes; heap daachorse {} B, aho-corasick {} B",
        canon.len(),
        da.heap_bytes(),
        ac.memory_usage()
    );
    let mut g = c.benchmark_group("automaton");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(canon.len() as u64));
    g.bench_function("daachorse_charwise", |b| {
        b.iter(|| {
            assert_eq!(
                da.find_overlapping_iter(black_box(&canon)).count(),
                count_da
            )
        })
    });
    g.bench_function("aho_corasick", |b| {
        b.iter(|| {
            assert_eq!(
                ac.find_overlapping_iter(black_box(&canon)).count(),
                count_ac
            )
        })
    });
    g.bench_function("build_daachorse", |b| {
        b.iter(|| {
            daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::new(black_box(&terms))
                .unwrap()
                .num_states()
        })
    });
    g.bench_function("build_aho_corasick", |b| {
        b.iter(|| {
            aho_corasick::AhoCorasick::new(black_box(&terms))
                .unwrap()
                .patterns_len()
        })
    });
    g.finish();
}

criterion_group!(benches, build, scan, automaton);
criterion_main!(benches);
