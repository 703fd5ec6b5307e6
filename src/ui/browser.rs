//! The browser edge: the only module (with its submodules `clipboard`,
//! `files` (reading, downloads, fetch, SVG → PNG), `designs_db`, the library's
//! IndexedDB, and `tabs`, per-tab storage and the other tabs) that touches
//! `window`, the document's global events, the clipboard, storage and
//! `location`. Everything else in the UI works on signals and plain values.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

mod clipboard;
mod designs_db;
mod files;
mod tabs;

pub use clipboard::{clipboard_listeners, copy_text};
pub use designs_db::{open as open_designs_db, DbError, DesignsDb, Put};
pub use files::{
    download, download_blob, fetch_text, file_drop_listeners, read_file, svg_to_png,
    take_picked_file,
};
pub use tabs::{
    now_ms, on_page_hidden, random_u64, stored_keys, tab_store, tab_stored, unstore, Channel,
};

/// Whether keyboard focus is in a text field, where keys belong to the field.
pub fn typing_in_field() -> bool {
    document()
        .active_element()
        .map(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || el.get_attribute("contenteditable").is_some()
        })
        .unwrap_or(false)
}

/// Listener options that let `prevent_default` work: gloo's listeners are
/// passive by default, and a passive copy listener cannot stop the browser from
/// overwriting the clipboard with the (empty) page selection.
fn active() -> EventListenerOptions {
    EventListenerOptions::enable_prevent_default()
}

/// Expose read-only getters for tests and scripts as `window.envelope`:
/// `document()` returns the open design's saved JSON text (format.md §1).
pub fn expose_api(document_json: impl Fn() -> String + 'static) {
    let api = js_sys::Object::new();
    let get = Closure::<dyn Fn() -> String>::new(document_json);
    let _ = js_sys::Reflect::set(&api, &"document".into(), get.as_ref());
    get.forget();
    let _ = js_sys::Reflect::set(&window(), &"envelope".into(), &api);
}

/// Add a getter to `window.envelope` (e.g. the report, in a later feature).
pub fn expose_getter(name: &str, value: impl Fn() -> String + 'static) {
    let api = js_sys::Reflect::get(&window(), &"envelope".into())
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| js_sys::Object::new().into());
    let get = Closure::<dyn Fn() -> String>::new(value);
    let _ = js_sys::Reflect::set(&api, &name.into(), get.as_ref());
    get.forget();
    let _ = js_sys::Reflect::set(&window(), &"envelope".into(), &api);
}

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Set the page's theme (`light` or `dark`) on the root element.
pub fn set_theme(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Move keyboard focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    if let Some(el) = html_element(selector) {
        let _ = el.focus();
    }
}

/// The first HTML element matching `selector`.
fn html_element(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e: Element| e.dyn_into::<HtmlElement>().ok())
}

/// The page URL's fragment without the `#` (a share link's design lives there).
pub fn location_hash() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Call `down` and `up` with every key pressed and released in the window.
pub fn on_keys(
    down: impl Fn(web_sys::KeyboardEvent) + 'static,
    up: impl Fn(web_sys::KeyboardEvent) + 'static,
) -> [EventListener; 2] {
    let key = |f: Box<dyn Fn(web_sys::KeyboardEvent)>| {
        move |ev: &web_sys::Event| {
            if let Some(e) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                f(e.clone());
            }
        }
    };
    [
        EventListener::new_with_options(&window(), "keydown", active(), key(Box::new(down))),
        EventListener::new(&window(), "keyup", key(Box::new(up))),
    ]
}

/// Call `resized` whenever the window changes size.
pub fn on_resize(resized: impl Fn() + 'static) -> EventListener {
    EventListener::new(&window(), "resize", move |_| resized())
}

/// Call `changed` when the address's fragment changes without a page load.
pub fn on_hash_change(changed: impl Fn() + 'static) -> EventListener {
    EventListener::new(&window(), "hashchange", move |_| changed())
}

/// Run `f` after `ms` milliseconds (a plain timer; nothing to cancel).
pub fn after(ms: u32, f: Box<dyn FnOnce()>) {
    gloo::timers::callback::Timeout::new(ms, f).forget();
}

/// Tell listeners the window changed size (a panel opened or closed, so the
/// canvas measures itself again).
pub fn notify_resize() {
    if let Ok(ev) = web_sys::Event::new("resize") {
        let _ = window().dispatch_event(&ev);
    }
}

/// The page's address without its fragment: where a share link points.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Whether the element an event targets got focus from the keyboard (it matches
/// `:focus-visible`), not from a click.
pub fn focus_from_keyboard(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_none_or(|el| el.matches(":focus-visible").unwrap_or(true))
}

// ---- storage ---------------------------------------------------------------------

/// `localStorage`, when the browser lets the page have it.
fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The text stored under `key`, if any (nothing when storage is blocked).
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Store `value` under `key`; an error when storage is full or blocked.
///
/// Spec choice: plain strings through `web_sys::Storage` rather than
/// `gloo::storage`, whose `set` wraps every value as JSON (a design's text would
/// be stored escaped) and whose `raw()` throws when storage is blocked.
pub fn store(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage().ok_or_else(|| "storage is not available".to_string())?;
    storage
        .set_item(key, value)
        .map_err(|_| "storage is full or blocked".to_string())
}

/// Click the first element matching `selector` (e.g. a hidden file input).
pub fn click(selector: &str) {
    if let Some(el) = html_element(selector) {
        el.click();
    }
}

/// The element that has keyboard focus now, to give focus back to it later.
pub fn focused() -> Option<HtmlElement> {
    document()
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Register the offline service worker (`sw.js`, beside index.html; a relative URL
/// so the site works under any sub-path). Failure is silent: the app works without
/// it. Spec choice: debug builds (`trunk serve`) skip it, so a cached build never
/// hides a change while developing.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Put `hash` (without `#`; empty for none) in the address bar in place of the
/// current fragment, without a reload or a new history entry.
pub fn replace_hash(hash: &str) {
    let mut url = page_base();
    if !hash.is_empty() {
        url.push('#');
        url.push_str(hash);
    }
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Ask for the whole page to go full screen. The browser may refuse (no user
/// gesture, a policy): then nothing happens and the page stays as it is.
pub fn enter_fullscreen() {
    let Some(root) = document().document_element() else {
        return;
    };
    // The browser answers with a promise: catch a refusal, so it does not
    // surface as an unhandled rejection.
    let call = js_sys::Reflect::get(&root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&root).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = call {
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
    }
}

/// Leave full screen if the page is in it.
pub fn exit_fullscreen() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

/// Call `changed(now_full)` whenever the page enters or leaves full screen
/// (also when the browser handles Esc itself, or the user presses F11).
pub fn on_fullscreen_change(changed: impl Fn(bool) + 'static) -> EventListener {
    EventListener::new(&document(), "fullscreenchange", move |_| {
        changed(document().fullscreen_element().is_some())
    })
}

/// Call `printing(true)` before the page is printed and `printing(false)` after.
pub fn on_print(printing: impl Fn(bool) + 'static) -> [EventListener; 2] {
    let printing = std::rc::Rc::new(printing);
    let after = printing.clone();
    [
        EventListener::new(&window(), "beforeprint", move |_| printing(true)),
        EventListener::new(&window(), "afterprint", move |_| after(false)),
    ]
}

/// Open the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Scroll the first element matching `selector` into view, as little as needed.
pub fn scroll_into_view(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
