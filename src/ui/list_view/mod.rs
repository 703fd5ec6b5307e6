//! The list view: the design as two tables (blocks, links) whose every cell is
//! a field, so a design can be read and built from the keyboard alone.
//!
//! A text cell applies what was typed on Enter or when it loses focus, as one
//! undo step; text that does not parse is kept in the box, marked invalid with
//! the reason beside it, and changes nothing. Escape puts the current value back.

mod blocks;
mod cells;
mod links;

use blocks::BlocksTable;
use cells::*;
use links::LinksTable;

use leptos::prelude::*;
use web_sys::{HtmlInputElement, KeyboardEvent};

use super::browser;
use super::document::{use_document, Document};
use super::editor::{use_editor, Editor};
use super::session::{use_session, ItemKind, Selection, Session};
use crate::core::edit::{
    fmt_num, parse_block_field, parse_field, set_blocks_field, BlockField, CoalesceKey, Command,
    Field, FieldValue, LinkField,
};
use crate::core::model::{Design, Kind, Mode, Op};
use crate::core::render::units::percent;

/// The text a cell shows for a field of the block or link `id`.
fn shown(d: &Design, id: &str, field: Field) -> String {
    match field {
        Field::Block(f) => d.block(id).map_or_else(String::new, |b| match f {
            BlockField::Label => b.label.clone(),
            BlockField::Replicas => b.replicas.to_string(),
            BlockField::Availability => percent(b.availability),
            BlockField::LatencyMs => fmt_num(b.latency_ms),
            BlockField::P99Ms => fmt_num(b.p99_ms),
            BlockField::CapacityRps => b.capacity_rps.map(fmt_num).unwrap_or_default(),
            BlockField::Rps => fmt_num(b.rps),
            _ => String::new(),
        }),
        Field::Link(f) => d.link(id).map_or_else(String::new, |l| match f {
            LinkField::Calls => fmt_num(l.calls),
            LinkField::LatencyMs => fmt_num(l.latency_ms),
            _ => String::new(),
        }),
        _ => String::new(),
    }
}

/// The command that writes `text` into a field, or why the text is refused.
fn command(d: &Design, id: &str, field: Field, text: &str) -> Result<Command, String> {
    match field {
        Field::Block(f) => {
            let b = d.block(id).ok_or("This block no longer exists.")?;
            let value = parse_block_field(b, f, text)?;
            // Also keeps dependent fields valid (p99 follows a raised median).
            Ok(set_blocks_field(d, &[id.to_string()], f, value))
        }
        Field::Link(f) => {
            let value = parse_field(field, text)?;
            Ok(Command::SetLinkField {
                id: id.to_string(),
                field: f,
                value,
            })
        }
        _ => Err("This field cannot be edited here.".into()),
    }
}

/// Apply a value, as one undo step; the refusal's reason on failure.
fn apply(doc: Document, id: &str, field: Field, cmd: Command) -> Result<(), String> {
    let key = CoalesceKey::Field {
        id: id.to_string(),
        field,
    };
    doc.seal();
    let outcome = doc.dispatch(cmd, Some(key));
    doc.seal();
    // Said beside the cell only (it used to show as a notice too).
    outcome.map_err(|e| e.to_string())
}

/// A block's name for people: its label, with its id when another block
/// shows the same label.
fn block_name(d: &Design, id: &str) -> String {
    let Some(b) = d.block(id) else {
        return id.to_string();
    };
    let label = b.display_label();
    let twins = d
        .blocks
        .iter()
        .filter(|o| o.display_label() == label)
        .count();
    if twins > 1 {
        format!("{label} ({id})")
    } else {
        label.to_string()
    }
}

/// The spoken name of a link row: "API to Orders DB".
fn link_name(d: &Design, id: &str) -> String {
    d.link(id).map_or_else(
        || id.to_string(),
        |l| format!("{} to {}", block_name(d, &l.from), block_name(d, &l.to)),
    )
}

#[component]
pub fn ListView(open: RwSignal<bool>) -> impl IntoView {
    let doc = use_document();
    let status = RwSignal::new(String::new());
    let heading = NodeRef::<leptos::html::H2>::new();
    // Take focus when opened, so the keyboard lands in the tables.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    // Arrow keys would nudge the (hidden) canvas selection: keep them here.
    let on_key = |ev: KeyboardEvent| {
        if ev.key().starts_with("Arrow") {
            ev.stop_propagation();
        }
    };
    view! {
        <section class="list-view" aria-labelledby="list-view-title" on:keydown=on_key>
            <div class="list-head">
                <h2 id="list-view-title" tabindex="-1" node_ref=heading>
                    "Design as a list"
                </h2>
                <button on:click=move |_| {
                    open.set(false);
                    // Keep the keyboard where the list was opened.
                    browser::focus(".toolbar button[aria-label='List view']");
                }>"Back to canvas"</button>
            </div>
            <p class="list-hint">
                "Type into a cell and press Enter (or leave it) to apply; Esc puts the value back."
            </p>
            // A read-only view shows the tables with every control disabled.
            <fieldset class="list-edit" disabled=move || doc.read_only.get()>
                <BlocksTable status=status />
                <LinksTable status=status />
            </fieldset>
            <p class="visually-hidden" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::blocks::BLOCK_COLUMNS;
    use super::*;
    use crate::core::model::{Block, Link};

    fn design() -> Design {
        let mut d = Design::default();
        let mut api = Block::new("api", Kind::Service, 0.0, 0.0);
        api.label = "API".into();
        api.latency_ms = 20.0;
        api.p99_ms = 50.0;
        d.blocks.push(api);
        d.blocks
            .push(Block::new("db1", Kind::RelationalDb, 0.0, 0.0));
        d.blocks
            .push(Block::new("db2", Kind::RelationalDb, 0.0, 0.0));
        d.links.push(Link::new("l1", "api", "db1"));
        d
    }

    #[test]
    fn names_rows_for_people() {
        let d = design();
        assert_eq!(block_name(&d, "api"), "API");
        assert_eq!(block_name(&d, "db1"), "Relational DB (db1)");
        assert_eq!(link_name(&d, "l1"), "API to Relational DB (db1)");
    }

    #[test]
    fn shows_values_that_parse_back() {
        let d = design();
        for f in BLOCK_COLUMNS {
            let text = shown(&d, "api", Field::Block(f));
            if f == BlockField::CapacityRps {
                assert_eq!(text, "");
            }
            assert!(
                command(&d, "api", Field::Block(f), &text).is_ok(),
                "{f:?}: {text}"
            );
        }
        assert_eq!(shown(&d, "l1", Field::Link(LinkField::Calls)), "1");
    }

    #[test]
    fn refuses_bad_text_with_a_reason() {
        let d = design();
        let replicas = Field::Block(BlockField::Replicas);
        assert!(command(&d, "api", replicas, "abc").is_err());
        assert!(command(&d, "api", Field::Block(BlockField::P99Ms), "5").is_err());
        assert!(command(&d, "gone", replicas, "2").is_err());
        assert!(command(&d, "l1", Field::Link(LinkField::Calls), "-1").is_err());
    }
}
