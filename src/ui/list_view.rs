//! The list view: the design as two tables (blocks, links) whose every cell is
//! a field, so a design can be read and built from the keyboard alone.
//!
//! A text cell applies what was typed on Enter or when it loses focus, as one
//! undo step; text that does not parse is kept in the box, marked invalid with
//! the reason beside it, and changes nothing. Escape puts the current value back.

use leptos::prelude::*;
use web_sys::{HtmlInputElement, KeyboardEvent};

use super::browser;
use super::editor::{use_editor, Editor};
use super::session::{ItemKind, Selection};
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
fn apply(ed: Editor, id: &str, field: Field, cmd: Command) -> Result<(), String> {
    let key = CoalesceKey::Field {
        id: id.to_string(),
        field,
    };
    ed.seal();
    let outcome = ed.dispatch(cmd, Some(key));
    ed.seal();
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
    let ed = use_editor();
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
            <fieldset class="list-edit" disabled=move || ed.read_only.get()>
                <BlocksTable status=status />
                <LinksTable status=status />
            </fieldset>
            <p class="visually-hidden" role="status">
                {move || status.get()}
            </p>
        </section>
    }
}

// ---- blocks -------------------------------------------------------------------

/// The columns of the blocks table with text boxes: (field, name, unit).
const BLOCK_COLUMNS: [(BlockField, &str, &str); 6] = [
    (BlockField::Replicas, "Replicas", ""),
    (BlockField::Availability, "Availability", ""),
    (BlockField::LatencyMs, "Median latency", "ms"),
    (BlockField::P99Ms, "p99", "ms"),
    (BlockField::CapacityRps, "Capacity", "req/s"),
    (BlockField::Rps, "rps", "req/s"),
];

#[component]
fn BlocksTable(status: RwSignal<String>) -> impl IntoView {
    let ed = use_editor();
    let ids = Memo::new(move |_| {
        ed.design
            .with(|d| d.blocks.iter().map(|b| b.id.clone()).collect::<Vec<_>>())
    });
    let kind = RwSignal::new(Kind::Service);
    let add = move |_| {
        let k = kind.get_untracked();
        if ed.add_block(k, ed.view_centre()).is_some() {
            status.set(format!("Added a {}.", k.name()));
        }
    };
    let headers = BLOCK_COLUMNS.into_iter().map(|(_, name, unit)| {
        view! {
            <th scope="col">
                {name}
                {(!unit.is_empty()).then(|| view! { <span class="unit">{format!(" ({unit})")}</span> })}
            </th>
        }
    }).collect_view();
    view! {
        <table class="list-table list-blocks">
            <caption>"Blocks"</caption>
            <thead>
                <tr>
                    <th scope="col">"Label"</th>
                    <th scope="col">"Kind"</th>
                    {headers}
                    <th scope="col">
                        <span class="visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <BlockRow id=id status=status />
                </For>
            </tbody>
        </table>
        {move || {
            ids.with(Vec::is_empty)
                .then(|| view! { <p class="list-empty">"No blocks yet: add one below."</p> })
        }}
        <div class="list-add" role="group" aria-label="Add a block">
            <label for="list-new-kind">"Kind of new block"</label>
            <select
                id="list-new-kind"
                on:change=move |ev| {
                    if let Some(k) = Kind::parse(&event_target_value(&ev)) {
                        kind.set(k);
                    }
                }
            >
                {Kind::ALL
                    .into_iter()
                    .map(|k| {
                        view! {
                            <option value=k.as_str() prop:selected=move || kind.get() == k>
                                {k.name()}
                            </option>
                        }
                    }).collect_view()}
            </select>
            <button on:click=add>"Add block"</button>
        </div>
    }
}

