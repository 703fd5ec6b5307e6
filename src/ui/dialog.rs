//! The frame of a modal dialog with a heading and a Close button (the template
//! gallery, Recent designs): a backdrop that closes it when clicked, keys kept
//! from the canvas's shortcuts behind it, and Esc to close.

use leptos::prelude::*;

/// A modal dialog titled `title`; `class` is added to `dialog`, and the
/// heading's id is `{class}-title`. `close` runs on Esc, Close or a click on
/// the backdrop.
#[component]
pub fn ModalDialog(
    class: &'static str,
    title: &'static str,
    close: impl Fn() + Copy + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{class}-title");
    let labelled_by = title_id.clone();
    view! {
        <div class="dialog-backdrop" on:click=move |_| close()>
            <div
                class=format!("dialog {class}")
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                on:click=|ev| ev.stop_propagation()
                on:keydown:capture=move |ev| {
                    // Keys belong to the dialog, not to the canvas behind it: a
                    // capture listener sits on this element, so stopping here keeps
                    // them from the window's shortcut handler.
                    ev.stop_propagation();
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close();
                    }
                }
            >
                <div class="gallery-head">
                    <h2 id=title_id>{title}</h2>
                    <button class="gallery-close" on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
                {children()}
            </div>
        </div>
    }
}
