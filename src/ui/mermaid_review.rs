//! The review of a Mermaid import: the kind guessed for each block, with its
//! reason and line, to correct before anything lands; the lines not taken as
//! written, by number. "Add to design" pastes the diagram as one undo step;
//! a file opened becomes a new design instead (the open one stays restorable).

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::browser;
use super::dialog::ModalDialog;
use super::editor::{use_editor, Editor};
use super::library::use_library;
use crate::core::geometry;
use crate::core::mermaid::{import_with_kinds, Imported};
use crate::core::model::Kind;

/// A Mermaid text read and waiting for its review.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub text: String,
    pub imported: Imported,
    /// Where it lands: pasted into the open design, or a file's new design.
    pub into: Landing,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Landing {
    Paste,
    NewDesign { file: String },
}

#[component]
pub fn MermaidReview() -> impl IntoView {
    let ed = use_editor();
    move || {
        ed.chrome
            .review
            .get()
            .map(|review| view! { <Form review=review /> })
    }
}

#[component]
fn Form(review: Review) -> impl IntoView {
    let ed = use_editor();
    let library = use_library();
    let guesses = review.imported.guesses.clone();
    // The kind chosen for each block, starting from the guess.
    let kinds: Vec<RwSignal<Kind>> = guesses.iter().map(|g| RwSignal::new(g.kind)).collect();
    let kinds = StoredValue::new(kinds);
    let review = StoredValue::new(review);
    let close = move || ed.chrome.review.set(None);
    let land = move || {
        let chosen: BTreeMap<String, Kind> = review.with_value(|r| {
            r.imported
                .guesses
                .iter()
                .zip(kinds.get_value())
                .map(|(g, k)| (g.id.clone(), k.get_untracked()))
                .collect()
        });
        let r = review.get_value();
        match import_with_kinds(&r.text, &chosen) {
            Ok(imported) => {
                close();
                match r.into {
                    Landing::Paste => paste(ed, imported),
                    Landing::NewDesign { file } => {
                        library.open_new(imported.design);
                        ed.fit();
                        ed.chrome.notice.set(Some(format!(
                            "Opened “{file}” from Mermaid. \"Restore previous design\" brings the last one back."
                        )));
                    }
                }
            }
            Err(errors) => {
                let first = errors
                    .first()
                    .map(|e| e.message.clone())
                    .unwrap_or_default();
                ed.chrome
                    .notice
                    .set(Some(format!("The diagram could not be imported: {first}.")));
            }
        }
    };
    let (blocks, links, zones, skipped) = review.with_value(|r| {
        let d = &r.imported.design;
        (
            d.blocks.len(),
            d.links.len(),
            d.zones.len(),
            r.imported.skipped.clone(),
        )
    });
    let action = review.with_value(|r| match r.into {
        Landing::Paste => "Add to design",
        Landing::NewDesign { .. } => "Open as new design",
    });
    let rows = guesses
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let kind = kinds.with_value(|k| k[i]);
            let select_id = format!("mermaid-kind-{i}");
            view! {
                <tr>
                    <td class="num">{g.line}</td>
                    <th scope="row"><label for=select_id.clone()>{g.label.clone()}</label></th>
                    <td>
                        <select
                            id=select_id
                            prop:value=move || kind.get().as_str()
                            on:change=move |ev| {
                                if let Some(k) = Kind::parse(&event_target_value(&ev)) {
                                    kind.set(k);
                                }
                            }
                        >
                            {Kind::ALL
                                .iter()
                                .map(|k| view! { <option value=k.as_str()>{k.name()}</option> })
                                .collect_view()}
                        </select>
                    </td>
                    <td class="muted">{g.reason.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let skipped_view = (!skipped.is_empty()).then(|| {
        view! {
            <h3>{format!("Not taken as written ({})", skipped.len())}</h3>
            <ul class="mermaid-skipped">
                {skipped
                    .into_iter()
                    .map(|s| view! {
                        <li>
                            <span class="line">{format!("Line {}: ", s.line)}</span>
                            <code>{s.text}</code>
                            " — "
                            {s.reason}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    });
    request_animation_frame(|| browser::focus(".mermaid-review .req-create"));
    view! {
        <ModalDialog class="mermaid-review" title="Import from Mermaid" close=close>
            <p class="gallery-intro">
                {format!(
                    "{blocks} block{}, {links} link{} and {zones} zone{}. Check the kind guessed for each block; each brings its kind's numbers from the catalog.",
                    plural(blocks),
                    plural(links),
                    plural(zones)
                )}
            </p>
            <div class="mermaid-guesses" tabindex="0" role="region" aria-label="Kinds guessed">
                <table>
                    <thead>
                        <tr>
                            <th scope="col" class="num">"Line"</th>
                            <th scope="col">"Block"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Why"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {skipped_view}
            <div class="req-actions">
                <button type="button" on:click=move |_| close()>"Cancel"</button>
                <button type="button" class="req-create" on:click=move |_| land()>{action}</button>
            </div>
        </ModalDialog>
    }
}

/// Paste the imported diagram into the open design as one undo step, beside
/// what is there, and select it.
///
/// Spec choice: the diagram goes to the right of the open design, tops
/// aligned, 120 px apart; into an empty design, where its layout put it.
fn paste(ed: Editor, imported: Imported) {
    let (dx, dy) = ed.doc.design.with_untracked(|d| {
        match (
            geometry::design_bounds(d),
            geometry::design_bounds(&imported.design),
        ) {
            (Some(here), Some(there)) => (here.x + here.w + 120.0 - there.x, here.y - there.y),
            _ => (0.0, 0.0),
        }
    });
    if ed.import_design(&imported.design, dx, dy) {
        ed.fit();
        ed.chrome.notice.set(Some(format!(
            "Imported {} blocks from Mermaid. Undo (Ctrl+Z) takes them out again.",
            imported.design.blocks.len()
        )));
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
