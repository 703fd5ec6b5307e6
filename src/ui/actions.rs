//! Actions as data: one registry of what the user can do by name, each with
//! its label, keys, help line, when it is enabled and what it runs. The
//! keyboard (`keys.rs`), the help sheet, the toolbar and the canvas's context
//! menu all read it, so a shortcut, its help line, its button and its menu
//! item cannot drift apart. The table itself is in `registry.rs`.

mod registry;

use leptos::prelude::*;

use super::editor::Editor;
use super::keys::Toggles;

pub use registry::ACTIONS;

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

/// A toggle's [`ActionButton`], pressed while `on` holds (Snap, List, Present).
pub fn toggle_button(
    id: ActionId,
    icon: super::tool_icons::Tool,
    text: &'static str,
    class: &'static str,
    on: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! { <ActionButton id=id icon=icon text=text class=class pressed=Signal::derive(on) /> }
}

/// A toolbar button that runs no registry action (Copy link, the exports):
/// its name, tooltip, icon and the short label shown beside the icon.
#[component]
pub fn ToolButton(
    label: &'static str,
    title: &'static str,
    icon: super::tool_icons::Tool,
    text: &'static str,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button aria-label=label title=title on:click=move |_| on_click()>
            <super::tool_icons::ToolIcon tool=icon />
            <span class="label">{text}</span>
        </button>
    }
}
