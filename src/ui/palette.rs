//! The palette: the catalog's kinds by group, plus zones and stickies. Drag an
//! item onto the canvas, or press Enter / click to add it at the view's centre.

use leptos::prelude::*;
use web_sys::DragEvent;

use super::canvas::PALETTE_MIME;
use super::editor::use_editor;
use super::icons::{icon_path, PathIcon, STICKY_ICON, ZONE_ICON};
use crate::core::model::{Group, Kind};

/// One palette entry: a block kind, a zone or a sticky.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    Block(Kind),
    Zone,
    Sticky,
}

impl Item {
    fn key(self) -> &'static str {
        match self {
            Item::Block(k) => k.as_str(),
            Item::Zone => "zone",
            Item::Sticky => "sticky",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Item::Block(k) => k.name(),
            Item::Zone => "Zone (failure domain)",
            Item::Sticky => "Sticky note",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Item::Block(k) => icon_path(k),
            Item::Zone => ZONE_ICON,
            Item::Sticky => STICKY_ICON,
        }
    }
}

#[component]
pub fn Palette() -> impl IntoView {
    let ed = use_editor();
    let (filter, set_filter) = signal(String::new());
    let matches = move |item: Item| {
        let f = filter.get().to_ascii_lowercase();
        f.is_empty() || item.name().to_ascii_lowercase().contains(&f) || item.key().contains(&f)
    };
    let add = move |item: Item| {
        let at = ed.session.view_centre();
        match item {
            Item::Block(k) => {
                ed.add_block(k, at);
            }
            Item::Zone => {
                ed.add_zone(at);
            }
            Item::Sticky => {
                ed.add_sticky(at);
            }
        }
    };
    let entry = move |item: Item| {
        view! {
            <li class="palette-item" style:display=move || if matches(item) { "" } else { "none" }>
                <button
                    draggable="true"
                    data-kind=item.key()
                    aria-label=format!("Add {}", item.name())
                    title="Drag onto the canvas, or press Enter to add at the centre"
                    on:dragstart=move |ev: DragEvent| {
                        if let Some(dt) = ev.data_transfer() {
                            let _ = dt.set_data(PALETTE_MIME, item.key());
                            let _ = dt.set_data("text/plain", item.name());
                            dt.set_effect_allowed("copy");
                        }
                    }
                    on:click=move |_| add(item)
                >
                    <PathIcon d=item.icon() size=20.0 />
                    <span>{item.name()}</span>
                </button>
            </li>
        }
    };
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let items: Vec<Item> = Kind::ALL
                .into_iter()
                .filter(|k| k.group() == group)
                .map(Item::Block)
                .collect();
            let any = {
                let items = items.clone();
                move || items.iter().any(|i| matches(*i))
            };
            let heading = format!("palette-{}", group.name().to_ascii_lowercase());
            view! {
                <section class="palette-group" style:display=move || if any() { "" } else { "none" }>
                    <h3 id=heading.clone()>{group.name()}</h3>
                    <ul aria-labelledby=heading>{items.into_iter().map(entry).collect_view()}</ul>
                </section>
            }
        })
        .collect_view();
    // The `<aside class="palette">` around this is `App`'s, so the layout is
    // in place before this panel's module arrives.
    view! {
            <label class="palette-filter">
                <span class="visually-hidden">"Filter blocks"</span>
                <input
                    type="search"
                    placeholder="Filter blocks…"
                    prop:value=filter
                    on:input=move |ev| set_filter.set(event_target_value(&ev))
                />
            </label>
            {groups}
            <section class="palette-group">
                <h3 id="palette-canvas">"Canvas"</h3>
                <ul aria-labelledby="palette-canvas">
                    {entry(Item::Zone)}
                    {entry(Item::Sticky)}
                </ul>
            </section>
    }
}
