//! Tests: the library's decisions (`core::library`): when a tab may write,
//! what it does when another tab wrote, how a journal folds back, and how the
//! Recent designs dialog lists and describes designs.

use envelope::core::library::{
    age_text, copy_title, doc_id, fold, heard, search, shown_title, size_text, title_of, write,
    Fold, Heard, Journal, Summary, Write,
};
use proptest::prelude::*;

fn summary(id: &str, title: &str, updated: f64) -> Summary {
    Summary {
        id: id.into(),
        title: title.into(),
        updated,
        size: 10,
        rev: 1,
    }
}

fn journal(base: u64, text: &str) -> Journal {
    Journal {
        id: "d1".into(),
        base,
        title: "Alpha".into(),
        updated: 5.0,
        text: text.into(),
        view: String::new(),
    }
}

#[test]
fn a_version_is_written_only_over_the_one_it_was_made_from() {
    // A new document (never stored) goes in as version 1.
    assert_eq!(write(0, None), Write::As(1));
    // The tab's base is what is stored: the next version.
    assert_eq!(write(3, Some(3)), Write::As(4));
    // Another tab stored version 4 since this tab read 3: never overwrite it.
    assert_eq!(write(3, Some(4)), Write::Conflict);
    // A first store that finds something under its id (cannot happen with
    // random ids, but must not overwrite either).
    assert_eq!(write(0, Some(1)), Write::Conflict);
    // Deleted elsewhere while open here: the open tab writes it back.
    assert_eq!(write(5, None), Write::As(6));
}

#[test]
fn a_tab_hearing_of_a_newer_version_shows_it_or_asks() {
    assert_eq!(heard(4, false, 4), Heard::Ignore, "its own version");
    assert_eq!(heard(4, true, 3), Heard::Ignore, "an older one");
    assert_eq!(
        heard(4, false, 5),
        Heard::TakeTheirs,
        "nothing of its own to lose"
    );
    assert_eq!(
        heard(4, true, 5),
        Heard::Ask,
        "edits of its own: never silent"
    );
}

#[test]
fn a_journal_folds_in_once_and_is_never_lost() {
    // Nothing stored, or the version it was made from: it is the next version.
    assert_eq!(fold(&journal(0, "a"), None), Fold::As(1));
    assert_eq!(fold(&journal(2, "a"), Some((2, false))), Fold::As(3));
    // The page's last write finished: the next version holds the same text.
    assert_eq!(fold(&journal(2, "a"), Some((3, true))), Fold::Stored);
    // Another tab stored something else since: keep both.
    assert_eq!(fold(&journal(2, "a"), Some((3, false))), Fold::Copy);
    // A stored version older than the journal's base cannot be written over
    // blindly either (it was deleted and rewritten elsewhere).
    assert_eq!(fold(&journal(4, "a"), Some((1, false))), Fold::Copy);
}

#[test]
fn journals_read_back_as_written_and_damaged_ones_are_refused() {
    let j = journal(7, r#"{"format":"envelope/design"}"#);
    assert_eq!(Journal::from_json(&j.to_json()), Some(j));
    assert_eq!(Journal::from_json("{\"id\": 1"), None);
    assert_eq!(Journal::from_json("[]"), None);
}

#[test]
fn search_is_by_title_in_any_case_newest_first() {
    let list = vec![
        summary("a", "Checkout", 10.0),
        summary("b", "URL shortener", 30.0),
        summary("c", "", 20.0),
        summary("d", "Café CHECKOUT v2", 40.0),
    ];
    let ids = |q: &str| {
        search(&list, q)
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(""), ["d", "b", "c", "a"]);
    assert_eq!(ids("checkout"), ["d", "a"]);
    assert_eq!(ids("  CAFÉ "), ["d"]);
    // An empty title is listed and found as "Untitled design".
    assert_eq!(ids("untitled"), ["c"]);
    assert!(ids("nothing like it").is_empty());
}

#[test]
fn titles_sizes_and_ages_read_as_people_write_them() {
    assert_eq!(shown_title("  "), "Untitled design");
    assert_eq!(shown_title("Alpha"), "Alpha");
    assert_eq!(copy_title("Alpha", "copy"), "Alpha (copy)");
    assert_eq!(copy_title("", "copy"), "Untitled design (copy)");
    assert_eq!(size_text(850), "850 B");
    assert_eq!(size_text(12 * 1024 + 100), "12 KB");
    assert_eq!(size_text(3_565_158), "3.4 MB");
    let min = 60_000.0;
    assert_eq!(age_text(100_000.0, 90_000.0), "just now");
    assert_eq!(age_text(10.0 * min, 5.0 * min), "5 min ago");
    assert_eq!(age_text(200.0 * min, 0.0), "3 h ago");
    assert_eq!(age_text(30.0 * 60.0 * min, 0.0), "yesterday");
    assert_eq!(age_text(12.5 * 1440.0 * min, 0.0), "12 days ago");
    // A clock that went back never says "-5 min".
    assert_eq!(age_text(0.0, 5.0 * min), "just now");
}

#[test]
fn a_title_is_read_from_any_text_without_failing() {
    assert_eq!(
        title_of(r#"{"format":"envelope/design","title":"Alpha","blocks":[]}"#),
        "Alpha"
    );
    assert_eq!(title_of("not json"), "");
    assert_eq!(title_of(r#"{"title": 5}"#), "");
}

proptest! {
    #[test]
    fn document_ids_are_valid_ids_and_differ(a in any::<u64>(), b in any::<u64>()) {
        let (x, y) = (doc_id(a), doc_id(b));
        prop_assert_eq!(x.len(), 14);
        prop_assert!(x.chars().all(|c| c.is_ascii_alphanumeric()));
        // 13 base-36 digits hold every u64, so different numbers differ.
        prop_assert_eq!(a == b, x == y);
    }

    #[test]
    fn two_tabs_from_one_version_never_both_write(base in 0u64..1000, extra in 0u64..3) {
        // Tab A writes first; tab B, made from the same base, must conflict.
        let stored = if base == 0 { None } else { Some(base) };
        let Write::As(rev) = write(base, stored) else { panic!("the first writer writes") };
        prop_assert_eq!(write(base, Some(rev + extra)), Write::Conflict);
    }
}
