//! The canvas's context menu (right-click on a block or zone): fail or restore it
//! in the what-if scenario, duplicate, delete (the last two not in a read-only
//! view).

use leptos::prelude::*;

use super::actions::{action, run, use_actions, ActionId};

use super::session::{use_session, ItemKind};

#[component]
pub fn ContextMenu() -> impl IntoView {
    let session = use_session();
    let ctx = use_actions();
    let close = move || session.menu.set(None);
    move || {
        session.menu.get().map(|m| {
            let id = StoredValue::new(m.id.clone());
            let failed = session.whatif.with_untracked(|w| w.fail.contains(&m.id));
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
                            session.whatif.update(|w| {
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
                    {[ActionId::Duplicate, ActionId::Delete]
                        .into_iter()
                        .filter(|id| is_block || *id == ActionId::Delete)
                        .map(action)
                        .filter(|a| (a.enabled)(&ctx))
                        .map(|a| {
                            view! {
                                <button
                                    role="menuitem"
                                    title=a.title()
                                    on:click=move |_| {
                                        run(a.id, &ctx);
                                        close();
                                    }
                                >
                                    {a.label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    }
}