#[component]
fn BlockRow(id: String, status: RwSignal<String>) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let name = Memo::new(move |_| ed.design.with(|d| key.with_value(|id| block_name(d, id))));
    let kind = Memo::new(move |_| {
        ed.design
            .with(|d| key.with_value(|id| d.block(id).map(|b| b.kind)))
    });
    let placeholder = Memo::new(move |_| kind.get().map(Kind::name).unwrap_or_default());
    let problems = Problems::new(key);
    let set_kind = move |ev| {
        let Some(k) = Kind::parse(&event_target_value(&ev)) else {
            return;
        };
        let id = key.get_value();
        let cmd = ed.design.with_untracked(|d| {
            set_blocks_field(
                d,
                std::slice::from_ref(&id),
                BlockField::Kind,
                FieldValue::Kind(k),
            )
        });
        problems.report("Kind", apply(ed, &id, Field::Block(BlockField::Kind), cmd));
    };
    let cells = BLOCK_COLUMNS
        .into_iter()
        .map(|(f, col, _)| {
            view! {
                <td>
                    <TextCell
                    id=key
                    field=Field::Block(f)
                    col=col
                    row=name
                    problems=problems
                    placeholder=Signal::stored(if f == BlockField::CapacityRps { "unlimited" } else { "" })
                />
                </td>
            }
        })
        .collect_view();
    let delete = move |_| {
        let label = name.get_untracked();
        let at = ids_index(ed, &key.get_value(), true);
        ed.selection
            .set(Selection::only(ItemKind::Block, &key.get_value()));
        ed.delete_selection();
        status.set(format!("Deleted {label}."));
        refocus("list-blocks", at, "#list-new-kind");
    };
    view! {
        <tr data-id=key.get_value() on:focusin=move |_| select_item(ed, ItemKind::Block, key)>
            <th scope="row">
                <TextCell
                    id=key
                    field=Field::Block(BlockField::Label)
                    col="Label"
                    row=name
                    problems=problems
                    placeholder=placeholder
                />
            </th>
            <td>
                <select
                    aria-label=move || format!("Kind of {}", name.get())
                    aria-invalid=move || problems.invalid("Kind")
                    aria-describedby=move || problems.described("Kind")
                    on:change=set_kind
                >
                    {Kind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k.as_str() prop:selected=move || kind.get() == Some(k)>
                                    {k.name()}
                                </option>
                            }
                        }).collect_view()}
                </select>
            </td>
            {cells}
            <td>
                <button
                    class="row-delete"
                    aria-label=move || format!("Delete {}", name.get())
                    on:click=delete
                >
                    "Delete"
                </button>
            </td>
        </tr>
        <ProblemRow problems=problems span=9 />
    }
}

// ---- links --------------------------------------------------------------------

