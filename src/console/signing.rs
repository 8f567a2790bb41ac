//! JDCLOUD3-HMAC-SHA256 and JDCLOUD2-HMAC-SHA256 request signing, shared by the client (which
//! signs) and the sandbox (which verifies). Each stage is its own function so the published
//! test vectors can be checked stage by stage.

use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// Everything but RFC 3986's unreserved characters is encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// In a path `/` also stays as it is.
const PATH: &AsciiSet = &UNRESERVED.remove(b'/');
/// The variant some signers use, leaving `:` alone (`refund:resource`).
const PATH_KEEP_COLON: &AsciiSet = &PATH.remove(b':');

/// The headers this client signs on every request.
pub const CLIENT_SIGNED_HEADERS: [&str; 4] =
    ["content-type", "host", "x-jdcloud-date", "x-jdcloud-nonce"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    V2,
    V3,
}

impl Algorithm {
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::V2 => "JDCLOUD2-HMAC-SHA256",
            Algorithm::V3 => "JDCLOUD3-HMAC-SHA256",
        }
    }

    fn key_prefix(self) -> &'static str {
        match self {
            Algorithm::V2 => "JDCLOUD2",
            Algorithm::V3 => "JDCLOUD3",
        }
    }

    pub fn terminator(self) -> &'static str {
        match self {
            Algorithm::V2 => "jdcloud2_request",
            Algorithm::V3 => "jdcloud3_request",
        }
    }

    pub fn from_name(name: &str) -> Option<Algorithm> {
        match name {
            "JDCLOUD2-HMAC-SHA256" => Some(Algorithm::V2),
            "JDCLOUD3-HMAC-SHA256" => Some(Algorithm::V3),
            _ => None,
        }
    }
}

/// The canonical form of a path: decoded once, then every byte but unreserved ones and `/`
/// percent-encoded. `keep_colon` gives the variant that leaves `:` as it is.
pub fn canonical_uri(path: &str, keep_colon: bool) -> String {
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let set = if keep_colon { PATH_KEEP_COLON } else { PATH };
    let encoded = utf8_percent_encode(&decoded, set).to_string();
    if encoded.is_empty() {
        "/".to_string()
    } else {
        encoded
    }
}

/// The canonical query: pairs decoded then encoded, empty keys dropped, sorted by key then value.
pub fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode_str(k).decode_utf8_lossy().into_owned();
            if k.is_empty() {
                return None;
            }
            let v = percent_decode_str(v).decode_utf8_lossy().into_owned();
            Some((
                utf8_percent_encode(&k, UNRESERVED).to_string(),
                utf8_percent_encode(&v, UNRESERVED).to_string(),
            ))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// `METHOD\nURI\nQUERY\nname:value\n...\n\nSIGNED\nhex(sha256(body))`. `headers` holds the
