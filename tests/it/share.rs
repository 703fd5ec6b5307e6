//! Tests: share (format.md §2): links round-trip, and bad links say why.

use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;
use envelope::core::format::{load, save, LoadError};
use envelope::core::share::{encode, link, link_with, open, LinkView};
use proptest::prelude::*;

const DESIGN: &str = r#"{
  "format": "envelope/design", "version": 1, "title": "Shop",
  "blocks": [
    { "id": "users", "kind": "client", "x": 0, "y": 0, "rps": 500 },
    { "id": "api", "kind": "service", "x": 100, "y": 0, "latency_ms": 20, "p99_ms": 50 },
    { "id": "db", "kind": "relational_db", "x": 200, "y": 0, "x_note": "unknown field" }
  ],
  "links": [
    { "id": "l1", "from": "users", "to": "api", "latency_ms": 30 },
    { "id": "l2", "from": "api", "to": "db", "op": "write" }
  ]
}"#;

fn design() -> envelope::core::model::Design {
    load(DESIGN).expect("test design loads")
}

/// The payload of a share link made by hand from arbitrary bytes.
fn payload_of(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 6);
    URL_SAFE_NO_PAD.encode(packed)
}

fn only_error(r: Result<envelope::core::share::Shared, Vec<LoadError>>) -> LoadError {
    let errors = r.expect_err("the link should be refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn link_round_trip() {
    let d = design();
    let url = link(&d, "https://envelope.example/app/?x=1#old-fragment");
    assert!(
        url.starts_with("https://envelope.example/app/?x=1#v1="),
        "{url}"
    );
    assert!(!url.contains("old-fragment"));
    let shared = open(&url).unwrap();
    assert_eq!(shared.design, d);
    assert!(!shared.view);
    assert_eq!(shared.scale, None);
    assert!(shared.fail.is_empty());
}

#[test]
fn payload_is_base64url_of_raw_deflate_of_the_saved_json() {
    let d = design();
    let payload = encode(&d);
    assert!(payload
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
    let packed = URL_SAFE_NO_PAD.decode(&payload).unwrap();
    // Raw DEFLATE: no zlib header, so a plain inflate reads it.
    let json = miniz_oxide::inflate::decompress_to_vec(&packed).unwrap();
    assert_eq!(String::from_utf8(json).unwrap(), save(&d));
}

#[test]
fn a_fragment_or_bare_payload_opens_too() {
    let d = design();
    let payload = encode(&d);
    assert_eq!(open(&format!("#v1={payload}")).unwrap().design, d);
    assert_eq!(open(&format!("v1={payload}")).unwrap().design, d);
}

#[test]
fn padding_is_accepted() {
    let d = design();
    let packed = miniz_oxide::deflate::compress_to_vec(save(&d).as_bytes(), 6);
    let padded = URL_SAFE.encode(&packed);
    let with_pad = if padded.ends_with('=') {
        padded
    } else {
        // Make a payload whose length needs padding by adding a trailing
        // byte the inflater never reads (after the end of the stream).
        let mut more = packed.clone();
        more.push(0);
        URL_SAFE.encode(&more)
    };
    assert!(with_pad.ends_with('='));
    assert_eq!(
        open(&format!("https://h/#v1={with_pad}")).unwrap().design,
        d
    );
}

#[test]
fn view_scale_and_fail_are_read() {
    let d = design();
    let fail = vec!["db".to_string(), "api".to_string()];
    let how = LinkView {
        view: true,
        scale: Some(2.5),
        fail: fail.clone(),
        scenario: None,
    };
    let url = link_with(&d, "https://h/p", &how);
    assert!(url.ends_with("&view&scale=2.5&fail=db,api"), "{url}");
    let shared = open(&url).unwrap();
    assert_eq!(shared.design, d);
    assert!(shared.view);
    assert_eq!(shared.scale, Some(2.5));
    assert_eq!(shared.fail, fail);

    let payload = encode(&d);
    assert!(open(&format!("#v1={payload}&view=1")).unwrap().view);
    assert!(!open(&format!("#v1={payload}&view=0")).unwrap().view);
    // A scale that is not a positive finite number is ignored.
    assert_eq!(
        open(&format!("#v1={payload}&scale=-2")).unwrap().scale,
        None
    );
    assert_eq!(
        open(&format!("#v1={payload}&scale=inf")).unwrap().scale,
        None
    );
}

#[test]
fn a_link_names_a_saved_scenario() {
    let d = design();
    let how = LinkView {
        scenario: Some("black-friday".into()),
        ..LinkView::default()
    };
    let url = link_with(&d, "https://h/p", &how);
    assert!(url.ends_with("&scenario=black-friday"), "{url}");
    assert_eq!(
        open(&url).unwrap().scenario.as_deref(),
        Some("black-friday")
    );
    let payload = encode(&d);
    // Not an id: ignored, and the design still opens.
    let odd = open(&format!("#v1={payload}&scenario=a%20b")).unwrap();
    assert_eq!(odd.scenario, None);
    assert_eq!(odd.design, d);
    assert_eq!(open(&format!("#v1={payload}")).unwrap().scenario, None);
}

#[test]
fn unknown_keys_are_ignored() {
    let d = design();
    let payload = encode(&d);
    let shared = open(&format!("https://h/#theme=dark&v1={payload}&utm=x&zoom")).unwrap();
    assert_eq!(shared.design, d);
    assert!(!shared.view);
}

#[test]
fn no_payload() {
    let e = only_error(open("https://h/p#view"));
    assert_eq!(e.at, "link");
    assert!(e.message.contains("#v1="), "{e:?}");
    assert_eq!(only_error(open("https://h/p")).at, "link");
    let newer = only_error(open("https://h/#v2=abc"));
    assert!(newer.message.contains("v2"), "{newer:?}");
}

#[test]
fn bad_base64_names_the_position() {
    let e = only_error(open("#v1=abc*def"));
    assert_eq!(e.at, "link payload");
    assert!(
        e.message.contains("'*'") && e.message.contains("position 3"),
        "{e:?}"
    );
}

#[test]
fn truncated_links_are_refused() {
    let url = link(&design(), "https://h/");
    let (head, payload) = url.split_once("#v1=").unwrap();
    for keep in [1, payload.len() / 3, payload.len() / 2, payload.len() - 4] {
        let cut = format!("{head}#v1={}", &payload[..keep]);
        let errors = open(&cut).expect_err("a truncated link is refused");
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.at == "link payload"), "{errors:?}");
    }
}

