//! The C ABI called from Rust with arbitrary bytes (valid UTF-8 or not), lengths, flags, indices,
//! capacities and NULL pointers. Every call must return a documented code (never `JW_PANIC`), write
//! out-parameters only on success, and keep spans inside the text. Lengths never exceed the buffers
//! actually passed (a longer length would be the caller's undefined behaviour, not a library bug).
#![no_main]
#![allow(unsafe_code)]

use std::ptr;

use jingwang as _; // Links the library that defines the `jw_*` symbols.
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

#[repr(C)]
struct Opaque {
    _private: [u8; 0],
}

#[repr(C)]
#[derive(Default, Clone, Copy, Debug)]
struct JwMatch {
    start: usize,
    end: usize,
    term_id: u32,
    category_id: u32,
    severity: u8,
    kind: u8,
    evasions: u32,
}

const JW_OK: u32 = 0;
const JW_NULL_PARAMETER: u32 = 1;
const JW_BUFFER_TOO_SMALL: u32 = 6;
const JW_PANIC: u32 = 7;
const JW_LAST: u32 = 13;

extern "C" {
    fn jw_error_code(err: *const Opaque) -> u32;
    fn jw_error_message(err: *const Opaque) -> *const std::ffi::c_char;
    fn jw_error_line(err: *const Opaque) -> u32;
    fn jw_error_column(err: *const Opaque) -> u32;
    fn jw_error_free(err: *mut Opaque);
    fn jw_result_message(code: u32) -> *const std::ffi::c_char;
    fn jw_builder_new() -> *mut Opaque;
    fn jw_builder_free(b: *mut Opaque);
    fn jw_builder_add_lexicon(
        b: *mut Opaque,
        t: *const u8,
        tl: usize,
        s: *const u8,
        sl: usize,
    ) -> u32;
    fn jw_builder_add_term(
        b: *mut Opaque,
        t: *const u8,
        tl: usize,
        c: *const u8,
        cl: usize,
        sev: u8,
    ) -> u32;
    fn jw_builder_add_allow(b: *mut Opaque, t: *const u8, tl: usize) -> u32;
    fn jw_builder_add_regex(
        b: *mut Opaque,
        p: *const u8,
        pl: usize,
        n: *const u8,
        nl: usize,
        c: *const u8,
        cl: usize,
        sev: u8,
    ) -> u32;
    fn jw_builder_set_options(b: *mut Opaque, flags: u32) -> u32;
    fn jw_builder_set_max_gap(b: *mut Opaque, gap: usize) -> u32;
    fn jw_builder_set_max_variants(b: *mut Opaque, n: usize) -> u32;
    fn jw_builder_build(b: *const Opaque, out: *mut *mut Opaque, err: *mut *mut Opaque) -> u32;
    fn jw_filter_free(f: *mut Opaque);
    fn jw_filter_clone(f: *const Opaque) -> *mut Opaque;
    fn jw_filter_load(d: *const u8, l: usize, out: *mut *mut Opaque, err: *mut *mut Opaque) -> u32;
    fn jw_filter_save(f: *const Opaque, buf: *mut u8, cap: usize, written: *mut usize) -> u32;
    fn jw_filter_is_match(
        f: *const Opaque,
        t: *const u8,
        l: usize,
        flags: u32,
        out: *mut bool,
    ) -> u32;
    fn jw_filter_find(f: *const Opaque, t: *const u8, l: usize, flags: u32, m: *mut Opaque) -> u32;
    fn jw_filter_mask(
        f: *const Opaque,
        t: *const u8,
        l: usize,
        cp: u32,
        flags: u32,
        out: *mut u8,
        cap: usize,
        written: *mut usize,
    ) -> u32;
    fn jw_filter_category_name(
        f: *const Opaque,
        id: u32,
        name: *mut *const u8,
        len: *mut usize,
    ) -> u32;
    fn jw_filter_normalize(
        f: *const Opaque,
        t: *const u8,
        l: usize,
        out: *mut u8,
        cap: usize,
        w: *mut usize,
    ) -> u32;
    fn jw_filter_heap_bytes(f: *const Opaque) -> usize;
    fn jw_filter_term_count(f: *const Opaque) -> usize;
    fn jw_filter_category_count(f: *const Opaque) -> usize;
    fn jw_matches_new() -> *mut Opaque;
    fn jw_matches_free(m: *mut Opaque);
    fn jw_matches_len(m: *const Opaque) -> usize;
    fn jw_matches_get(m: *const Opaque, i: usize, out: *mut JwMatch) -> u32;
    fn jw_matches_term(m: *const Opaque, i: usize, t: *mut *const u8, l: *mut usize) -> u32;
    fn jw_matches_category_name(
        m: *const Opaque,
        i: usize,
        t: *mut *const u8,
        l: *mut usize,
    ) -> u32;
}

