//! The chrome: what the app says and shows around the design (the notice,
//! presentation mode, the inspector's focus request). None of it is saved.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Chrome {
    /// The last thing the editor could not do, said to the user.
    pub notice: RwSignal<Option<String>>,
    /// The notice that comes with a "Save as file" button (a share link too long
    /// for some chat tools): shown while that notice is the one on screen.
    pub notice_offers_save: RwSignal<Option<String>>,
    /// Presentation mode: full-screen canvas and results, editing chrome hidden.
    pub presenting: RwSignal<bool>,
    /// In presentation mode: the position of the finding on show, in the
    /// report's order of findings.
    pub present_at: RwSignal<usize>,
    /// The what-if on screen when presentation mode began: the findings are
    /// shown under it, and leaving restores it.
    pub present_whatif: StoredValue<Option<super::session::WhatIf>>,
    /// A Mermaid diagram pasted or opened, waiting for its review.
    pub review: RwSignal<Option<super::mermaid_review::Review>>,
    /// Set to ask the inspector to take keyboard focus (Enter on a block).
    pub focus_inspector: RwSignal<bool>,
}

impl Chrome {
    pub fn new() -> Chrome {
        Chrome {
            notice: RwSignal::new(None),
            notice_offers_save: RwSignal::new(None),
            presenting: RwSignal::new(false),
            present_at: RwSignal::new(0),
            present_whatif: StoredValue::new(None),
            review: RwSignal::new(None),
            focus_inspector: RwSignal::new(false),
        }
    }
}

/// The chrome of the page, provided by `App`.
pub fn use_chrome() -> Chrome {
    expect_context::<Chrome>()
}

impl Default for Chrome {
    fn default() -> Chrome {
        Chrome::new()
    }
}
