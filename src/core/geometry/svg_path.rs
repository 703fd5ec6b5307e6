//! Moving SVG path data: lets a small icon be drawn in world coordinates without a `transform`.

/// Move SVG path data by (`dx`, `dy`): absolute commands get the offset, relative
/// ones stay as they are. Lets a small icon be drawn in world coordinates
/// without a `transform`. Numbers it cannot read are left out.
pub fn translate_path(d: &str, dx: f64, dy: f64) -> String {
    let mut out = String::with_capacity(d.len() + 16);
    let mut command = ' ';
    let mut index = 0; // position of the number within its command's group
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            command = c;
            index = 0;
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c.is_whitespace() || c == ',' {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let len = number_len(rest);
        if len == 0 {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let Ok(mut v) = rest[..len].parse::<f64>() else {
            rest = &rest[len..];
            continue;
        };
        rest = &rest[len..];
        // Which numbers of each absolute command are x and which are y.
        let (group, xs, ys): (usize, &[usize], &[usize]) = match command {
            'M' | 'L' | 'T' => (2, &[0], &[1]),
            'H' => (1, &[0], &[]),
            'V' => (1, &[], &[0]),
            'C' => (6, &[0, 2, 4], &[1, 3, 5]),
            'S' | 'Q' => (4, &[0, 2], &[1, 3]),
            'A' => (7, &[5], &[6]),
            _ => (1, &[], &[]),
        };
        let at = index % group;
        if xs.contains(&at) {
            v += dx;
        } else if ys.contains(&at) {
            v += dy;
        }
        index += 1;
        if !out.ends_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(' ');
        }
        out.push_str(&format!("{}", (v * 100.0).round() / 100.0));
    }
    out
}

/// Length of the number at the start of `s` (sign, digits, one point, exponent).
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let mut point = false;
    let mut digits = false;
    while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b'.' && !point)) {
        point |= b[i] == b'.';
        digits |= b[i].is_ascii_digit();
        i += 1;
    }
    if digits && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    if digits {
        i
    } else {
        0
    }
}

#[cfg(test)]
mod path_tests {
    use super::translate_path;

    #[test]
    fn absolute_commands_move_and_relative_ones_do_not() {
        assert_eq!(
            translate_path("M4 21V7l8-4 8 4v14", 10.0, 100.0),
            "M14 121V107l8 -4 8 4v14"
        );
        assert_eq!(translate_path("M13 2L5 13h6z", 1.0, 1.0), "M14 3L6 14h6z");
        assert_eq!(translate_path("M4 6H20", 2.0, 0.0), "M6 6H22");
        // The arc's end point moves, its radii and flags do not.
        assert_eq!(
            translate_path("A4 4 0 1 0 2 3", 10.0, 10.0),
            "A4 4 0 1 0 12 13"
        );
        assert_eq!(translate_path("", 1.0, 1.0), "");
        assert_eq!(translate_path("M1.5.5", 1.0, 1.0), "M2.5 1.5");
    }
}
