//! Signing's canonical forms over any path, query and header values: no panic, stable when
//! applied twice, and parsing any Authorization header never panics.
#![no_main]

use jdc_refund::console::signing::{self, Authorization};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let path = parts.next().unwrap_or("");
    let query = parts.next().unwrap_or("");
    let value = parts.next().unwrap_or("");

    let uri = signing::canonical_uri(path, false);
    assert_eq!(signing::canonical_uri(&uri, false), uri);
    let _ = signing::canonical_uri(path, true);
    let q = signing::canonical_query(query);
    assert_eq!(signing::canonical_query(&q), q);
    let _ = signing::canonical_request(
        "POST",
        &uri,
        &q,
        &[("X-Any".to_string(), value.to_string())],
        data,
    );
    let _ = Authorization::parse(&text);
});
