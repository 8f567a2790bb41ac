//! A console answer's bytes, whatever they are, decode to a result or an error, never a panic.
#![no_main]

use jdc_refund::console::decode;
use jdc_refund::console::types::{OrderDetailResult, OrderPage, Quote, RefundPage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let http = if data.first().is_some_and(|b| b % 2 == 0) { 200 } else { 409 };
    let _ = decode::<OrderPage>(http, None, None, data);
    let _ = decode::<OrderDetailResult>(http, None, None, data);
    let _ = decode::<Quote>(http, None, None, data);
    let _ = decode::<RefundPage>(http, None, None, data);
});