#[component]
fn LinksTable(status: RwSignal<String>) -> impl IntoView {
    let ed = use_editor();
    let ids = Memo::new(move |_| {
        ed.design
            .with(|d| d.links.iter().map(|l| l.id.clone()).collect::<Vec<_>>())
    });
    // The blocks a link can join: (id, name), in document order.
    let blocks = Memo::new(move |_| {
        ed.design.with(|d| {
            d.blocks
                .iter()
                .map(|b| (b.id.clone(), block_name(d, &b.id)))
                .collect::<Vec<_>>()
        })
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // What the selects really hold: the chosen block if it still exists, else
    // the first block (From) and the first other block (To).
    let from_now = Memo::new(move |_| {
        blocks.with(|bs| {
            from.with(|f| {
                bs.iter()
                    .find(|(id, _)| id == f)
                    .or(bs.first())
                    .map(|(id, _)| id.clone())
                    .unwrap_or_default()
            })
        })
    });
    let to_now = Memo::new(move |_| {
        let f = from_now.get();
        blocks.with(|bs| {
            to.with(|t| {
                bs.iter()
                    .find(|(id, _)| id == t)
                    .or(bs.iter().find(|(id, _)| *id != f))
                    .map(|(id, _)| id.clone())
                    .unwrap_or_default()
            })
        })
    });
    let add = move |_| {
        let (f, t) = (from_now.get_untracked(), to_now.get_untracked());
        if f.is_empty() || t.is_empty() {
            ed.notice
                .set(Some("Add two blocks first, then link them.".into()));
            return;
        }
        if ed.connect(&f, &t).is_some() {
            let said = ed.design.with_untracked(|d| {
                format!("Linked {} to {}.", block_name(d, &f), block_name(d, &t))
            });
            status.set(said);
        }
    };
    let options = move |chosen: Memo<String>| {
        move || {
            blocks
                .get()
                .into_iter()
                .map(|(id, name)| {
                    let mine = id.clone();
                    view! {
                        <option value=id prop:selected=move || chosen.with(|c| *c == mine)>
                            {name}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <table class="list-table list-links">
            <caption>"Links"</caption>
            <thead>
                <tr>
                    <th scope="col">"From"</th>
                    <th scope="col">"To"</th>
                    <th scope="col">"Mode"</th>
                    <th scope="col">"Op"</th>
                    <th scope="col">"Calls" <span class="unit">" (per request)"</span></th>
                    <th scope="col">"Latency" <span class="unit">" (ms)"</span></th>
                    <th scope="col">
                        <span class="visually-hidden">"Actions"</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <LinkRow id=id blocks=blocks status=status />
                </For>
            </tbody>
        </table>
        {move || {
            ids.with(Vec::is_empty)
                .then(|| view! { <p class="list-empty">"No links yet: add one below."</p> })
        }}
        <div class="list-add" role="group" aria-label="Add a link">
            <label for="list-new-from">"From"</label>
            <select id="list-new-from" on:change=move |ev| from.set(event_target_value(&ev))>
                {options(from_now)}
            </select>
            <label for="list-new-to">"To"</label>
            <select id="list-new-to" on:change=move |ev| to.set(event_target_value(&ev))>
                {options(to_now)}
            </select>
            <button on:click=add>"Add link"</button>
        </div>
    }
}

#[component]
fn LinkRow(
    id: String,
    blocks: Memo<Vec<(String, String)>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let ed = use_editor();
    let key = StoredValue::new(id);
    let name = Memo::new(move |_| ed.design.with(|d| key.with_value(|id| link_name(d, id))));
    let link = Memo::new(move |_| {
        ed.design.with(|d| {
            key.with_value(|id| {
                d.link(id)
                    .map(|l| (l.from.clone(), l.to.clone(), l.mode, l.op))
            })
        })
    });
    let problems = Problems::new(key);
    let set = move |col: &'static str, field: LinkField, value: FieldValue| {
        let id = key.get_value();
        let cmd = Command::SetLinkField {
            id: id.clone(),
            field,
            value,
        };
        problems.report(col, apply(ed, &id, Field::Link(field), cmd));
    };
    let end_select = move |field: LinkField, col: &'static str| {
        let current = move || {
            link.with(|l| {
                l.as_ref().map(|(f, t, _, _)| {
                    if field == LinkField::From {
                        f.clone()
                    } else {
                        t.clone()
                    }
                })
            })
        };
        view! {
            <select
                aria-label=move || format!("{col} of {}", name.get())
                aria-invalid=move || problems.invalid(col)
                aria-describedby=move || problems.described(col)
                on:change=move |ev| set(col, field, FieldValue::Text(event_target_value(&ev)))
            >
                {move || {
                    blocks
                        .get()
                        .into_iter()
                        .map(|(id, label)| {
                            let mine = id.clone();
                            view! {
                                <option value=id prop:selected=move || current().as_ref() == Some(&mine)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        }
    };
    let mode = move || link.with(|l| l.as_ref().map(|l| l.2));
    let op = move || link.with(|l| l.as_ref().map(|l| l.3));
    let delete = move |_| {
        let label = name.get_untracked();
        let at = ids_index(ed, &key.get_value(), false);
        ed.selection
            .set(Selection::only(ItemKind::Link, &key.get_value()));
        ed.delete_selection();
        status.set(format!("Deleted the link {label}."));
        refocus("list-links", at, "#list-new-from");
    };
    view! {
        <tr data-id=key.get_value() on:focusin=move |_| select_item(ed, ItemKind::Link, key)>
            <td>{end_select(LinkField::From, "From")}</td>
            <td>{end_select(LinkField::To, "To")}</td>
            <td>
                <select
                    aria-label=move || format!("Mode of {}", name.get())
                    on:change=move |ev| {
                        let m = if event_target_value(&ev) == "async" { Mode::Async } else { Mode::Sync };
                        set("Mode", LinkField::Mode, FieldValue::Mode(m));
                    }
                >
                    <option value="sync" prop:selected=move || mode() == Some(Mode::Sync)>"sync"</option>
                    <option value="async" prop:selected=move || mode() == Some(Mode::Async)>"async"</option>
                </select>
            </td>
            <td>
                <select
                    aria-label=move || format!("Op of {}", name.get())
                    on:change=move |ev| {
                        let o = if event_target_value(&ev) == "write" { Op::Write } else { Op::Read };
                        set("Op", LinkField::Op, FieldValue::Op(o));
                    }
                >
                    <option value="read" prop:selected=move || op() == Some(Op::Read)>"read"</option>
                    <option value="write" prop:selected=move || op() == Some(Op::Write)>"write"</option>
                </select>
            </td>
            <td>
                <TextCell id=key field=Field::Link(LinkField::Calls) col="Calls" row=name problems=problems />
            </td>
            <td>
                <TextCell id=key field=Field::Link(LinkField::LatencyMs) col="Latency" row=name problems=problems />
            </td>
            <td>
                <button
                    class="row-delete"
                    aria-label=move || format!("Delete link {}", name.get())
                    on:click=delete
                >
                    "Delete"
                </button>
            </td>
        </tr>
        <ProblemRow problems=problems span=7 />
    }
}

// ---- shared -------------------------------------------------------------------

/// A text box for one field of one item, named "<col> of <row>".
#[component]
fn TextCell(
    id: StoredValue<String>,
    field: Field,
    col: &'static str,
    row: Memo<String>,
    problems: Problems,
    #[prop(into, default = Signal::stored(""))] placeholder: Signal<&'static str>,
) -> impl IntoView {
    let ed = use_editor();
    let value = Memo::new(move |_| ed.design.with(|d| id.with_value(|id| shown(d, id, field))));
    let input = NodeRef::<leptos::html::Input>::new();

    let commit = move |el: &HtmlInputElement| {
        let text = el.value();
        if text == value.get_untracked() {
            problems.report(col, Ok(()));
            return;
        }
        let outcome = ed
            .design
            .with_untracked(|d| id.with_value(|id| command(d, id, field, &text)));
        let outcome = outcome.and_then(|cmd| id.with_value(|i| apply(ed, i, field, cmd)));
        if outcome.is_ok() {
            // Show the value as stored ("1k" becomes "1,000").
            el.set_value(&value.get_untracked());
        }
        problems.report(col, outcome);
    };
    let on_key = move |ev: KeyboardEvent| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                commit(&el);
            }
            "Escape" => {
                el.set_value(&value.get_untracked());
                problems.report(col, Ok(()));
            }
            _ => {}
        }
    };
    let on_blur = move |_| {
        if let Some(el) = input.get_untracked() {
            commit(&el);
        }
    };
    let class = format!(
        "cell-input col-{}",
        col.to_ascii_lowercase().replace(' ', "-")
    );
    view! {
        <input
            type="text"
            node_ref=input
            class=class
            class:numeric=!matches!(field, Field::Block(BlockField::Label))
            aria-label=move || format!("{col} of {}", row.get())
            aria-invalid=move || problems.invalid(col)
            aria-describedby=move || problems.described(col)
            placeholder=move || placeholder.get()
            prop:value=move || value.get()
            on:keydown=on_key
            on:blur=on_blur
        />
    }
}

/// The refused edits of one row, by column, shown on a line under the row.
#[derive(Clone, Copy)]
struct Problems {
    id: StoredValue<String>,
    list: RwSignal<Vec<(&'static str, String)>>,
}

impl Problems {
    fn new(id: StoredValue<String>) -> Problems {
        Problems {
            id,
            list: RwSignal::new(Vec::new()),
        }
    }

    /// Record the outcome of an edit in column `col`: its reason, or none.
    fn report(self, col: &'static str, outcome: Result<(), String>) {
        self.list.update(|l| {
            l.retain(|(c, _)| *c != col);
            if let Err(why) = outcome {
                l.push((col, why));
            }
        });
    }

    fn message_id(self, col: &str) -> String {
        self.id
            .with_value(|id| format!("problem-{id}-{}", col.replace(' ', "-")))
    }

    fn invalid(self, col: &str) -> Option<&'static str> {
        self.list
            .with(|l| l.iter().any(|(c, _)| *c == col))
            .then_some("true")
    }

    fn described(self, col: &str) -> Option<String> {
        self.invalid(col).map(|_| self.message_id(col))
    }
}

/// The line under a row saying why its last edits were refused.
#[component]
fn ProblemRow(problems: Problems, span: u32) -> impl IntoView {
    move || {
        let list = problems.list.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(col, why)| {
                    view! {
                        <span class="cell-error" id=problems.message_id(col) role="alert">
                            {capitalised(&why)}
                        </span>
                    }
                })
                .collect_view();
            view! {
                <tr class="row-problems">
                    <td colspan=span>{items}</td>
                </tr>
            }
        })
    }
}

/// "replicas must be…" → "Replicas must be…".
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect()
    })
}

