//! The keyboard: every key press goes to the action registry (`actions.rs`),
//! which says what it does; the help sheet lists the same registry.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::actions::{self, Ctx, Press};
use super::browser::typing_in_field;
use super::editor::Editor;

/// UI toggles the shortcuts drive beside the editor's own state.
#[derive(Clone, Copy)]
pub struct Toggles {
    pub help: RwSignal<bool>,
    pub list_view: RwSignal<bool>,
    /// The Recent designs dialog (the library's own signal).
    pub recent: RwSignal<bool>,
}

/// Install the editor's keyboard shortcuts on the window.
pub fn install(ed: Editor, toggles: Toggles) {
    let ctx = Ctx { ed, toggles };
    let listeners = super::browser::on_keys(
        move |e| on_key_down(&ctx, e),
        move |e| {
            if e.key() == " " {
                ed.session.space_held.set(false);
            }
        },
    );
    let listeners = StoredValue::new_local(listeners);
    on_cleanup(move || listeners.dispose());
}

fn on_key_down(ctx: &Ctx, e: KeyboardEvent) {
    let press = Press {
        key: e.key(),
        code: e.code(),
        ctrl: e.ctrl_key() || e.meta_key(),
        shift: e.shift_key(),
        alt: e.alt_key(),
    };
    // In a text field, or taken by the element that had it, a key is left
    // alone unless its action works anywhere (files, Esc).
    let taken = typing_in_field() || e.default_prevented();
    if let Some(action) = actions::for_press(&press, ctx, taken) {
        // Esc keeps its default (it also leaves full screen, closes pickers).
        if press.key != "Escape" {
            e.prevent_default();
        }
        (action.run)(ctx, &press);
    }
}
