//! Label text in and out. Reading: `<br>` line breaks, Mermaid's `#…;` codes
//! (`#35;`, `#quot;`), HTML's `&…;` and a Markdown string's backticks.
//! Writing: any text made safe inside `"…"` with `#…;` codes, so that reading
//! it back gives the same characters.

/// A label as written (inside its brackets, quotes removed) as people read it.
///
/// Spec choice: a `<br>` becomes a space (a design's labels are one line);
/// with `numbers` (an Envelope export with key numbers), the part after the
/// last `<br>` is those numbers and is dropped.
pub(super) fn decode(raw: &str, numbers: bool) -> String {
    let raw = match raw.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        Some(markdown) => markdown,
        None => raw,
    };
    let mut parts = split_br(raw);
    if numbers && parts.len() > 1 {
        parts.pop();
    }
    if parts.len() == 1 {
        return codes(parts[0]);
    }
    let words: Vec<String> = parts
        .iter()
        .map(|p| codes(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    words.join(" ")
}

/// `raw` cut at each `<br>`, `<br/>` or `<br />` (any case).
fn split_br(raw: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let lower = raw.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find("<br") {
        let at = from + k;
        let after = &lower[at + 3..];
        let tail = after.trim_start_matches(' ');
        let close = if tail.starts_with("/>") {
            Some(2)
        } else if tail.starts_with('>') {
            Some(1)
        } else {
            None
        };
        match close {
            Some(n) => {
                parts.push(&raw[start..at]);
                start = at + 3 + (after.len() - tail.len()) + n;
                from = start;
            }
            None => from = at + 3,
        }
    }
    parts.push(&raw[start..]);
    parts
}

/// Decode `#35;`, `#quot;`, `&amp;`, `&#35;` codes in one pass (a decoded
/// `&` or `#` never starts another code).
fn codes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(['#', '&']) {
        out.push_str(&rest[..k]);
        let tail = &rest[k..];
        match code(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of a code at the start of `s` (`#60;`, `#lt;`, `&lt;`,
/// `&#60;`), and the code's length.
fn code(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let body = if s.starts_with('&') {
        body.strip_prefix('#').map_or(body, |n| n)
    } else {
        body
    };
    let c = if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        char::from_u32(body.parse().ok()?)?
    } else {
        match body {
            "quot" => '"',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "num" => '#',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// `s` made safe inside a quoted Mermaid label or title: quotes, `#`, `&`,
/// `<`, `>`, backticks, `|` and control characters as `#…;` codes.
pub(super) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '#' | '&' | '<' | '>' | '`' | '|' => out.push_str(&format!("#{};", c as u32)),
            c if c.is_control() => out.push_str(&format!("#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_breaks() {
        assert_eq!(decode("a #quot;b#quot; #35;1", false), "a \"b\" #1");
        assert_eq!(decode("A &amp; B &lt;x&gt;", false), "A & B <x>");
        assert_eq!(decode("API<br/>Gateway", false), "API Gateway");
        assert_eq!(decode("api<br/>120 req/s", true), "api");
        assert_eq!(decode("`**bold**`", false), "**bold**");
        assert_eq!(decode("#38;amp;", false), "&amp;");
        assert_eq!(decode("# not a code; #", false), "# not a code; #");
    }

    #[test]
    fn encode_then_decode_is_the_same_text() {
        for s in ["a\"b#c&d<e>f`g|h\ni", "", "  spaced  ", "<br/>", "ü #35;"] {
            assert_eq!(decode(&encode(s), false), s);
            assert_eq!(decode(&format!("{}<br/>1 req/s", encode(s)), true), s);
        }
    }
}
