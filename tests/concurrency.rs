//! Concurrency and hot swap: many threads scanning one shared filter give exactly the single-threaded
//! results, and while another thread keeps swapping in rebuilt filters every scan sees one complete
//! filter (all of one generation, never a mix) and no scan fails.
//!
//! The swap pattern is the one of `examples/service.rs`: a `RwLock<Filter>` whose readers clone the
//! filter (an `Arc` bump) and release the lock before scanning, so a swap never waits for a scan.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, RwLock};
use std::thread;

use jingwang::{Filter, Match, Scratch, Severity};

const TEXTS: &[&str] = &[
    "出售軍火和槍支，加微信 13800138000，代号0 代号1 代号2 代号3",
    "g u n and w3ap0n, begun guns, 水枪 is a toy",
    "冰 毒 木仓 暗号：代号2",
    "",
    "nothing to see here, 完全正常的句子。",
];

const GENERATIONS: usize = 4;

/// Generation `g`: the same base terms, plus a marker term `代号{g}` in category `gen{g}`, and a rule
/// whose severity depends on `g` so mixing generations would show in the results.
fn build(g: usize) -> Filter {
    let mut b = Filter::builder();
    b.add_term("军火", "weapons", Severity::High)
        .add_term("枪支", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::Medium)
        .add_term("weapon", "weapons", Severity::Medium)
        .add_term("冰毒", "drugs", Severity::Critical)
        .add_term(&format!("代号{g}"), &format!("gen{g}"), Severity::Low)
        .add_allow("水枪")
        .add_regex(
            r"1[3-9]\d{9}",
            Some("mobile"),
            "contact",
            Severity::ALL[g % Severity::ALL.len()],
        );
    b.build().expect("generation builds")
}

/// What a scan shows, by names (ids may differ between rebuilt filters).
type Seen = Vec<(usize, usize, String, String, Severity)>;

fn seen(f: &Filter, matches: &[Match]) -> Seen {
    matches
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
}

/// Everything a filter reports for every text, single-threaded with fresh memory.
fn reference(f: &Filter) -> Vec<(Seen, Seen, bool, String)> {
    TEXTS
        .iter()
        .map(|t| {
            (
                seen(f, &f.find_all(t)),
                seen(f, &f.find_iter(t)),
                f.is_match(t),
                f.mask(t),
            )
        })
        .collect()
}

/// The same with a reused scratch (shared across filters, as a worker thread would).
fn with_scratch(f: &Filter, scratch: &mut Scratch) -> Vec<(Seen, Seen, bool, String)> {
    let mut out = Vec::new();
    let mut masked = String::new();
    TEXTS
        .iter()
        .map(|t| {
            f.find_all_with(t, scratch, &mut out);
            let all = seen(f, &out);
            f.find_iter_with(t, scratch, &mut out);
            let iter = seen(f, &out);
            let hit = f.is_match_with(t, scratch);
            f.mask_into(t, '*', scratch, &mut masked);
            (all, iter, hit, masked.clone())
        })
        .collect()
}

/// The generation of a filter, from its marker category.
fn generation(f: &Filter) -> usize {
    let gens: Vec<usize> = f
        .categories()
        .filter_map(|(_, name)| name.strip_prefix("gen")?.parse().ok())
        .collect();
    assert_eq!(gens.len(), 1, "a filter with marker categories {gens:?}");
    gens[0]
}

#[test]
fn filter_is_send_sync_and_cheap_to_clone() {
    fn assert_traits<T: Send + Sync + Clone + std::panic::UnwindSafe + 'static>() {}
    assert_traits::<Filter>();
}

#[test]
fn threads_sharing_one_filter_match_the_single_threaded_results() {
    let f = build(0);
    let want = reference(&f);
    let threads = 4;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let f = f.clone();
            let want = want.clone();
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                let mut scratch = Scratch::new();
                barrier.wait();
                for _ in 0..30 {
                    assert_eq!(with_scratch(&f, &mut scratch), want);
                }
                assert_eq!(reference(&f), want);
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a scanning thread failed");
    }
}

#[test]
fn hot_swap_every_scan_sees_one_complete_filter() {
    let expected: Vec<_> = (0..GENERATIONS).map(|g| reference(&build(g))).collect();
    // The generations really differ, so a mix would be caught.
    for g in 1..GENERATIONS {
        assert_ne!(expected[g], expected[0]);
    }
    let current = Arc::new(RwLock::new(build(0)));
    let done = Arc::new(AtomicBool::new(false));
    let scans = Arc::new(AtomicUsize::new(0));
    let swaps = 60;
    let scanners: Vec<_> = (0..4)
        .map(|_| {
            let current = Arc::clone(&current);
            let done = Arc::clone(&done);
            let scans = Arc::clone(&scans);
            let expected = expected.clone();
            thread::spawn(move || {
                let mut scratch = Scratch::new();
                let mut generations_seen = [false; GENERATIONS];
                while !done.load(Ordering::Acquire) {
                    // Clone under the lock, scan without it.
                    let f = current.read().expect("lock").clone();
                    let g = generation(&f);
                    generations_seen[g] = true;
                    assert_eq!(
                        with_scratch(&f, &mut scratch),
                        expected[g],
                        "generation {g}"
                    );
                    scans.fetch_add(1, Ordering::Relaxed);
                }
                generations_seen.iter().filter(|&&s| s).count()
            })
        })
        .collect();
    let swapper = {
        let current = Arc::clone(&current);
        thread::spawn(move || {
            for i in 1..=swaps {
                let g = i % GENERATIONS;
                // Alternate between rebuilding and loading a saved filter, as a service would.
                let next = if i % 2 == 0 {
                    build(g)
                } else {
                    Filter::from_bytes(&build(g).to_bytes()).expect("saved filter loads")
                };
                *current.write().expect("lock") = next;
                thread::yield_now();
            }
        })
    };
    swapper.join().expect("the swapping thread failed");
    // Let the scanners see the last generation before stopping.
    let target = scans.load(Ordering::Relaxed) + 8;
    while scans.load(Ordering::Relaxed) < target {
        thread::yield_now();
    }
    done.store(true, Ordering::Release);
    let mut seen_any_swap = false;
    for s in scanners {
        let distinct = s.join().expect("a scanning thread failed");
        seen_any_swap |= distinct > 1;
    }
    assert!(scans.load(Ordering::Relaxed) > 0);
    assert!(seen_any_swap, "no scanner ever saw a swapped-in filter");
    assert_eq!(generation(&current.read().unwrap()), swaps % GENERATIONS);
}

#[test]
fn a_filter_dropped_by_a_swap_stays_valid_for_scans_holding_it() {
    let current = RwLock::new(build(1));
    let held = current.read().unwrap().clone();
    *current.write().unwrap() = build(2);
    // The old filter is still complete and usable by whoever held it.
    assert_eq!(generation(&held), 1);
    assert_eq!(reference(&held), reference(&build(1)));
    drop(held);
    assert_eq!(generation(&current.read().unwrap()), 2);
}
