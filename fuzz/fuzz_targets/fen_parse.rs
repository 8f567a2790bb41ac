//! Money parsing: any text, as user input and as JSON, never panics; what parses formats back
//! to the same amount.
#![no_main]

use jdc_refund::console::money::{Fen, SignedFen};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for allow_negative in [false, true] {
        if let Ok(fen) = Fen::parse_yuan(text, allow_negative) {
            assert_eq!(Fen::parse_yuan(&fen.to_string(), true).unwrap(), fen);
            assert!(allow_negative || !fen.is_negative());
        }
    }
    if let Ok(fen) = text.parse::<Fen>() {
        assert!(!fen.is_negative());
    }
    if let Ok(fen) = serde_json::from_str::<Fen>(text) {
        let json = serde_json::to_string(&fen).unwrap();
        assert_eq!(serde_json::from_str::<Fen>(&json).unwrap(), fen);
    }
    let _ = serde_json::from_str::<SignedFen>(text);
});
