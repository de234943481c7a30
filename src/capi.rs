//! The C ABI: the only module with `unsafe`. See `include/jingwang.h`.
#![allow(unsafe_code)]

use std::ffi::c_char;

/// The library version as a NUL-terminated string, e.g. "0.1.0". Compare it with `JW_VERSION_STRING`
/// to detect a header/library mismatch. The string is static; do not free it.
#[no_mangle]
pub extern "C" fn jw_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
