//! The help sheet: the pointer gestures and every action's keys (from the
//! registry in `actions.rs`), opened with `?` or the toolbar's help button.

use leptos::prelude::*;

use super::actions::{ACTIONS, GESTURES};

#[component]
pub fn HelpSheet(open: RwSignal<bool>) -> impl IntoView {
    move || {
        open.get().then(|| {
            view! {
                <div class="dialog-backdrop" on:click=move |_| open.set(false)>
                    <div
                        class="dialog help"
                        role="dialog"
                        aria-modal="true"
                        aria-labelledby="help-title"
                        on:click=|ev| ev.stop_propagation()
                    >
                        <h2 id="help-title">"Keyboard shortcuts"</h2>
                        <table class="shortcuts">
                            <thead>
                                <tr>
                                    <th scope="col">"Keys"</th>
                                    <th scope="col">"What they do"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {GESTURES
                                    .iter()
                                    .copied()
                                    .chain(
                                        ACTIONS
                                            .iter()
                                            .filter(|a| !a.keys.is_empty())
                                            .map(|a| (a.keys, a.help)),
                                    )
                                    .map(|(keys, what)| {
                                        view! {
                                            <tr>
                                                <td>
                                                    <kbd>{keys}</kbd>
                                                </td>
                                                <td>{what}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        <button class="primary" on:click=move |_| open.set(false) autofocus>
                            "Close"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
