//! The list view's links table: one row per link, its ends, mode and numbers.

use super::*;
use crate::core::schema;

#[component]
pub(super) fn LinksTable(status: RwSignal<String>) -> impl IntoView {
    let ed = use_editor();
    let ids = ids_of(ed.doc, ItemKind::Link);
    // The blocks a link can join: (id, name), in document order.
    let blocks = Memo::new(move |_| {
        ed.doc.design.with(|d| {
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
            ed.chrome
                .notice
                .set(Some("Add two blocks first, then link them.".into()));
            return;
        }
        if ed.connect(&f, &t).is_some() {
            let said = ed.doc.design.with_untracked(|d| {
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
            {head(vec![
                ("From", ""),
                ("To", ""),
                ("Mode", ""),
                ("Op", ""),
                (schema::link(LinkField::Calls).column, "per request"),
                (schema::link(LinkField::LatencyMs).column, schema::link(LinkField::LatencyMs).shown_unit()),
            ])}
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <LinkRow id=id blocks=blocks status=status />
                </For>
            </tbody>
        </table>
        {empty_note(ids, "links")}
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
pub(super) fn LinkRow(
    id: String,
    blocks: Memo<Vec<(String, String)>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let doc = use_document();
    let session = use_session();
    let key = StoredValue::new(id);
    let name = of_row(doc, key, link_name);
    let link = Memo::new(move |_| {
        doc.design.with(|d| {
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
        problems.report(col, apply(doc, &id, Field::Link(field), cmd));
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
    view! {
        <tr data-id=key.get_value() on:focusin=move |_| select_item(session, ItemKind::Link, key)>
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
                <TextCell id=key field=Field::Link(LinkField::Calls) col=schema::link(LinkField::Calls).column row=name problems=problems />
            </td>
            <td>
                <TextCell id=key field=Field::Link(LinkField::LatencyMs) col=schema::link(LinkField::LatencyMs).column row=name problems=problems />
            </td>
            <DeleteCell key=key kind=ItemKind::Link name=name status=status />
        </tr>
        <ProblemRow problems=problems span=7 />
    }
}