/// Select the row's item when focus enters it (so the inspector follows and the
/// Delete key removes it, as on the canvas).
fn select_item(ed: Editor, kind: ItemKind, key: StoredValue<String>) {
    let id = key.get_value();
    let already = ed
        .selection
        .with_untracked(|s| s.len() == 1 && s.set(kind).contains(&id));
    if !already {
        ed.selection.set(Selection::only(kind, &id));
    }
}

/// Where a block (or link) sits in the design, for putting focus back nearby.
fn ids_index(ed: Editor, id: &str, block: bool) -> usize {
    ed.design.with_untracked(|d| {
        if block {
            d.blocks.iter().position(|b| b.id == id)
        } else {
            d.links.iter().position(|l| l.id == id)
        }
        .unwrap_or(0)
    })
}

/// After a row is deleted, focus the Delete button of the row now at `at`, else
/// of the last row, else `fallback` (a selector list picks the first in
/// document order, which is that order of preference here).
fn refocus(table: &'static str, at: usize, fallback: &'static str) {
    request_animation_frame(move || {
        browser::focus(&format!(
            ".{table} tbody tr:nth-child({}) .row-delete, \
             .{table} tbody tr:last-child .row-delete, {fallback}",
            at + 1
        ));
    });
}

#[cfg(test)]
mod tests {
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
        for f in BLOCK_COLUMNS.map(|c| c.0) {
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
