//! Tests: purity. `src/core/` must stay pure: no browser crates, no clock, no
//! global or OS randomness, so the same input always gives the same output and the
//! core builds and tests natively. In `src/ui/`, only the browser edge
//! (`browser.rs` and `browser/`) touches the window, the document and storage.
use std::fs;
use std::path::{Path, PathBuf};

/// Identifiers that must not appear in core code (comments are not code).
const FORBIDDEN_WORDS: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "SystemTime",
    "Instant",
    "thread_rng",
    "from_os_rng",
    "from_entropy",
];

/// Paths that must not appear in core code; they are not single identifiers.
const FORBIDDEN_PATHS: &[&str] = &["std::time", "rand::rng(", "rand::random"];

/// The code of a Rust source with `//` and `/* */` comments blanked out.
/// String contents are kept: a `//` inside a string only makes the check laxer.
fn strip_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    let mut block_depth = 0usize;
    let mut in_line = false;
    while let Some(c) = chars.next() {
        if in_line {
            if c == '\n' {
                in_line = false;
                out.push('\n');
            }
            continue;
        }
        if block_depth > 0 {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                block_depth -= 1;
            } else if c == '/' && chars.peek() == Some(&'*') {
                chars.next();
                block_depth += 1;
            } else if c == '\n' {
                out.push('\n');
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'/') {
            in_line = true;
        } else if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            block_depth = 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// Every forbidden use in one source, as "line N: what".
fn violations(src: &str) -> Vec<String> {
    let code = strip_comments(src);
    let mut found = Vec::new();
    for (i, line) in code.lines().enumerate() {
        let words = line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        for word in words {
            if FORBIDDEN_WORDS.contains(&word) {
                found.push(format!("line {}: `{word}`", i + 1));
            }
        }
        let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        for path in FORBIDDEN_PATHS {
            if squeezed.contains(path) {
                found.push(format!("line {}: `{path}`", i + 1));
            }
        }
    }
    found
}

/// All `.rs` files under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => panic!("cannot read {}: {e}", d.display()),
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn core_uses_no_browser_clock_or_global_rng() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let files = rust_files(&core);
    assert!(
        files.iter().any(|f| f.ends_with("core/mod.rs")),
        "walked {} but did not find core/mod.rs",
        core.display()
    );
    let mut report = Vec::new();
    for file in &files {
        let src = fs::read_to_string(file).unwrap_or_default();
        for v in violations(&src) {
            report.push(format!("{} {v}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "src/core must stay pure, found:\n{}",
        report.join("\n")
    );
}

#[test]
fn checker_flags_impure_code_and_ignores_comments() {
    let impure = "use leptos::prelude::*;\nlet t = std :: time::Instant::now();\n\
                  let mut r = rand::thread_rng();\nlet x: u8 = rand::rng().random();\n";
    let found = violations(impure);
    assert!(found
        .iter()
        .any(|v| v.starts_with("line 1:") && v.contains("leptos")));
    assert!(found
        .iter()
        .any(|v| v.starts_with("line 2:") && v.contains("std::time")));
    assert!(found
        .iter()
        .any(|v| v.starts_with("line 2:") && v.contains("Instant")));
    assert!(found
        .iter()
        .any(|v| v.starts_with("line 3:") && v.contains("thread_rng")));
    assert!(found
        .iter()
        .any(|v| v.starts_with("line 4:") && v.contains("rand::rng(")));

    let pure =
        "//! Unlike the leptos UI, no web_sys here.\n/* std::time is /* nested */ banned */\n\
                let leptos_like = 1; // Instant::now() would be impure\nlet s = seeded(7);\n";
    assert_eq!(violations(pure), Vec::<String>::new());
}

/// What only the browser edge may use: the window, the document, storage, the
/// address, and listeners on the window.
const BROWSER_ONLY: &[&str] = &[
    "window(",
    "document(",
    "gloo::utils",
    "web_sys::window",
    "local_storage",
    "session_storage",
    "indexed_db",
    "idb::",
    "location(",
    "window_event_listener",
    "BroadcastChannel",
];

/// Every use in `src` of what only the browser edge may use, as "line N: what".
fn browser_uses(src: &str) -> Vec<String> {
    let code = strip_comments(src);
    let mut found = Vec::new();
    for (i, line) in code.lines().enumerate() {
        let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        for what in BROWSER_ONLY {
            // `window(` must not match `request_window(` or `culling::window(`
            // (paths to the global window have rules of their own).
            let global = matches!(*what, "window(" | "document(");
            let hit = squeezed.match_indices(what).any(|(at, _)| {
                !squeezed[..at].chars().last().is_some_and(|c| {
                    c.is_ascii_alphanumeric() || c == '_' || (global && matches!(c, ':' | '.'))
                })
            });
            if hit {
                found.push(format!("line {}: `{what}`", i + 1));
            }
        }
    }
    found
}

#[test]
fn only_the_browser_edge_touches_the_window_document_and_storage() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let edge = ui.join("browser");
    let files = rust_files(&ui);
    assert!(files.iter().any(|f| f.ends_with("ui/browser.rs")));
    let mut report = Vec::new();
    for file in files
        .iter()
        .filter(|f| !f.ends_with("ui/browser.rs") && !f.starts_with(&edge))
    {
        let src = fs::read_to_string(file).unwrap_or_default();
        for v in browser_uses(&src) {
            report.push(format!("{} {v}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "only src/ui/browser.rs (and src/ui/browser/) may touch the window, the document and storage:\n{}",
        report.join("\n")
    );
}

#[test]
fn browser_checker_finds_window_and_storage_but_not_lookalikes() {
    let found = browser_uses(
        "let w = gloo::utils::window();\nlet s = web_sys::window().unwrap().local_storage();\n\
         let h = window_event_listener(ev::keydown, f);\nlet d = document().body();\n",
    );
    let at = |line: &str, what: &str| {
        found
            .iter()
            .any(|v| v.starts_with(line) && v.contains(what))
    };
    assert!(at("line 1:", "gloo::utils"));
    assert!(at("line 2:", "web_sys::window") && at("line 2:", "local_storage"));
    assert!(at("line 3:", "window_event_listener"));
    assert!(at("line 4:", "document("));
    let fine =
        "// window() in a comment\nlet v = request_window(1);\nlet d = design_document(x);\n\
                let w = culling::window(n, v, w, h);\n";
    assert_eq!(browser_uses(fine), Vec::<String>::new());
}
