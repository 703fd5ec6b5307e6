//! The root component of the web app.
use leptos::prelude::*;

/// The page: a header with the app's name and a line saying what it does.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>"Envelope"</h1>
        </header>
        <main class="app-main">
            <p>
                "Sketch a system design and get its back-of-the-envelope availability, latency and load."
            </p>
        </main>
    }
}
