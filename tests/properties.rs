//! Properties over any input: signing's canonical forms, a signature verified as the sandbox
//! verifies it, and envelope decoding that never panics and keeps what the console said.

use jdc_refund::console::signing::{self, Algorithm, Authorization, SignInput};
use jdc_refund::console::types::OrderPage;
use jdc_refund::console::{decode, ConsoleError};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

fn is_canonical_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.~/%".contains(c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn canonical_uri_is_encoded_and_means_the_same(path in "\\PC{0,40}") {
        let uri = signing::canonical_uri(&path, false);
        prop_assert!(uri.chars().all(is_canonical_char), "{uri}");
        // Decoding gives back what the path decodes to: nothing lost, nothing added.
        let original = percent_decode_str(&path).decode_utf8_lossy().into_owned();
        let again = percent_decode_str(&uri).decode_utf8_lossy().into_owned();
        if !original.is_empty() {
            prop_assert_eq!(again, original);
        }
        // Canonicalising twice changes nothing.
        prop_assert_eq!(signing::canonical_uri(&uri, false), uri.clone());
        // The keep-colon variant differs only in how `:` is written.
        let kept = signing::canonical_uri(&path, true);
        prop_assert_eq!(kept.replace(':', "%3A"), uri);
    }

    #[test]
    fn canonical_query_is_sorted_and_stable(query in "[a-zA-Z0-9=&%:+ ~._-]{0,60}") {
        let q = signing::canonical_query(&query);
        prop_assert_eq!(signing::canonical_query(&q), q.clone());
        let pairs: Vec<&str> = if q.is_empty() { vec![] } else { q.split('&').collect() };
        let mut sorted: Vec<(String, String)> = pairs
            .iter()
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), v.to_string())
            })
            .collect();
        let original = sorted.clone();
        sorted.sort();
        prop_assert_eq!(sorted, original);
        prop_assert!(pairs.iter().all(|p| !p.starts_with('=')), "no empty keys: {q}");
    }

    #[test]
    fn header_values_are_trimmed_and_names_lowercased(
        value in "[ \\t]{0,3}[!-~]{1,20}[ \\t]{0,3}",
        name in "[A-Za-z][A-Za-z-]{0,12}",
    ) {
        let canonical = signing::canonical_request(
            "GET",
            "/",
            "",
            &[(name.clone(), value.clone())],
            b"",
        );
        let line = format!("{}:{}\n", name.to_ascii_lowercase(), value.trim());
        prop_assert!(canonical.contains(&line), "{canonical}");
    }

    /// What the client signs, the sandbox's way of checking accepts; one changed byte of the
    /// body does not.
    #[test]
    fn a_signature_verifies_and_a_changed_body_does_not(
        path in "/[a-z0-9:/._-]{0,30}",
        query in "([a-z]{1,5}=[a-z0-9]{0,5}&?){0,3}",
        body in proptest::collection::vec(any::<u8>(), 0..200),
        secret in "[!-~]{1,40}",
        v2 in any::<bool>(),
    ) {
        let algorithm = if v2 { Algorithm::V2 } else { Algorithm::V3 };
        let date = "20261127T010203Z";
        let headers = vec![
            ("content-type".to_string(), "application/json".to_string()),
            ("host".to_string(), "127.0.0.1:8000".to_string()),
            ("x-jdcloud-date".to_string(), date.to_string()),
        ];
        let signed = signing::sign(&SignInput {
            algorithm,
            access_key: "AK",
            secret_key: &secret,
            region: "cn-north-1",
            service: "refund",
            method: "POST",
            path: &path,
            query: &query,
            date,
            headers: &headers,
            body: &body,
        });
        let auth = Authorization::parse(&signed.authorization).unwrap();
        let verify = |body: &[u8]| {
            let canonical = signing::canonical_request(
                "POST",
                &signing::canonical_uri(&path, false),
                &signing::canonical_query(&query),
                &headers,
                body,
            );
            let scope = signing::scope(auth.algorithm, date, &auth.region, &auth.service);
            let sts = signing::string_to_sign(auth.algorithm, date, &scope, &canonical);
            let key = signing::signing_key(auth.algorithm, &secret, &auth.day, &auth.region, &auth.service);
            signing::signatures_equal(&signing::signature(&key, &sts), &auth.signature)
        };
        prop_assert!(verify(&body));
        let mut changed = body.clone();
        if changed.is_empty() {
            changed.push(b'x');
        } else {
            changed[0] ^= 1;
        }
        prop_assert!(!verify(&changed));
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300), http in 100u16..600) {
        let _ = decode::<OrderPage>(http, None, None, &bytes);
    }

    #[test]
    fn a_console_error_is_kept_word_for_word(
        code in 400u16..600,
        status in "[A-Z_]{1,20}",
        message in "\\PC{0,60}",
        request_id in "[a-z0-9-]{1,20}",
    ) {
        let body = serde_json::json!({
            "requestId": request_id,
            "error": {"code": code, "status": status, "message": message},
        });
        let bytes = serde_json::to_vec(&body).unwrap();
        match decode::<OrderPage>(code, None, None, &bytes) {
            Err(ConsoleError::Api { http, status: s, message: m, request_id: r, .. }) => {
                prop_assert_eq!(http, code);
                prop_assert_eq!(s, status);
                prop_assert_eq!(m, message);
                prop_assert_eq!(r.as_deref(), Some(request_id.as_str()));
            }
            other => prop_assert!(false, "{other:?}"),
        }
    }

    #[test]
    fn json_fragments_are_invalid_responses_not_panics(
        cut in 0usize..120,
    ) {
        let full = br#"{"requestId":"r1","result":{"resultList":[{"orderNumber":"1","totalFee":1.5,"discountFee":0,"actualFee":"1.50"}],"totalCount":1,"totalPage":1}}"#;
        let bytes = &full[..cut.min(full.len())];
        let result = decode::<OrderPage>(200, Some("hdr".into()), None, bytes);
        if cut >= full.len() {
            prop_assert!(result.is_ok());
        } else {
            let is_invalid = matches!(result, Err(ConsoleError::InvalidResponse { .. }));
            prop_assert!(is_invalid);
        }
    }
}
