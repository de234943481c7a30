//! Normaliser throughput on Chinese and English text, with `str::to_lowercase` as the yardstick.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use jingwang::{Normalized, Normalizer};
use std::hint::black_box;

fn bench_normalize(c: &mut Criterion) {
    let sets = [
        (
            "zh",
            common::load(
                "zh-clean/online_shopping_10_cats_reviews.txt",
                1 << 20,
                common::generated_zh,
            ),
        ),
        (
            "en",
            common::load(
                "en-clean/tweeteval_emoji_tweets.txt",
                1 << 20,
                common::generated_en,
            ),
        ),
        (
            "zh-trad",
            common::load(
                "zh-trad/sighan2005_as_test.txt",
                1 << 20,
                common::generated_zh,
            ),
        ),
    ];
    let normalizer = Normalizer::default();
    let mut group = c.benchmark_group("normalize");
    for (name, (text, source)) in &sets {
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut buf = Normalized::new();
        normalizer.normalize_into(text, &mut buf);
        // The bench proves it normalised the real thing: canonical text is non-trivial.
        assert!(
            buf.text().len() > text.len() / 4,
            "{name}: canonical text too short"
        );
        let id = format!("{name}-{source}");
        group.bench_with_input(BenchmarkId::new("jingwang", &id), text, |b, t| {
            b.iter(|| {
                normalizer.normalize_into(black_box(t), &mut buf);
                buf.chars().len()
            })
        });
        // The canonical text alone (what `Filter::is_match` normalises first).
        let canonical_len = buf.text().len();
        group.bench_with_input(BenchmarkId::new("jingwang-text-only", &id), text, |b, t| {
            b.iter(|| {
                normalizer.normalize_text_into(black_box(t), &mut buf);
                assert_eq!(buf.text().len(), canonical_len);
                buf.text().len()
            })
        });
        group.bench_with_input(BenchmarkId::new("to_lowercase", &id), text, |b, t| {
            b.iter(|| black_box(t).to_lowercase().len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
