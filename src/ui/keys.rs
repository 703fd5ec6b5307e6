//! Keyboard shortcuts of the editor, and the table the help sheet shows.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::browser::typing_in_field;
use super::editor::Editor;
use crate::core::geometry::GRID;

/// Every shortcut, as the help sheet lists them: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Drag a palette item", "Add a block where you drop it"),
    (
        "Enter on a palette item",
        "Add a block at the centre of the view",
    ),
    ("Drag empty space / Space+drag / wheel", "Pan"),
    ("Ctrl+wheel / pinch", "Zoom about the pointer"),
    ("Ctrl+0", "Zoom to 100%"),
    ("Shift+1", "Fit the whole design"),
    ("Ctrl+= / Ctrl+-", "Zoom in / out"),
    ("Click / Shift+click", "Select / add to the selection"),
    ("Shift+drag on empty space", "Select with a rubber band"),
    ("Ctrl+A", "Select everything"),
    ("Esc", "Clear the selection, close dialogs"),
    ("Tab / Shift+Tab", "Move between blocks and links"),
    ("Enter", "Edit the focused block or link in the inspector"),
    ("Arrow keys (Shift: ×10)", "Nudge the selection"),
    ("G", "Snap to grid on/off"),
    (
        "Drag a block's handle onto another",
        "Connect them (caller → callee)",
    ),
    ("C", "Connect the two selected blocks"),
    (
        "Delete / Backspace",
        "Delete the selection (with its links)",
    ),
    ("Ctrl+D", "Duplicate the selection"),
    (
        "Ctrl+C / Ctrl+X / Ctrl+V",
        "Copy / cut / paste (also between tabs)",
    ),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    (
        "F",
        "Fail / restore the selected blocks and zones (what-if)",
    ),
    ("L", "Show the design as a list (table)"),
    ("Ctrl+S", "Save the design as a file"),
    ("Ctrl+O", "Open a design file (or drop one on the window)"),
    (
        "Ctrl+Shift+O",
        "Recent designs: every design kept in this browser",
    ),
    ("P", "Presentation mode on/off (full screen)"),
    (
        "→ / ↓ and ← / ↑ (presenting)",
        "Show the next / previous finding",
    ),
    ("Esc (presenting)", "Leave presentation mode"),
    ("?", "Show this help"),
];

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
    let listeners = super::browser::on_keys(
        move |e| on_key_down(ed, toggles, e),
        move |e| {
            if e.key() == " " {
                ed.space_held.set(false);
            }
        },
    );
    let listeners = StoredValue::new_local(listeners);
    on_cleanup(move || listeners.dispose());
}

fn on_key_down(ed: Editor, t: Toggles, e: KeyboardEvent) {
    let key = e.key();
    let ctrl = e.ctrl_key() || e.meta_key();
    if key == "Escape" {
        if ed.menu.get_untracked().is_some() {
            ed.menu.set(None);
        } else if t.help.get_untracked() {
            t.help.set(false);
        } else if t.recent.get_untracked() {
            // Focus left the dialog (its row was deleted): Esc still closes it.
            t.recent.set(false);
        } else if ed.presenting.get_untracked() {
            super::present::leave(ed);
        } else {
            ed.gesture.set(None);
            ed.clear_selection();
        }
        return;
    }
    // Files work from anywhere, even while typing (the browser's own Save Page
    // would be no use).
    if ctrl && !e.shift_key() && !e.alt_key() {
        let file_key = match key.as_str() {
            "s" | "S" => Some(true),
            "o" | "O" => Some(false),
            _ => None,
        };
        if let Some(is_save) = file_key {
            e.prevent_default();
            if is_save {
                super::file_actions::save(ed);
            } else {
                super::browser::click(&format!("#{}", super::file_actions::OPEN_INPUT_ID));
            }
            return;
        }
    }
    if ctrl && e.shift_key() && !e.alt_key() && matches!(key.as_str(), "o" | "O") {
        e.prevent_default();
        t.recent.set(true);
        return;
    }
    if typing_in_field() || e.default_prevented() {
        return;
    }
    let mut handled = true;
    match (ctrl, key.as_str()) {
        (true, "z") | (true, "Z") if e.shift_key() => ed.redo(),
        (true, "z") => ed.undo(),
        (true, "y") | (true, "Y") => ed.redo(),
        (true, "a") => ed.select_all(),
        (true, "d") => ed.duplicate(),
        (true, "0") => ed.zoom_reset(),
        (true, "=") | (true, "+") => ed.zoom_by(1.25),
        (true, "-") => ed.zoom_by(0.8),
        (false, "Delete") | (false, "Backspace") => ed.delete_selection(),
        (false, "?") => t.help.update(|h| *h = !*h),
        (false, "g") | (false, "G") if !e.shift_key() => ed.snap.update(|s| *s = !*s),
        (false, "c") => ed.connect_selected(),
        (false, "f") | (false, "F") => super::whatif::toggle_selected(ed),
        (false, "l") => t.list_view.update(|v| *v = !*v),
        (false, " ") => ed.space_held.set(true),
        (false, "p") | (false, "P") => super::present::toggle(ed),
        // Presenting: the arrows (and a clicker's page keys) step the findings.
        (false, "ArrowRight" | "ArrowDown" | "PageDown") if ed.presenting.get_untracked() => {
            super::present::step(ed, 1)
        }
        (false, "ArrowLeft" | "ArrowUp" | "PageUp") if ed.presenting.get_untracked() => {
            super::present::step(ed, -1)
        }
        (false, "!") if e.code() == "Digit1" => ed.fit(),
        (false, k) if k.starts_with("Arrow") => {
            let step = if ed.snap.get_untracked() { GRID } else { 1.0 }
                * if e.shift_key() { 10.0 } else { 1.0 };
            let (dx, dy) = match k {
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                _ => (0.0, step),
            };
            if ed.selection.with_untracked(|s| s.movable().is_empty()) {
                handled = false;
            } else {
                ed.nudge(dx, dy);
            }
        }
        _ => handled = false,
    }
    if handled {
        e.prevent_default();
    }
}