#[test]
fn not_deflate_is_refused() {
    let junk = URL_SAFE_NO_PAD.encode([0xffu8; 40]);
    let e = only_error(open(&format!("#v1={junk}")));
    assert_eq!(e.at, "link payload");
    assert!(e.message.contains("DEFLATE"), "{e:?}");
}

#[test]
fn a_zip_bomb_is_refused_by_size() {
    let bomb = payload_of(&vec![b' '; 6 * 1024 * 1024]);
    assert!(bomb.len() < 100_000);
    let e = only_error(open(&format!("https://h/#v1={bomb}")));
    assert_eq!(e.at, "link payload");
    assert!(e.message.contains("5 MiB"), "{e:?}");
}

#[test]
fn the_designs_own_errors_come_through() {
    let bad = DESIGN.replace("\"to\": \"db\"", "\"to\": \"dbx\"");
    let errors = open(&format!("#v1={}", payload_of(bad.as_bytes()))).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, "/links/1/to");
    let not_json = open(&format!("#v1={}", payload_of(b"hello"))).unwrap_err();
    assert!(not_json[0].at.starts_with("line 1"), "{not_json:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_designs_survive_a_link(d in crate::format::design()) {
        let shared = open(&link(&d, "https://h/")).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(shared.design, d);
    }
}
