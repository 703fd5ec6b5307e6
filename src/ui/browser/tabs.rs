//! What one tab keeps to itself and says to the others: `sessionStorage` (per
//! tab, survives a reload of that tab), the page's lifecycle (hidden, closing),
//! a `BroadcastChannel` between the tabs of this site, the clock and a random
//! number for new ids.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// What this tab stored under `key` (nothing when storage is blocked).
pub fn tab_stored(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Keep `value` under `key` for this tab; quietly nothing when blocked (what
/// this tab keeps is a convenience: the library holds the designs).
pub fn tab_store(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

/// Every `localStorage` key that starts with `prefix`.
pub fn stored_keys(prefix: &str) -> Vec<String> {
    let Some(storage) = window().local_storage().ok().flatten() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Remove `key` from `localStorage` (nothing when blocked).
pub fn unstore(key: &str) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item(key);
    }
}

/// Milliseconds since 1970 by the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random 64-bit number (for ids; not for secrets).
pub fn random_u64() -> u64 {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

/// Call `hidden(closing)` when the page is hidden (`visibilitychange` to
/// hidden: `closing` false) or goes away (`pagehide`: `closing` true; a reload,
/// a closed tab, a navigation). Both may come, hidden first.
pub fn on_page_hidden(hidden: impl Fn(bool) + 'static) -> [EventListener; 2] {
    let hidden = std::rc::Rc::new(hidden);
    let on_hide = hidden.clone();
    [
        EventListener::new(&document(), "visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_hide(false);
            }
        }),
        EventListener::new(&window(), "pagehide", move |_| hidden(true)),
    ]
}

/// A channel to this site's other tabs: `send` posts a text to them, and
/// `heard` receives theirs. `None` where the browser has no BroadcastChannel.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Channel {
    pub fn open(name: &str, heard: impl Fn(String) + 'static) -> Option<Channel> {
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some(text) = ev.data().as_string() {
                    heard(text);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _on_message: on_message,
        })
    }

    pub fn send(&self, text: &str) {
        let _ = self.channel.post_message(&JsValue::from_str(text));
    }
}
