//! Files in and out: reading picked or dropped files, downloads, fetching a file beside the page, SVG to PNG.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{active, after};

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
