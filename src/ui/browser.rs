//! The browser edge: the only module (with its submodules `designs_db`, the
//! library's IndexedDB, and `tabs`, per-tab storage and the other tabs) that
//! touches `window`, the document's global events, the clipboard, storage and
//! `location`. Everything else in the UI works on signals and plain values.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlElement};

mod designs_db;
mod tabs;

pub use designs_db::{open as open_designs_db, DbError, DesignsDb, Put};
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

/// Put text on the system clipboard; `done` hears whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Whether the element an event targets got focus from the keyboard (it matches
/// `:focus-visible`), not from a click.
pub fn focus_from_keyboard(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_none_or(|el| el.matches(":focus-visible").unwrap_or(true))
}

/// Offer `text` to the user as a downloaded file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    download_blob(name, &blob)
}

/// Offer a blob to the user as a downloaded file called `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let anchor = window()
        .document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| "the browser could not start the download".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Give the download a moment to start before the URL is let go.
    after(
        1_000,
        Box::new(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        }),
    );
    Ok(())
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

// ---- files -------------------------------------------------------------------------

/// Read a file the user picked or dropped as text; `done` hears its name and
/// text, or why it could not be read.
pub fn read_file(file: web_sys::File, done: impl FnOnce(String, Result<String, String>) + 'static) {
    let file = gloo::file::File::from(file);
    let name = file.name();
    // The reader must live until it reports; it is let go just after.
    let slot: std::rc::Rc<std::cell::RefCell<Option<gloo::file::callbacks::FileReader>>> =
        std::rc::Rc::default();
    let keep = slot.clone();
    let reader = gloo::file::callbacks::read_as_text(&file, move |result| {
        done(name, result.map_err(|e| e.to_string()));
        after(
            0,
            Box::new(move || {
                keep.borrow_mut().take();
            }),
        );
    });
    *slot.borrow_mut() = Some(reader);
}

/// Open files dropped anywhere on the window: `open` receives the first one.
/// Drags that carry no files (palette items) are left to the canvas.
pub fn file_drop_listeners(open: impl Fn(web_sys::File) + 'static) -> Vec<EventListener> {
    fn carries_files(ev: &web_sys::Event) -> bool {
        ev.dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    }
    let win = window();
    let over = EventListener::new_with_options(&win, "dragover", active(), |ev| {
        if carries_files(ev) {
            // Without this the browser would open the file itself.
            ev.prevent_default();
        }
    });
    let drop = EventListener::new_with_options(&win, "drop", active(), move |ev| {
        if !carries_files(ev) {
            return;
        }
        ev.prevent_default();
        let file = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            open(file);
        }
    });
    vec![over, drop]
}

/// The files chosen in a file input (the target of its `change` event); the
/// input is cleared so choosing the same file again fires `change` again.
pub fn take_picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
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

/// Fetch a text file next to the page. `url` is relative (the site may live
/// under a sub-path), so it resolves against the page's own address.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let failed = |_| format!("could not fetch {url}");
    let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(failed)?
        .dyn_into::<web_sys::Response>()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{url}: the server said {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

/// Draw an SVG document into a canvas `scale` times its size and hand the
/// picture to `done` as a PNG blob (or say why not).
pub fn svg_to_png(
    svg: &str,
    scale: f64,
    done: impl FnOnce(Result<web_sys::Blob, String>) + 'static,
) {
    let image = match web_sys::HtmlImageElement::new() {
        Ok(i) => i,
        Err(_) => return done(Err("the browser could not make an image".into())),
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<web_sys::Blob, String>| {
            if let Some(f) = done.borrow_mut().take() {
                f(result);
            }
        }
    };
    let finish = std::rc::Rc::new(finish);
    let on_error = {
        let finish = finish.clone();
        EventListener::once(&image, "error", move |_| {
            finish(Err("the browser could not draw the SVG".into()))
        })
    };
    let on_load = {
        let image = image.clone();
        EventListener::once(&image.clone(), "load", move |_| {
            let result = draw_scaled(&image, scale);
            match result {
                Ok(canvas) => {
                    let finish = finish.clone();
                    let callback = Closure::once(move |blob: Option<web_sys::Blob>| {
                        finish(blob.ok_or_else(|| "the browser could not make the PNG".into()))
                    });
                    if canvas.to_blob(callback.as_ref().unchecked_ref()).is_err() {
                        return;
                    }
                    callback.forget();
                }
                Err(e) => finish(Err(e)),
            }
        })
    };
    on_error.forget();
    on_load.forget();
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    image.set_src(&url);
}

/// A canvas with `image` drawn `scale` times its natural size.
fn draw_scaled(
    image: &web_sys::HtmlImageElement,
    scale: f64,
) -> Result<web_sys::HtmlCanvasElement, String> {
    let canvas = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or_else(|| "the browser could not make a canvas".to_string())?;
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    if w <= 0.0 || h <= 0.0 {
        return Err("the SVG has no size".into());
    }
    let (cw, ch) = ((w * scale).round(), (h * scale).round());
    canvas.set_width(cw as u32);
    canvas.set_height(ch as u32);
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "the browser could not draw".to_string())?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, cw, ch)
        .map_err(|_| "the browser could not draw the SVG".to_string())?;
    Ok(canvas)
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
