//! Actions as data: one registry of what the user can do by name, each with
//! its label, keys, help line, when it is enabled and what it runs. The
//! keyboard (`keys.rs`), the help sheet, the toolbar and the canvas's context
//! menu all read it, so a shortcut, its help line, its button and its menu
//! item cannot drift apart.

use leptos::prelude::*;

use super::editor::Editor;
use super::keys::Toggles;
use crate::core::geometry::GRID;

/// What an action works on.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ed: Editor,
    pub toggles: Toggles,
}

/// A key press, as the actions test it.
pub struct Press {
    pub key: String,
    /// The physical key (`Digit1`), for keys whose character depends on the layout.
    pub code: String,
    /// Ctrl, or Cmd on a Mac.
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
}

impl Press {
    /// One of `keys`, without Ctrl.
    fn plain(&self, keys: &[&str]) -> bool {
        !self.ctrl && keys.contains(&self.key.as_str())
    }

    /// One of `keys` with Ctrl.
    fn ctrl(&self, keys: &[&str]) -> bool {
        self.ctrl && keys.contains(&self.key.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionId {
    Escape,
    Save,
    Open,
    Recent,
    Undo,
    Redo,
    SelectAll,
    Duplicate,
    Delete,
    Connect,
    Snap,
    FailSelected,
    ListView,
    Present,
    StepFindings,
    Nudge,
    ZoomReset,
    ZoomIn,
    ZoomOut,
    Fit,
    Help,
    HoldToPan,
}

/// One thing the user can do.
pub struct Action {
    pub id: ActionId,
    /// The button's or menu item's name.
    pub label: &'static str,
    /// The keys, as the help sheet and tooltips write them ("" for none).
    pub keys: &'static str,
    /// What it does, for the help sheet.
    pub help: &'static str,
    /// Whether a key press is this action's.
    pub key: fn(&Press) -> bool,
    /// It works while typing in a field too (files, Esc).
    pub in_fields: bool,
    pub enabled: fn(&Ctx) -> bool,
    pub run: fn(&Ctx, &Press),
}

impl Action {
    /// A button's tooltip: the help line and the keys.
    pub fn title(&self) -> String {
        if self.keys.is_empty() {
            self.help.to_string()
        } else {
            format!("{} ({})", self.help, self.keys)
        }
    }
}

fn always(_: &Ctx) -> bool {
    true
}

fn presenting(c: &Ctx) -> bool {
    c.ed.presenting.get_untracked()
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
            if ed.menu.get_untracked().is_some() {
                ed.menu.set(None);
            } else if c.toggles.help.get_untracked() {
                c.toggles.help.set(false);
            } else if c.toggles.recent.get_untracked() {
                // Focus left the dialog (its row was deleted): Esc still closes it.
                c.toggles.recent.set(false);
            } else if ed.presenting.get_untracked() {
                super::present::leave(ed);
            } else {
                ed.gesture.set(None);
                ed.clear_selection();
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
        run: |c, _| super::file_actions::save(c.ed),
    },
    Action {
        id: ActionId::Open,
        label: "Open…",
        keys: "Ctrl+O",
        help: "Open a design file (or drop one on the window)",
        key: |p| p.ctrl(&["o", "O"]) && !p.shift && !p.alt,
        in_fields: true,
        enabled: always,
        run: |_, _| super::browser::click(&format!("#{}", super::file_actions::OPEN_INPUT_ID)),
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
        enabled: |c| c.ed.can_redo(),
        run: |c, _| c.ed.redo(),
    },
    Action {
        id: ActionId::Undo,
        label: "Undo",
        keys: "Ctrl+Z",
        help: "Undo",
        key: |p| p.ctrl(&["z"]),
        in_fields: false,
        enabled: |c| c.ed.can_undo(),
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
        enabled: |c| !c.ed.read_only.get_untracked(),
        run: |c, _| c.ed.duplicate(),
    },
    Action {
        id: ActionId::Delete,
        label: "Delete",
        keys: "Delete / Backspace",
        help: "Delete the selection (with its links)",
        key: |p| p.plain(&["Delete", "Backspace"]),
        in_fields: false,
        enabled: |c| !c.ed.read_only.get_untracked(),
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
        run: |c, _| c.ed.snap.update(|s| *s = !*s),
    },
    Action {
        id: ActionId::FailSelected,
        label: "Fail (what-if)",
        keys: "F",
        help: "Fail / restore the selected blocks and zones (what-if)",
        key: |p| p.plain(&["f", "F"]),
        in_fields: false,
        enabled: always,
        run: |c, _| super::whatif::toggle_selected(c.ed),
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
        help: "Presentation mode on/off: full screen, the arrow keys step through the findings",
        key: |p| p.plain(&["p", "P"]),
        in_fields: false,
        enabled: always,
        run: |c, _| super::present::toggle(c.ed),
    },
    Action {
        id: ActionId::StepFindings,
        label: "Next / previous finding",
        keys: "→ / ↓ and ← / ↑ (presenting)",
        help: "Show the next / previous finding (a clicker's Page Down / Page Up too)",
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
            super::present::step(c.ed, if forward { 1 } else { -1 })
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
        enabled: |c| !c.ed.selection.with_untracked(|s| s.movable().is_empty()),
        run: |c, p| {
            let step = if c.ed.snap.get_untracked() { GRID } else { 1.0 }
                * if p.shift { 10.0 } else { 1.0 };
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
        run: |c, _| c.ed.zoom_reset(),
    },
    Action {
        id: ActionId::ZoomIn,
        label: "Zoom in",
        keys: "Ctrl+=",
        help: "Zoom in",
        key: |p| p.ctrl(&["=", "+"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.zoom_by(1.25),
    },
    Action {
        id: ActionId::ZoomOut,
        label: "Zoom out",
        keys: "Ctrl+-",
        help: "Zoom out",
        key: |p| p.ctrl(&["-"]),
        in_fields: false,
        enabled: always,
        run: |c, _| c.ed.zoom_by(0.8),
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
        run: |c, _| c.ed.space_held.set(true),
    },
];

/// What the help sheet lists beside the actions: pointer gestures and keys
/// that the page or the clipboard handle, not the registry.
pub const GESTURES: &[(&str, &str)] = &[
    ("Drag a palette item", "Add a block where you drop it"),
    (
        "Enter on a palette item",
        "Add a block at the centre of the view",
    ),
    ("Drag empty space / wheel", "Pan"),
    ("Ctrl+wheel / pinch", "Zoom about the pointer"),
    ("Click / Shift+click", "Select / add to the selection"),
    ("Shift+drag on empty space", "Select with a rubber band"),
    ("Tab / Shift+Tab", "Move between blocks and links"),
    ("Enter", "Edit the focused block or link in the inspector"),
    (
        "Drag a block's handle onto another",
        "Connect them (caller → callee)",
    ),
    (
        "Ctrl+C / Ctrl+X / Ctrl+V",
        "Copy / cut / paste (also between tabs)",
    ),
];

/// The action with this id.
pub fn action(id: ActionId) -> &'static Action {
    ACTIONS
        .iter()
        .find(|a| a.id == id)
        .expect("every ActionId is in ACTIONS")
}

/// Run `id` if it is enabled (a button, a menu item).
pub fn run(id: ActionId, ctx: &Ctx) {
    let a = action(id);
    let press = Press {
        key: String::new(),
        code: String::new(),
        ctrl: false,
        shift: false,
        alt: false,
    };
    if (a.enabled)(ctx) {
        (a.run)(ctx, &press);
    }
}

/// The action a key press runs, if any (the first enabled one whose keys it
/// is); `taken`: focus is in a text field or the key was handled already,
/// when only the actions that work anywhere may run.
pub fn for_press(press: &Press, ctx: &Ctx, taken: bool) -> Option<&'static Action> {
    ACTIONS
        .iter()
        .filter(|a| a.in_fields || !taken)
        .find(|a| (a.key)(press) && (a.enabled)(ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, ctrl: bool, shift: bool) -> Press {
        Press {
            key: key.into(),
            code: String::new(),
            ctrl,
            shift,
            alt: false,
        }
    }

    /// The actions whose keys a press is, ignoring whether they are enabled.
    fn keyed(p: &Press) -> Vec<ActionId> {
        ACTIONS
            .iter()
            .filter(|a| (a.key)(p))
            .map(|a| a.id)
            .collect()
    }

    #[test]
    fn every_id_is_registered_once_with_a_label_and_help() {
        let mut seen = Vec::new();
        for a in ACTIONS {
            assert!(!seen.contains(&a.id), "{:?} twice", a.id);
            seen.push(a.id);
            assert!(!a.label.is_empty() && !a.help.is_empty(), "{:?}", a.id);
        }
    }

    #[test]
    fn shared_keys_go_to_the_intended_action() {
        assert_eq!(keyed(&press("z", true, false)), [ActionId::Undo]);
        assert_eq!(keyed(&press("Z", true, true)), [ActionId::Redo]);
        assert_eq!(keyed(&press("o", true, false)), [ActionId::Open]);
        assert_eq!(keyed(&press("O", true, true)), [ActionId::Recent]);
        // Presenting first, then the nudge: the registry's order decides.
        assert_eq!(
            keyed(&press("ArrowRight", false, false)),
            [ActionId::StepFindings, ActionId::Nudge]
        );
        assert!(
            keyed(&press("g", false, true)).is_empty(),
            "Shift+G is not snap"
        );
        assert!(
            keyed(&press("c", true, false)).is_empty(),
            "Ctrl+C is the clipboard's"
        );
    }
}

/// The actions' context, provided by the app to the toolbar and menus.
pub fn use_actions() -> Ctx {
    expect_context::<Ctx>()
}

/// A toolbar button for an action: its name, tooltip (help and keys),
/// enabled state and run all come from the registry. `text` is the short
/// label shown beside the icon (with `class` saying when it shows).
#[component]
pub fn ActionButton(
    id: ActionId,
    icon: super::tool_icons::Tool,
    text: &'static str,
    #[prop(default = "label")] class: &'static str,
    /// For a toggle: whether it is on.
    #[prop(optional, into)]
    pressed: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_actions();
    let a = action(id);
    view! {
        <button
            aria-label=a.label
            title=a.title()
            aria-pressed=move || pressed.map(|p| p.get().to_string())
            disabled=move || !(a.enabled)(&ctx)
            on:click=move |_| run(id, &ctx)
        >
            <super::tool_icons::ToolIcon tool=icon />
            <span class=class>{text}</span>
        </button>
    }
}