fn ok_code(code: u32) -> u32 {
    assert!(code <= JW_LAST, "unknown result code {code}");
    assert_ne!(code, JW_PANIC, "a call panicked");
    // SAFETY: any code is accepted; the result is a static NUL-terminated string.
    assert!(!unsafe { jw_result_message(code) }.is_null());
    code
}

/// A (pointer, length) pair into `buf`, or NULL with an arbitrary length, chosen by the fuzz bytes.
fn arg(u: &mut Unstructured<'_>, buf: &[u8]) -> (*const u8, usize) {
    match u.int_in_range(0..=7).unwrap_or(1) {
        0 => (ptr::null(), 0),
        1 => (ptr::null(), u.arbitrary::<usize>().unwrap_or(1).max(1)),
        _ => {
            let len = u.int_in_range(0..=buf.len()).unwrap_or(buf.len());
            (buf.as_ptr(), len)
        }
    }
}

/// A piece of the fuzz input: valid UTF-8 made of interesting pieces or raw bytes.
fn bytes(u: &mut Unstructured<'_>) -> Vec<u8> {
    if u.ratio(1, 3).unwrap_or(false) {
        let n = u.int_in_range(0..=32).unwrap_or(0);
        u.bytes(n.min(u.len())).unwrap_or(&[]).to_vec()
    } else {
        jingwang_fuzz::text(u, 12).into_bytes()
    }
}

