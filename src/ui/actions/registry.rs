//! The `ACTIONS` table: every action with its label, keys, help line, when it is enabled and what it runs.

use leptos::prelude::*;

use super::{Action, ActionId, Ctx};
use crate::core::geometry::GRID;
use crate::ui::{browser, file_actions, present, whatif};

fn always(_: &Ctx) -> bool {
    true
}

fn presenting(c: &Ctx) -> bool {
    c.ed.chrome.presenting.get_untracked()
}

/// Every action, in the order the help sheet lists them. A key press runs the
/// first enabled action whose key test it passes, so the order matters where
/// keys are shared (the arrows step the findings while presenting, else nudge).
pub const ACTIONS: &[Action] = &[
    Action {
        id: ActionId::Escape,
        label: "Close or clear",
        keys: "Esc",
        help: "Close menus and dialogs, leave presentation mode, clear the selection",
        key: |p| p.plain(&["Escape"]),
        in_fields: true,
        enabled: always,
        run: |c, _| {
            let ed = c.ed;
            if ed.session.menu.get_untracked().is_some() {
                ed.session.menu.set(None);
            } else if c.toggles.help.get_untracked() {
                c.toggles.help.set(false);
            } else if c.toggles.recent.get_untracked() {
                // Focus left the dialog (its row was deleted): Esc still closes it.
                c.toggles.recent.set(false);
            } else if ed.chrome.presenting.get_untracked() {
                present::leave(ed);
            } else {
                ed.session.gesture.set(None);
                ed.session.clear_selection();
            }
        },
    },
    Action {
        id: ActionId::Save,
        label: "Save",
        keys: "Ctrl+S",
        help: "Save the design as a file",
        key: |p| p.ctrl(&["s", "S"]) && !p.shift && !p.alt,
        in_fields: true,
        enabled: always,
        run: |c, _| file_actions::save(c.ed.doc, c.ed.chrome),
    },
    Action {
        id: ActionId::Open,
        label: "Open…",
        keys: "Ctrl+O",
        help: "Open a design file (or drop one on the window)",
        key: |p| p.ctrl(&["o", "O"]) && !p.shift && !p.alt,
        in_fields: true,
        enabled: always,
        run: |_, _| browser::click(&format!("#{}", file_actions::OPEN_INPUT_ID)),
    },
    Action {
        id: ActionId::Recent,
        label: "Recent designs",
        keys: "Ctrl+Shift+O",
        help: "Recent designs: every design kept in this browser",
        key: |p| p.ctrl(&["o", "O"]) && p.shift && !p.alt,
        in_fields: true,
        enabled: always,
        run: |c, _| c.toggles.recent.set(true),
    },
    Action {
        id: ActionId::Redo,
        label: "Redo",
        keys: "Ctrl+Shift+Z / Ctrl+Y",
        help: "Redo",
        key: |p| (p.ctrl(&["z", "Z"]) && p.shift) || p.ctrl(&["y", "Y"]),
        in_fields: false,
        enabled: |c| c.ed.doc.can_redo(),
        run: |c, _| c.ed.redo(),
    },
    Action {
        id: ActionId::Undo,
        label: "Undo",
        keys: "Ctrl+Z",
        help: "Undo",
        key: |p| p.ctrl(&["z"]),
        in_fields: false,
        enabled: |c| c.ed.doc.can_undo(),
        run: |c, _| c.ed.undo(),
    },
    Action {
        id: ActionId::SelectAll,
        label: "Select all",
        keys: "Ctrl+A",
        help: "Select everything",
        key: |p| p.ctrl(&["a"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.select_all(),
    },
    Action {
        id: ActionId::Duplicate,
        label: "Duplicate",
        keys: "Ctrl+D",
        help: "Duplicate the selection",
        key: |p| p.ctrl(&["d"]),
        in_fields: false,
        enabled: |c| !c.ed.doc.read_only.get_untracked(),
        run: |c, _| c.ed.duplicate(),
    },
    Action {
        id: ActionId::Delete,
        label: "Delete",
        keys: "Delete / Backspace",
        help: "Delete the selection (with its links)",
        key: |p| p.plain(&["Delete", "Backspace"]),
        in_fields: false,
        enabled: |c| !c.ed.doc.read_only.get_untracked(),
        run: |c, _| c.ed.delete_selection(),
    },
    Action {
        id: ActionId::Connect,
        label: "Connect",
        keys: "C",
        help: "Connect the two selected blocks",
        key: |p| p.plain(&["c"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.connect_selected(),
    },
    Action {
        id: ActionId::Snap,
        label: "Snap to grid",
        keys: "G",
        help: "Snap to grid on/off",
        key: |p| p.plain(&["g", "G"]) && !p.shift,
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.session.snap.update(|s| *s = !*s),
    },
    Action {
        id: ActionId::FailSelected,
        label: "Fail (what-if)",
        keys: "F",
        help: "Fail / restore the selected blocks and zones (what-if)",
        key: |p| p.plain(&["f", "F"]),
        in_fields: false,
        enabled: always,
        run: |c, _| whatif::toggle_selected(c.ed.session, c.ed.chrome),
    },
    Action {
        id: ActionId::ListView,
        label: "List view",
        keys: "L",
        help: "Show the design as a list (table)",
        key: |p| p.plain(&["l"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.toggles.list_view.update(|v| *v = !*v),
    },
    Action {
        id: ActionId::Present,
        label: "Present",
        keys: "P",
        help: "Presentation mode on/off: full screen, the arrow keys step through the scenarios and the findings",
        key: |p| p.plain(&["p", "P"]),
        in_fields: false,
        enabled: always,
        run: |c, _| present::toggle(c.ed),
    },
    Action {
        id: ActionId::StepFindings,
        label: "Next / previous step",
        keys: "→ / ↓ and ← / ↑ (presenting)",
        help: "Show the next / previous scenario or finding (a clicker's Page Down / Page Up too)",
        key: |p| {
            p.plain(&[
                "ArrowRight",
                "ArrowDown",
                "PageDown",
                "ArrowLeft",
                "ArrowUp",
                "PageUp",
            ])
        },
        in_fields: false,
        enabled: presenting,
        run: |c, p| {
            let forward = matches!(p.key.as_str(), "ArrowRight" | "ArrowDown" | "PageDown");
            present::step(c.ed, if forward { 1 } else { -1 })
        },
    },
    Action {
        id: ActionId::Nudge,
        label: "Nudge",
        keys: "Arrow keys (Shift: ×10)",
        help: "Nudge the selection",
        key: |p| p.plain(&["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]),
        in_fields: false,
        // Without a selection the arrows are left to the page (scrolling).
        enabled: |c| {
            !c.ed
                .session
                .selection
                .with_untracked(|s| s.movable().is_empty())
        },
        run: |c, p| {
            let step = if c.ed.session.snap.get_untracked() {
                GRID
            } else {
                1.0
            } * if p.shift { 10.0 } else { 1.0 };
            let (dx, dy) = match p.key.as_str() {
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                _ => (0.0, step),
            };
            c.ed.nudge(dx, dy);
        },
    },
    Action {
        id: ActionId::ZoomReset,
        label: "Zoom to 100%",
        keys: "Ctrl+0",
        help: "Zoom to 100%",
        key: |p| p.ctrl(&["0"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.session.zoom_reset(),
    },
    Action {
        id: ActionId::ZoomIn,
        label: "Zoom in",
        keys: "Ctrl+=",
        help: "Zoom in",
        key: |p| p.ctrl(&["=", "+"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.session.zoom_by(1.25),
    },
    Action {
        id: ActionId::ZoomOut,
        label: "Zoom out",
        keys: "Ctrl+-",
        help: "Zoom out",
        key: |p| p.ctrl(&["-"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.session.zoom_by(0.8),
    },
    Action {
        id: ActionId::Fit,
        label: "Fit design",
        keys: "Shift+1",
        help: "Fit the whole design",
        key: |p| !p.ctrl && p.key == "!" && p.code == "Digit1",
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.fit(),
    },
    Action {
        id: ActionId::Help,
        label: "Keyboard shortcuts",
        keys: "?",
        help: "Show this help",
        key: |p| p.plain(&["?"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.toggles.help.update(|h| *h = !*h),
    },
    Action {
        id: ActionId::HoldToPan,
        label: "Hold to pan",
        keys: "Space+drag",
        help: "Pan with any drag",
        key: |p| p.plain(&[" "]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.session.space_held.set(true),
    },
];
