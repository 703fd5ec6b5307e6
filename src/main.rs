//! The web app's entry point: Trunk builds this binary (`envelope-web`) for wasm32.

fn main() {
    // Panics show up as readable messages in the browser console.
    console_error_panic_hook::set_once();
    // In leptos 0.8 `mount_to_body` forgets its unmount handle itself, so the app
    // lives for the whole page.
    leptos::mount::mount_to_body(envelope::ui::App);
}