fn check_error(err: *mut Opaque) {
    if err.is_null() {
        return;
    }
    // SAFETY: `err` is a live error handed out by the library; it is freed once, here.
    unsafe {
        ok_code(jw_error_code(err));
        assert!(!jw_error_message(err).is_null());
        let _ = (jw_error_line(err), jw_error_column(err));
        jw_error_free(err);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    // SAFETY (whole block): every pointer passed is NULL or points into a live buffer at least as long
    // as the length passed with it; handles are live until their single `_free`.
    unsafe {
        let b = jw_builder_new();
        assert!(!b.is_null());
        let steps = u.int_in_range(0..=6).unwrap_or(0);
        for _ in 0..steps {
            let x = bytes(&mut u);
            let y = bytes(&mut u);
            let (xp, xl) = arg(&mut u, &x);
            let (yp, yl) = arg(&mut u, &y);
            let sev: u8 = u.arbitrary().unwrap_or(2);
            let code = match u.int_in_range(0..=6).unwrap_or(0) {
                0 => jw_builder_add_term(b, xp, xl, yp, yl, sev),
                1 => jw_builder_add_allow(b, xp, xl),
                2 => jw_builder_add_lexicon(b, xp, xl, yp, yl),
                3 => jw_builder_add_regex(b, xp, xl, yp, yl, ptr::null(), 0, sev),
                4 => jw_builder_set_options(b, u.arbitrary().unwrap_or(0)),
                5 => jw_builder_set_max_gap(b, u.int_in_range(0..=64).unwrap_or(8)),
                _ => jw_builder_set_max_variants(b, u.int_in_range(0..=64).unwrap_or(16)),
            };
            ok_code(code);
        }
        // A term that always builds, so scanning is exercised often.
        ok_code(jw_builder_add_term(b, "枪".as_ptr(), 3, ptr::null(), 0, 3));
        assert_eq!(
            jw_builder_build(b, ptr::null_mut(), ptr::null_mut()),
            JW_NULL_PARAMETER
        );
        let mut f: *mut Opaque = ptr::null_mut();
        let mut err: *mut Opaque = ptr::null_mut();
        let want_err = u.arbitrary::<bool>().unwrap_or(true);
        let errp = if want_err {
            &mut err as *mut _
        } else {
            ptr::null_mut()
        };
        let code = ok_code(jw_builder_build(b, &mut f, errp));
        jw_builder_free(b);
        if code != JW_OK {
            assert!(f.is_null(), "out written on failure");
            check_error(err);
            return;
        }
        assert!(err.is_null(), "error written on success");
        assert!(!f.is_null());
        let _ = (jw_filter_heap_bytes(f), jw_filter_term_count(f));
        let categories = jw_filter_category_count(f);

        // Save (with an arbitrary capacity) and load back.
        let mut need = 0usize;
        let code = ok_code(jw_filter_save(f, ptr::null_mut(), 0, &mut need));
        assert_eq!(code, JW_BUFFER_TOO_SMALL);
        let mut saved = vec![0u8; need];
        let cap = u.int_in_range(0..=need).unwrap_or(need);
        let mut written = usize::MAX;
        let code = ok_code(jw_filter_save(f, saved.as_mut_ptr(), cap, &mut written));
        assert_eq!(written, need);
        assert_eq!(code == JW_OK, cap == need);
        let mut g: *mut Opaque = ptr::null_mut();
        if code == JW_OK {
            let flip = u.int_in_range(0..=need.saturating_sub(1)).unwrap_or(0);
            if u.arbitrary::<bool>().unwrap_or(false) && need > 0 {
                saved[flip] ^= 0x41;
            }
            let mut e: *mut Opaque = ptr::null_mut();
            let (sp, sl) = arg(&mut u, &saved);
            let code = ok_code(jw_filter_load(sp, sl, &mut g, &mut e));
            if code != JW_OK {
                assert!(g.is_null());
                check_error(e);
            }
        }
        if g.is_null() {
            g = jw_filter_clone(f);
        }
        jw_filter_free(f);
        let f = g;

        let m = jw_matches_new();
        let text = bytes(&mut u);
        let rounds = u.int_in_range(1..=4).unwrap_or(1);
        for _ in 0..rounds {
            let (tp, tl) = arg(&mut u, &text);
            let flags: u32 = if u.arbitrary::<bool>().unwrap_or(true) {
                u.int_in_range(0..=3).unwrap_or(0)
            } else {
                u.arbitrary().unwrap_or(0)
            };
            let code = ok_code(jw_filter_find(f, tp, tl, flags, m));
            let n = jw_matches_len(m);
            if code == JW_OK {
                for i in 0..n {
                    let mut x = JwMatch::default();
                    assert_eq!(jw_matches_get(m, i, &mut x), JW_OK);
                    assert!(
                        x.start <= x.end && x.end <= tl,
                        "span {x:?} outside text of {tl} bytes"
                    );
                    assert!((x.category_id as usize) < categories);
                    let (mut p, mut l) = (ptr::null(), 0usize);
                    assert_eq!(jw_matches_term(m, i, &mut p, &mut l), JW_OK);
                    assert!(std::str::from_utf8(std::slice::from_raw_parts(p, l)).is_ok());
                    assert_eq!(jw_matches_category_name(m, i, &mut p, &mut l), JW_OK);
                    if flags & 2 == 0 {
                        let t = std::slice::from_raw_parts(tp, tl);
                        let t = std::str::from_utf8(t).expect("strict mode accepted invalid UTF-8");
                        assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
                    }
                }
            }
            let i: usize = u.arbitrary().unwrap_or(0);
            let mut x = JwMatch::default();
            let code = ok_code(jw_matches_get(m, i, &mut x));
            assert_eq!(code == JW_OK, i < n);
            let mut hit = false;
            ok_code(jw_filter_is_match(f, tp, tl, flags, &mut hit));
            ok_code(jw_filter_is_match(f, tp, tl, flags, ptr::null_mut()));
            let mut out = vec![0u8; u.int_in_range(0..=256).unwrap_or(64)];
            let cap = u.int_in_range(0..=out.len()).unwrap_or(0);
            let mut w = 0usize;
            let cp: u32 = if u.arbitrary::<bool>().unwrap_or(true) {
                u32::from('*')
            } else {
                u.arbitrary().unwrap_or(0)
            };
            ok_code(jw_filter_mask(
                f,
                tp,
                tl,
                cp,
                flags,
                out.as_mut_ptr(),
                cap,
                &mut w,
            ));
            ok_code(jw_filter_normalize(
                f,
                tp,
                tl,
                out.as_mut_ptr(),
                cap,
                &mut w,
            ));
            ok_code(jw_filter_find(ptr::null(), tp, tl, flags, m));
            ok_code(jw_filter_find(f, tp, tl, flags, ptr::null_mut()));
        }
        let (mut p, mut l) = (ptr::null(), 0usize);
        let id: u32 = u.arbitrary().unwrap_or(0);
        let code = ok_code(jw_filter_category_name(f, id, &mut p, &mut l));
        assert_eq!(code == JW_OK, (id as usize) < categories);
        jw_matches_free(m);
        jw_filter_free(f);
        jw_filter_free(ptr::null_mut());
        jw_matches_free(ptr::null_mut());
        jw_builder_free(ptr::null_mut());
        jw_error_free(ptr::null_mut());
    }
});
