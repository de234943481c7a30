//! Corpus loading shared by the benches.
//!
//! The corpora are found through `JINGWANG_CORPORA` (a directory laid out like `../shared/corpora`); when it is
//! unset, `../shared/corpora` next to the crate is tried; when neither exists a small generated corpus is used
//! and the bench says so on stderr.

#![allow(dead_code)]

use std::path::PathBuf;

/// The corpus directory, if any.
pub fn corpora_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("JINGWANG_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    dir.is_dir().then_some(dir)
}

/// Reads up to `max` bytes of whole lines from `rel` under the corpus directory, or returns the
/// generated fallback text.
pub fn load(rel: &str, max: usize, fallback: fn() -> String) -> (String, &'static str) {
    if let Some(dir) = corpora_dir() {
        if let Ok(text) = std::fs::read_to_string(dir.join(rel)) {
            let mut out = String::with_capacity(max.min(text.len()));
            for line in text.lines() {
                if out.len() + line.len() + 1 > max {
                    break;
                }
                out.push_str(line);
                out.push('\n');
            }
            // Small corpora are repeated to reach the requested size.
            while out.len() * 2 <= max && !out.is_empty() {
                out = out.repeat(2);
            }
            return (out, "corpus");
        }
    }
    eprintln!(
        "jingwang bench: corpus file {rel} not found (set JINGWANG_CORPORA); using generated text"
    );
    let mut out = fallback();
    while out.len() < max {
        out = out.repeat(2);
    }
    out.truncate(floor_char_boundary(&out, max));
    (out, "generated")
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Generated Chinese user text (our own sentences).
pub fn generated_zh() -> String {
    "今天天气很好，我们去公园散步吧。这家店的服务态度非常好，菜也好吃，下次还会再来！\
     快递三天就到了，包装完好，手机用起来很流畅。酒店离地铁站很近，房间干净，早餐一般。\n"
        .to_string()
}

/// Generated English user text (our own sentences).
pub fn generated_en() -> String {
    "just got back from the beach, what a day! can't wait for the weekend lol\n\
     the new phone is great but the battery could be better. anyone tried it?\n\
     meeting moved to 3pm tomorrow, see you there. thanks for the help yesterday\n"
        .to_string()
}
