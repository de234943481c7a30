//! `Filter::from_bytes` on arbitrary bytes and on mutated saved filters: never panics; a filter that
//! loads scans without panicking, reports spans on char boundaries and saves and loads again to a
//! filter that behaves the same; an unmutated saved filter behaves exactly like the original.
#![no_main]

use std::sync::OnceLock;

use jingwang::{Filter, Severity};
use jingwang_fuzz::check_span;
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

const TEXTS: &[&str] = &[
    "出售軍火和槍支，加微信 13800138000",
    "g u n and w3ap0n, begun guns",
    "冰 毒 水枪 木仓",
    "",
];

/// The fixed filter, its saved bytes and its behaviour, built once per process (building it on every
/// run would dominate the run time).
fn original() -> &'static (Filter, Vec<u8>, Behaviour) {
    static ORIGINAL: OnceLock<(Filter, Vec<u8>, Behaviour)> = OnceLock::new();
    ORIGINAL.get_or_init(|| {
        let f = build();
        let saved = f.to_bytes();
        let b = behaviour(&f);
        (f, saved, b)
    })
}

fn build() -> Filter {
    let mut b = Filter::builder();
    b.add_term("军火", "weapons", Severity::High)
        .add_term("枪支", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::Medium)
        .add_term("weapon", "weapons", Severity::Medium)
        .add_term("冰毒", "drugs", Severity::Critical)
        .add_allow("水枪")
        .add_regex(r"1[3-9]\d{9}", Some("mobile"), "contact", Severity::Low);
    b.build().expect("the fixed filter builds")
}

type Behaviour = Vec<Vec<(usize, usize, String, String)>>;

fn behaviour(f: &Filter) -> Behaviour {
    TEXTS
        .iter()
        .map(|t| {
            f.find_all(t)
                .iter()
                .map(|m| {
                    check_span(t, m.span());
                    (
                        m.start(),
                        m.end(),
                        f.term(m.term()).to_string(),
                        f.category_name(m.category()).to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mode: u8 = u.arbitrary().unwrap_or(0);
    let bytes = if mode.is_multiple_of(4) {
        u.take_rest().to_vec()
    } else {
        let (_, saved, want) = original();
        let mut saved = saved.clone();
        let mutations = u.int_in_range(0..=4).unwrap_or(0);
        for _ in 0..mutations {
            if saved.is_empty() {
                break;
            }
            let at = u.choose_index(saved.len()).unwrap_or(0);
            match u.int_in_range(0..=3).unwrap_or(0) {
                0 => saved[at] ^= u.arbitrary::<u8>().unwrap_or(1).max(1),
                1 => saved.truncate(at),
                2 => {
                    let b: u8 = u.arbitrary().unwrap_or(0);
                    saved.insert(at, b);
                }
                _ => {
                    saved.remove(at);
                }
            }
        }
        if mutations == 0 {
            let loaded = Filter::from_bytes(&saved).expect("an unmutated saved filter loads");
            assert_eq!(&behaviour(&loaded), want);
        }
        saved
    };
    if let Ok(loaded) = Filter::from_bytes(&bytes) {
        let b1 = behaviour(&loaded);
        for t in TEXTS {
            let _ = loaded.is_match(t);
            let _ = loaded.mask(t);
            let _ = loaded.find_iter(t);
        }
        let _ = loaded.heap_bytes();
        let again =
            Filter::from_bytes(&loaded.to_bytes()).expect("a loaded filter saves and loads again");
        assert_eq!(behaviour(&again), b1);
    }
});
