//! Saved scenarios in the app (model-2.md §4.1): the table of them with their
//! figures against their targets, applying one as the what-if on screen, and
//! the dialog that saves or edits one. Every change to the list is one
//! `Command::SetScenarios`, so it undoes as one step.

mod dialog;
mod table;

use std::collections::BTreeSet;

use leptos::prelude::*;

pub use dialog::ScenarioDialog;
pub use table::Scenarios;

use super::editor::Editor;
use super::session::{Session, WhatIf};
use crate::core::edit::Command;
use crate::core::model::{Design, Scenario};

/// What the scenario dialog is open for.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    /// Save the what-if on screen as a new scenario.
    New,
    /// Edit the saved scenario with this id.
    Saved(String),
}

/// The scenario dialog's state, provided by the app.
#[derive(Clone, Copy)]
pub struct ScenarioEditing(pub RwSignal<Option<Editing>>);

/// The what-if a scenario shows.
pub fn whatif_of(s: &Scenario) -> WhatIf {
    WhatIf {
        scale: s.scale,
        fail: s.fail.iter().cloned().collect(),
    }
}

/// The saved scenario the what-if on screen is (the first with the same scale
/// and failures), if any.
///
/// Spec choice: "applied" is derived, not remembered: moving the slider off a
/// scenario's scale leaves it, and setting the same what-if by hand applies it.
pub fn applied<'a>(design: &'a Design, w: &WhatIf) -> Option<&'a Scenario> {
    design
        .scenarios
        .iter()
        .find(|s| s.scale == w.scale && s.fail.iter().cloned().collect::<BTreeSet<_>>() == w.fail)
}

/// Show scenario `id` as the what-if on screen; false when the design has none
/// of that id.
pub fn apply(design: &Design, session: Session, id: &str) -> bool {
    match design.scenarios.iter().find(|s| s.id == id) {
        Some(s) => {
            session.whatif.set(whatif_of(s));
            true
        }
        None => false,
    }
}

/// Replace the saved scenarios with `list` as one undo step.
pub fn set_all(ed: Editor, list: Vec<Scenario>) -> bool {
    ed.doc.seal();
    ed.dispatch_or_say(Command::SetScenarios(list), None)
}

/// "×3 traffic · az1 down": what a scenario changes, in the labels people see.
pub fn summary(design: &Design, scale: f64, fail: &[String]) -> String {
    let mut parts = Vec::new();
    if scale != 1.0 {
        parts.push(format!(
            "×{} traffic",
            crate::core::render::units::sig(scale)
        ));
    }
    if !fail.is_empty() {
        let names: Vec<String> = fail
            .iter()
            .map(|id| super::results::node_label(design, id))
            .collect();
        parts.push(format!("{} down", names.join(", ")));
    }
    if parts.is_empty() {
        "the design as drawn".to_string()
    } else {
        parts.join(" · ")
    }
}