/// signed headers, lower-case names; they are sorted here.
pub fn canonical_request(
    method: &str,
    canonical_uri: &str,
    canonical_query: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> String {
    let mut headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    headers.sort();
    let mut out = format!("{method}\n{canonical_uri}\n{canonical_query}\n");
    for (name, value) in &headers {
        out.push_str(name);
        out.push(':');
        out.push_str(value);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&signed_header_list(&headers));
    out.push('\n');
    out.push_str(&sha256_hex(body));
    out
}

fn signed_header_list(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// `yyyyMMdd/REGION/SERVICE/jdcloudN_request`.
pub fn scope(alg: Algorithm, date: &str, region: &str, service: &str) -> String {
    let day = date.get(..8).unwrap_or(date);
    format!("{day}/{region}/{service}/{}", alg.terminator())
}

pub fn string_to_sign(alg: Algorithm, date: &str, scope: &str, canonical_request: &str) -> String {
    format!(
        "{}\n{date}\n{scope}\n{}",
        alg.name(),
        sha256_hex(canonical_request.as_bytes())
    )
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = HmacSha256::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().into()
}

pub fn signing_key(
    alg: Algorithm,
    secret_key: &str,
    day: &str,
    region: &str,
    service: &str,
) -> [u8; 32] {
    let k = hmac(
        format!("{}{secret_key}", alg.key_prefix()).as_bytes(),
        day.as_bytes(),
    );
    let k = hmac(&k, region.as_bytes());
    let k = hmac(&k, service.as_bytes());
    hmac(&k, alg.terminator().as_bytes())
}

pub fn signature(key: &[u8; 32], string_to_sign: &str) -> String {
    hex::encode(hmac(key, string_to_sign.as_bytes()))
}

/// Compares two signatures in time independent of where they differ.
pub fn signatures_equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// One request to sign, as it will go on the wire.
pub struct SignInput<'a> {
    pub algorithm: Algorithm,
    pub access_key: &'a str,
    pub secret_key: &'a str,
    pub region: &'a str,
    pub service: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    /// `x-jdcloud-date` (`yyyyMMddTHHmmssZ`), whether or not it is among the signed headers.
    pub date: &'a str,
    /// The signed headers.
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// Every stage of a signature, for tests and `-v` debugging.
#[derive(Debug, Clone)]
pub struct Signed {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signing_key: String,
    pub signature: String,
    pub authorization: String,
}

pub fn sign(input: &SignInput<'_>) -> Signed {
    let date = input.date;
    let canonical = canonical_request(
        input.method,
        &canonical_uri(input.path, false),
        &canonical_query(input.query),
        input.headers,
        input.body,
    );
    let scope = scope(input.algorithm, date, input.region, input.service);
    let sts = string_to_sign(input.algorithm, date, &scope, &canonical);
    let key = signing_key(
        input.algorithm,
        input.secret_key,
        date.get(..8).unwrap_or(date),
        input.region,
        input.service,
    );
    let signature = signature(&key, &sts);
    let mut names: Vec<String> = input
        .headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .collect();
    names.sort();
    let authorization = format!(
        "{} Credential={}/{scope}, SignedHeaders={}, Signature={signature}",
        input.algorithm.name(),
        input.access_key,
        names.join(";"),
    );
    Signed {
        canonical_request: canonical,
        string_to_sign: sts,
        signing_key: hex::encode(key),
        signature,
        authorization,
    }
}

/// An `Authorization` header taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub algorithm: Algorithm,
    pub access_key: String,
    pub day: String,
    pub region: String,
    pub service: String,
    pub terminator: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

impl Authorization {
    /// Parses `ALG Credential=AK/day/region/service/term, SignedHeaders=a;b, Signature=hex`.
    pub fn parse(header: &str) -> Result<Authorization, String> {
        let (alg, rest) = header
            .trim()
            .split_once(' ')
            .ok_or("the Authorization header has no algorithm")?;
        let algorithm = Algorithm::from_name(alg)
            .ok_or_else(|| format!("unsupported signing algorithm `{alg}`"))?;
        let mut credential = None;
        let mut signed = None;
        let mut signature = None;
        for part in rest.split(',') {
            let part = part.trim();
            if let Some(v) = part.strip_prefix("Credential=") {
                credential = Some(v);
            } else if let Some(v) = part.strip_prefix("SignedHeaders=") {
                signed = Some(v);
            } else if let Some(v) = part.strip_prefix("Signature=") {
                signature = Some(v);
            }
        }
        let credential = credential.ok_or("the Authorization header has no Credential")?;
        let parts: Vec<&str> = credential.split('/').collect();
        let [ak, day, region, service, terminator] = parts.as_slice() else {
            return Err(format!("malformed Credential `{credential}`"));
        };
        let signed_headers: Vec<String> = signed
            .ok_or("the Authorization header has no SignedHeaders")?
            .split(';')
            .filter(|h| !h.is_empty())
            .map(|h| h.to_ascii_lowercase())
            .collect();
        Ok(Authorization {
            algorithm,
            access_key: ak.to_string(),
            day: day.to_string(),
            region: region.to_string(),
            service: service.to_string(),
            terminator: terminator.to_string(),
            signed_headers,
            signature: signature
                .ok_or("the Authorization header has no Signature")?
                .to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    struct Vectors {
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        name: String,
        algorithm: String,
        access_key: String,
        secret_key: String,
        method: String,
        url: String,
        region: String,
        service: String,
        signed_headers: BTreeMap<String, String>,
        body: String,
        expected: Expected,
    }

    #[derive(Deserialize)]
    struct Expected {
        canonical_request: String,
        string_to_sign: String,
        signing_key: String,
        signature: String,
        authorization: String,
    }

    fn vectors() -> Vectors {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/signing.json");
        let text = std::fs::read_to_string(path).expect("test vectors");
        serde_json::from_str(&text).expect("vectors parse")
    }

    #[test]
    fn every_vector_at_every_stage() {
        let vectors = vectors();
        assert_eq!(vectors.cases.len(), 3);
        for case in vectors.cases {
            let url = reqwest::Url::parse(&case.url).unwrap();
            let date = case.signed_headers["x-jdcloud-date"].clone();
            let headers: Vec<(String, String)> = case.signed_headers.into_iter().collect();
            let signed = sign(&SignInput {
                algorithm: Algorithm::from_name(&case.algorithm).unwrap(),
                access_key: &case.access_key,
                secret_key: &case.secret_key,
                region: &case.region,
                service: &case.service,
                method: &case.method,
                path: url.path(),
                query: url.query().unwrap_or(""),
                date: &date,
                headers: &headers,
                body: case.body.as_bytes(),
            });
            let e = &case.expected;
            assert_eq!(
                signed.canonical_request, e.canonical_request,
                "{}",
                case.name
            );
            assert_eq!(signed.string_to_sign, e.string_to_sign, "{}", case.name);
            assert_eq!(signed.signing_key, e.signing_key, "{}", case.name);
            assert_eq!(signed.signature, e.signature, "{}", case.name);
            assert_eq!(signed.authorization, e.authorization, "{}", case.name);
            let parsed = Authorization::parse(&signed.authorization).unwrap();
            assert_eq!(parsed.signature, e.signature);
            assert_eq!(parsed.service, case.service);
        }
    }

    #[test]
    fn colon_is_encoded_unless_asked() {
        assert_eq!(
            canonical_uri("/v1/regions/cn-north-1/refund:resource", false),
            "/v1/regions/cn-north-1/refund%3Aresource"
        );
        assert_eq!(
            canonical_uri("/v1/regions/cn-north-1/refund%3Aresource", true),
            "/v1/regions/cn-north-1/refund:resource"
        );
        assert_eq!(canonical_uri("", false), "/");
    }

    #[test]
    fn query_is_normalised() {
        assert_eq!(canonical_query("b=2&a=1&a=0"), "a=0&a=1&b=2");
        assert_eq!(canonical_query("=a&a=a"), "a=a");
        assert_eq!(canonical_query("k=a%20b&flag"), "flag=&k=a%20b");
        assert_eq!(canonical_query("x=a:b"), "x=a%3Ab");
    }

    #[test]
    fn rejects_malformed_authorization() {
        for bad in [
            "",
            "JDCLOUD3-HMAC-SHA256",
            "AWS4 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00",
            "JDCLOUD3-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=00",
            "JDCLOUD3-HMAC-SHA256 Credential=a/b/c/d/e, Signature=00",
        ] {
            assert!(Authorization::parse(bad).is_err(), "{bad}");
        }
    }
}
