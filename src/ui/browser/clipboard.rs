//! The system clipboard: copy, cut and paste listeners, and putting text there.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::ClipboardEvent;

use super::{active, typing_in_field};

/// Copy and paste through the system clipboard (so they work between tabs):
/// `copy` returns the text to put there, `paste` receives what is there. Both
/// stay out of the way while the user is typing in a field.
pub fn clipboard_listeners(
    copy: impl Fn() -> Option<String> + 'static,
    cut: impl Fn() + 'static,
    paste: impl Fn(String) + 'static,
) -> Vec<EventListener> {
    let doc = document();
    let copy = std::rc::Rc::new(copy);
    let on_copy = {
        let copy = copy.clone();
        move |ev: &web_sys::Event, then: Option<&dyn Fn()>| {
            if typing_in_field() {
                return;
            }
            let Some(ev) = ev.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            if let (Some(text), Some(data)) = (copy(), ev.clipboard_data()) {
                if data.set_data("text/plain", &text).is_ok() {
                    ev.prevent_default();
                    if let Some(then) = then {
                        then();
                    }
                }
            }
        }
    };
    let on_copy = std::rc::Rc::new(on_copy);
    let copy_listener = {
        let on_copy = on_copy.clone();
        EventListener::new_with_options(&doc, "copy", active(), move |ev| on_copy(ev, None))
    };
    let cut_listener =
        EventListener::new_with_options(&doc, "cut", active(), move |ev| on_copy(ev, Some(&cut)));
    let paste_listener = EventListener::new_with_options(&doc, "paste", active(), move |ev| {
        if typing_in_field() {
            return;
        }
        let Some(ev) = ev.dyn_ref::<ClipboardEvent>() else {
            return;
        };
        if let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        {
            ev.prevent_default();
            paste(text);
        }
    });
    vec![copy_listener, cut_listener, paste_listener]
}

/// Put text on the system clipboard; `done` hears whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
