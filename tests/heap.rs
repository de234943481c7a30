//! `Filter::heap_bytes()` against a counting global allocator, and warm scans of a short message that
//! allocate nothing.
//!
//! The counters are per thread, so tests running in parallel do not disturb each other.

// A global allocator cannot be written without `unsafe`; this test binary is the only place outside
// the C ABI that needs it, and it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use jingwang::{Filter, FilterBuilder, Scratch, Severity};

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
}

struct CountingAllocator;

fn record(allocations: usize, bytes: isize) {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + allocations));
    let _ = LIVE_BYTES.try_with(|n| n.set(n.get() + bytes));
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(1, layout.size() as isize);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which we pass on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(1, layout.size() as isize);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(0, -(layout.size() as isize));
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract, which we pass on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(1, new_size as isize - layout.size() as isize);
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract, which we pass on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(|n| n.get())
}

fn live_bytes() -> isize {
    LIVE_BYTES.with(|n| n.get())
}

/// `n` distinct generated CJK terms of three characters, and a few English ones.
fn terms(n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n + 4);
    let mut seed = 2024u32;
    let mut seen = std::collections::HashSet::new();
    while out.len() < n {
        let mut w = String::new();
        for _ in 0..3 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            w.push(char::from_u32(0x4e00 + (seed >> 8) % 6000).unwrap_or('一'));
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out.extend(["gun", "ammo", "counterfeit", "fake passport"].map(String::from));
    out
}

fn builder(n: usize) -> FilterBuilder {
    let mut b = Filter::builder();
    for t in terms(n) {
        b.add_term(&t, "bench", Severity::Medium);
    }
    b.add_term("军火", "weapons", Severity::High)
        .add_term("手枪", "weapons", Severity::High)
        .add_allow("水枪")
        .add_regex(
            r"出售.{0,10}[枪弹]",
            Some("sale"),
            "weapons",
            Severity::High,
        );
    b
}

/// The live bytes a built filter keeps, measured on this thread: everything the build allocated and
/// did not free.
fn measured(b: &FilterBuilder) -> (Filter, usize) {
    let before = live_bytes();
    let f = b.build().unwrap();
    let after = live_bytes();
    (f, usize::try_from(after - before).unwrap())
}

#[test]
fn heap_bytes_is_close_to_what_the_allocator_saw() {
    // Anything initialised once per process (tables, lazily built statics) is paid here, not below.
    drop(builder(10).build().unwrap());
    for n in [100, 2_000, 20_000] {
        let b = builder(n);
        let (f, live) = measured(&b);
        let reported = f.heap_bytes();
        assert!(live > 0);
        let ratio = reported as f64 / live as f64;
        eprintln!("{n} terms: heap_bytes {reported} B, {live} live bytes after build");
        assert!(
            (0.75..=1.25).contains(&ratio),
            "{n} terms: heap_bytes {reported} vs {live} live bytes (ratio {ratio:.2})"
        );
        // A loaded filter holds about as much as a built one.
        let bytes = f.to_bytes();
        let before = live_bytes();
        let loaded = Filter::from_bytes(&bytes).unwrap();
        let live_loaded = usize::try_from(live_bytes() - before).unwrap();
        let ratio = loaded.heap_bytes() as f64 / live_loaded as f64;
        assert!(
            (0.75..=1.25).contains(&ratio),
            "{n} terms loaded: heap_bytes {} vs {live_loaded} live bytes (ratio {ratio:.2})",
            loaded.heap_bytes()
        );
    }
}

#[test]
fn heap_bytes_grows_with_the_lexicon() {
    // A filter has parts that stop growing once the lexicon has used its characters (the
    // automaton's character map, the split forms the search composes), so growth is measured
    // between sizes where the terms' 6,000 characters are all in use: 90,000 more terms should
    // cost about ten times what 9,000 more do.
    let small = builder(1_000).build().unwrap().heap_bytes();
    let medium = builder(10_000).build().unwrap().heap_bytes();
    let large = builder(100_000).build().unwrap().heap_bytes();
    assert!(
        small < medium && medium < large && large - medium > 5 * (medium - small),
        "{small} B for 1,000 terms, {medium} B for 10,000, {large} B for 100,000"
    );
}

#[test]
fn a_warm_100_byte_message_allocates_nothing() {
    let f = builder(1_000).build().unwrap();
    let messages = [
        // About 100 bytes each: a clean one, one with a hit, one with a disguised hit and an allowed one.
        "今天天气很好，我们去公园散步吧。这家店的服务态度非常好，菜也好吃，下次会再来！",
        "有人私下出售军火吗？价格好商量，联系我的微信，今天晚上就可以见面交货的。",
        "出 售 手-枪 和 子弹，全新的，需要的朋友请私聊我，手枪质量保证，绝对不骗人",
        "小朋友的水枪坏了，想在网上再买一个新的水枪，大家有没有推荐的店铺和品牌呢",
    ];
    let mut scratch = Scratch::new();
    let mut out = Vec::new();
    let mut masked = String::new();
    let mut hits = 0;
    for _ in 0..2 {
        for m in messages {
            f.find_all_with(m, &mut scratch, &mut out);
            f.find_iter_with(m, &mut scratch, &mut out);
            f.is_match_with(m, &mut scratch);
            f.mask_into(m, '*', &mut scratch, &mut masked);
        }
    }
    let before = allocations();
    for m in messages {
        assert!(m.len() <= 120, "{} bytes", m.len());
        f.find_all_with(m, &mut scratch, &mut out);
        hits += out.len();
        f.find_iter_with(m, &mut scratch, &mut out);
        hits += usize::from(f.is_match_with(m, &mut scratch));
        f.mask_into(m, '*', &mut scratch, &mut masked);
    }
    let during = allocations() - before;
    assert_eq!(
        during, 0,
        "warm scans of short messages allocated {during} times"
    );
    // The scans ran for real: the second and third messages match, the fourth is allowed.
    assert!(hits >= 4, "{hits} hits");
    assert!(!f.is_match(messages[0]));
    assert!(!f.is_match(messages[3]));
    assert!(f.is_match(messages[2]));
}

#[test]
fn methods_without_a_scratch_keep_one_per_thread() {
    let f = builder(1_000).build().unwrap();
    let clean = "今天天气很好，我们去公园散步吧。这家店的服务态度非常好，菜也好吃，下次会再来！";
    let offer = "出 售 手-枪 和 子弹，全新的，需要的朋友请私聊我，手枪质量保证，绝对不骗人";
    for _ in 0..2 {
        f.is_match(clean);
        f.is_match(offer);
    }
    // Warm: is_match (which returns no owned value) allocates nothing, not even regex caches.
    let before = allocations();
    let found = (f.is_match(clean), f.is_match(offer));
    let during = allocations() - before;
    assert_eq!(found, (false, true));
    assert_eq!(during, 0, "warm is_match allocated {during} times");
    // The per-thread buffers do not keep what one long text needed.
    let long = clean.repeat(20_000);
    assert!(!f.is_match(&long));
    let before = allocations();
    f.is_match(clean);
    let during = allocations() - before;
    assert!(during > 0, "the buffers grown by a 2 MB text were kept");
    // Other threads have their own.
    std::thread::scope(|s| {
        s.spawn(|| assert!(f.is_match(offer)));
    });
    // The thread's scratch gives what a fresh one gives.
    let mut fresh = Vec::new();
    f.find_all_with(offer, &mut Scratch::new(), &mut fresh);
    assert!(!fresh.is_empty());
    assert_eq!(f.find_all(offer), fresh);
}
