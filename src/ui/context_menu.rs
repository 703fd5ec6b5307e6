//! The canvas's context menu (right-click on a block or zone): fail or restore it
//! in the what-if scenario, duplicate, delete (the last two not in a read-only
//! view).

use leptos::prelude::*;

use super::editor::use_editor;
use super::session::ItemKind;

#[component]
pub fn ContextMenu() -> impl IntoView {
    let ed = use_editor();
    let close = move || ed.menu.set(None);
    move || {
        ed.menu.get().map(|m| {
            let id = StoredValue::new(m.id.clone());
            let failed = ed.whatif.with_untracked(|w| w.fail.contains(&m.id));
            let is_block = m.kind == ItemKind::Block;
            view! {
                <div class="menu-backdrop" on:pointerdown=move |_| close()></div>
                <div
                    class="context-menu"
                    role="menu"
                    aria-label="Actions"
                    style:left=format!("{}px", m.at.x)
                    style:top=format!("{}px", m.at.y + 40.0)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            ev.stop_propagation();
                            close();
                        }
                    }
                >
                    <button
                        role="menuitem"
                        autofocus
                        on:click=move |_| {
                            ed.whatif.update(|w| {
                                let id = id.get_value();
                                if !w.fail.remove(&id) {
                                    w.fail.insert(id);
                                }
                            });
                            close();
                        }
                    >
                        {if failed { "Restore (what-if)" } else { "Fail (what-if)" }}
                    </button>
                    {(is_block && !ed.read_only.get_untracked())
                        .then(|| {
                            view! {
                                <button
                                    role="menuitem"
                                    on:click=move |_| {
                                        ed.duplicate();
                                        close();
                                    }
                                >
                                    "Duplicate"
                                </button>
                            }
                        })}
                    {(!ed.read_only.get_untracked())
                        .then(|| {
                            view! {
                                <button
                                    role="menuitem"
                                    on:click=move |_| {
                                        ed.delete_selection();
                                        close();
                                    }
                                >
                                    "Delete"
                                </button>
                            }
                        })}
                </div>
            }
        })
    }
}
