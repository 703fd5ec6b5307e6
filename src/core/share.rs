//! Share links (format.md §2): `#v1=` + base64url(raw DEFLATE(saved JSON)).
//!
//! The design rides in the URL fragment, so no server sees it. Opening a link
//! goes through `format::load`, the same checks as a file.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::{DecodeError, Engine};
use miniz_oxide::inflate::TINFLStatus;

use super::format::{self, LoadError, MAX_BYTES};
use super::model::{is_valid_id, Design};

/// Where link errors point (design errors keep their JSON pointers).
pub const AT_LINK: &str = "link";
pub const AT_PAYLOAD: &str = "link payload";

/// What a link holds: the design and how to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub design: Design,
    /// `&view`: open read-only (presentation).
    pub view: bool,
    /// `&scale=N`: the traffic scale to show, a positive finite number.
    pub scale: Option<f64>,
    /// `&fail=a,b`: ids to show as failed.
    pub fail: Vec<String>,
    /// `&scenario=ID`: a saved scenario of the design to open applied.
    pub scenario: Option<String>,
}

/// How a link opens the design: read-only or not, and the what-if on show.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LinkView {
    pub view: bool,
    pub scale: Option<f64>,
    pub fail: Vec<String>,
    /// A saved scenario's id.
    pub scenario: Option<String>,
}

/// The link payload of a design: base64url, no padding, of the raw DEFLATE of
/// `format::save(design)`.
pub fn encode(design: &Design) -> String {
    let json = format::save(design);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// `base` (any fragment it has removed) + `#v1=<payload>`.
pub fn link(design: &Design, base: &str) -> String {
    link_with(design, base, &LinkView::default())
}

/// A link with view options: `&view`, `&scale=N`, `&fail=id,id`,
/// `&scenario=ID` as given (invalid ids and scales left out).
pub fn link_with(design: &Design, base: &str, how: &LinkView) -> String {
    let base = base.split('#').next().unwrap_or("");
    let mut out = format!("{base}#v1={}", encode(design));
    if how.view {
        out.push_str("&view");
    }
    if let Some(s) = how.scale.filter(|s| s.is_finite() && *s > 0.0) {
        out.push_str("&scale=");
        out.push_str(&format::format_number(s));
    }
    let fail: Vec<&str> = how
        .fail
        .iter()
        .map(String::as_str)
        .filter(|id| is_valid_id(id))
        .collect();
    if !fail.is_empty() {
        out.push_str("&fail=");
        out.push_str(&fail.join(","));
    }
    if let Some(id) = how.scenario.as_deref().filter(|id| is_valid_id(id)) {
        out.push_str("&scenario=");
        out.push_str(id);
    }
    out
}

/// Open a share link: a whole URL, a fragment (`#v1=…`) or `v1=…` alone.
///
/// Spec choice: a `scale` that is not a positive finite number, `fail`
/// entries and a `scenario` that are not valid ids are ignored (they only
/// affect the view); whether the scenario exists is the app's to say;
/// `view`, `view=1` and `view=true` all mean read-only. The first `v1=` wins.
pub fn open(url_or_fragment: &str) -> Result<Shared, Vec<LoadError>> {
    let input = url_or_fragment.trim();
    let fragment = if input.starts_with("v1=") {
        input
    } else if let Some(i) = input.find('#') {
        &input[i + 1..]
    } else {
        return Err(vec![no_payload()]);
    };
    let mut payload = None;
    let mut newer = None;
    let mut shared = Shared {
        design: Design::default(),
        view: false,
        scale: None,
        fail: Vec::new(),
        scenario: None,
    };
    for part in fragment.split('&') {
        let (key, value) = match part.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (part, None),
        };
        match key {
            "v1" if payload.is_none() => payload = value,
            "view" => shared.view = matches!(value, None | Some("" | "1" | "true")),
            "scale" => {
                shared.scale = value
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|s| s.is_finite() && *s > 0.0)
            }
            "fail" => {
                shared.fail = value
                    .unwrap_or("")
                    .split(',')
                    .filter(|id| is_valid_id(id))
                    .map(str::to_string)
                    .collect()
            }
            "scenario" => shared.scenario = value.filter(|id| is_valid_id(id)).map(str::to_string),
            k if is_version_key(k) => newer = Some(k.to_string()),
            _ => {}
        }
    }
    let Some(payload) = payload else {
        return Err(vec![match newer {
            Some(k) => LoadError::new(
                AT_LINK,
                format!("this link holds a {k} design; this build reads v1 links"),
            ),
            None => no_payload(),
        }]);
    };
    shared.design = decode(payload)?;
    Ok(shared)
}

fn no_payload() -> LoadError {
    LoadError::new(
        AT_LINK,
        "no design in this link: expected a fragment \"#v1=<payload>\"",
    )
}

/// `v2`, `v3`, …: a link format this build does not read.
fn is_version_key(k: &str) -> bool {
    k.len() > 1 && k.starts_with('v') && k[1..].bytes().all(|c| c.is_ascii_digit())
}

/// Payload → design. Spec choice: whitespace (from copying a link across
/// lines) is skipped and a percent-encoded `=` (`%3D`) counts as padding.
pub fn decode(payload: &str) -> Result<Design, Vec<LoadError>> {
    let cleaned: String = payload
        .replace("%3D", "=")
        .replace("%3d", "=")
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(vec![LoadError::new(
            AT_PAYLOAD,
            "the payload after \"v1=\" is empty",
        )]);
    }
    let reader = GeneralPurpose::new(
        &URL_SAFE,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let packed = reader
        .decode(cleaned.as_bytes())
        .map_err(|e| vec![LoadError::new(AT_PAYLOAD, base64_message(&e))])?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_BYTES)
        .map_err(|e| vec![LoadError::new(AT_PAYLOAD, inflate_message(e.status))])?;
    let text = String::from_utf8(json).map_err(|e| {
        vec![LoadError::new(
            AT_PAYLOAD,
            format!(
                "the design is not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )]
    })?;
    format::load(&text)
}

fn base64_message(e: &DecodeError) -> String {
    match e {
        DecodeError::InvalidByte(at, byte) => format!(
            "not base64url: unexpected character {} at position {at} \
             (expected A-Z a-z 0-9 - _); the link may be damaged",
            show_byte(*byte)
        ),
        DecodeError::InvalidLength(n) => format!(
            "not base64url: {n} characters cannot be a whole payload; the link is probably cut short"
        ),
        DecodeError::InvalidLastSymbol(at, byte) => format!(
            "not base64url: the last character {} at position {at} is impossible there; \
             the link is probably cut short",
            show_byte(*byte)
        ),
        DecodeError::InvalidPadding => {
            "not base64url: misplaced '=' padding; the link may be damaged".to_string()
        }
    }
}

fn show_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", b as char)
    } else {
        format!("byte 0x{b:02x}")
    }
}

fn inflate_message(status: TINFLStatus) -> String {
    match status {
        TINFLStatus::HasMoreOutput => format!(
            "the design would inflate past 5 MiB ({MAX_BYTES} bytes), the largest document \
             accepted; stopped before inflating further"
        ),
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            "the compressed design ends early: the link is truncated".to_string()
        }
        _ => "the payload is not a valid compressed design (raw DEFLATE expected); \
              the link may be damaged"
            .to_string(),
    }
}
