//! Micro-benchmarks of the hot paths: signing a request, reading money, decoding a page of
//! 100 orders. `cargo bench --bench core`; numbers, never timed assertions in tests.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jdc_refund::console::decode;
use jdc_refund::console::money::Fen;
use jdc_refund::console::signing::{sign, Algorithm, SignInput};
use jdc_refund::console::types::OrderPage;

fn signing(c: &mut Criterion) {
    let headers = vec![
        ("content-type".to_string(), "application/json".to_string()),
        ("host".to_string(), "refund.jdcloud-api.com".to_string()),
        ("x-jdcloud-date".to_string(), "20261127T010203Z".to_string()),
        (
            "x-jdcloud-nonce".to_string(),
            "55f3919e-3a7d-4174-b117-f150ff25e274".to_string(),
        ),
    ];
    let body = br#"{"regionId":"cn-north-1","jsonBody":{"resourceId":"i-demo0nrsn01","refundType":1,"refundChannel":1,"refundWay":2,"refundReason":0,"clientToken":"6508bdad-085a-462c-b92d-3208022c7dc0","refundAmount":"102.35","contact":{"phone":"13800000000"}}}"#;
    c.bench_function("sign a refund submission (JDCLOUD3)", |b| {
        b.iter(|| {
            sign(black_box(&SignInput {
                algorithm: Algorithm::V3,
                access_key: "AKSANDBOXDEMO0000001",
                secret_key: "sandbox-secret-key-do-not-use",
                region: "cn-north-1",
                service: "refund",
                method: "POST",
                path: "/v1/regions/cn-north-1/refund:resource",
                query: "",
                date: "20261127T010203Z",
                headers: &headers,
                body,
            }))
        })
    });
}

fn money(c: &mut Criterion) {
    c.bench_function("parse Fen from text", |b| {
        b.iter(|| Fen::parse_yuan(black_box("102.35"), false))
    });
    c.bench_function("parse Fen from a JSON number", |b| {
        b.iter(|| serde_json::from_str::<Fen>(black_box("102.35")))
    });
}

fn page(c: &mut Criterion) {
    let orders: Vec<String> = (0..100)
        .map(|i| {
            format!(
                r#"{{"orderNumber":"21261127{i:010}","pin":"demo","appCode":"vm","appName":"云主机","serviceName":"Virtual Machines","chargeMode":"MONTHLY","orderType":"NEW","payType":"PRE_PAID","status":"PAID","totalFee":102.35,"discountFee":0,"actualFee":102.35,"createTime":"2026-11-25 22:56:17","payTime":"2026-11-25 23:03:17","paymentNumber":"PAY{i}","resourceId":"i-load{i:08}","resourceName":"load-test","regionId":"cn-north-1"}}"#
            )
        })
        .collect();
    let body = format!(
        r#"{{"requestId":"r1","result":{{"resultList":[{}],"totalCount":100,"totalPage":1}}}}"#,
        orders.join(",")
    );
    c.bench_function("decode a page of 100 orders", |b| {
        b.iter(|| decode::<OrderPage>(200, None, None, black_box(body.as_bytes())).unwrap())
    });
}

criterion_group!(benches, signing, money, page);
criterion_main!(benches);
