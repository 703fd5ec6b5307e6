//! The list view's blocks table: one row per block, its numbers as text boxes.

use super::*;
use crate::core::schema;

/// The fields of the blocks table with text boxes; their names and units
/// come from the schema.
pub(super) const BLOCK_COLUMNS: [BlockField; 6] = [
    BlockField::Replicas,
    BlockField::Availability,
    BlockField::LatencyMs,
    BlockField::P99Ms,
    BlockField::CapacityRps,
    BlockField::Rps,
];

#[component]
pub(super) fn BlocksTable(status: RwSignal<String>) -> impl IntoView {
    let ed = use_editor();
    let ids = ids_of(ed.doc, ItemKind::Block);
    let kind = RwSignal::new(Kind::Service);
    let add = move |_| {
        let k = kind.get_untracked();
        if ed.add_block(k, ed.session.view_centre()).is_some() {
            status.set(format!("Added a {}.", k.name()));
        }
    };
    let columns = [("Label", ""), ("Kind", "")]
        .into_iter()
        .chain(BLOCK_COLUMNS.map(|f| {
            let spec = schema::block(f);
            (spec.column, spec.shown_unit())
        }));
    view! {
        <table class="list-table list-blocks">
            <caption>"Blocks"</caption>
            {head(columns.collect())}
            <tbody>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <BlockRow id=id status=status />
                </For>
            </tbody>
        </table>
        {empty_note(ids, "blocks")}
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
pub(super) fn BlockRow(id: String, status: RwSignal<String>) -> impl IntoView {
    let doc = use_document();
    let session = use_session();
    let key = StoredValue::new(id);
    let name = of_row(doc, key, block_name);
    let kind = of_row(doc, key, |d, id| d.block(id).map(|b| b.kind));
    let placeholder = Memo::new(move |_| kind.get().map(Kind::name).unwrap_or_default());
    let problems = Problems::new(key);
    let set_kind = move |ev| {
        let Some(k) = Kind::parse(&event_target_value(&ev)) else {
            return;
        };
        let id = key.get_value();
        let cmd = doc.design.with_untracked(|d| {
            set_blocks_field(
                d,
                std::slice::from_ref(&id),
                BlockField::Kind,
                FieldValue::Kind(k),
            )
        });
        problems.report("Kind", apply(doc, &id, Field::Block(BlockField::Kind), cmd));
    };
    let cells = BLOCK_COLUMNS
        .into_iter()
        .map(|f| {
            let spec = schema::block(f);
            view! {
                <td>
                    <TextCell
                    id=key
                    field=Field::Block(f)
                    col=spec.column
                    row=name
                    problems=problems
                    placeholder=Signal::stored(spec.when_empty())
                />
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-id=key.get_value() on:focusin=move |_| select_item(session, ItemKind::Block, key)>
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
            <DeleteCell key=key kind=ItemKind::Block name=name status=status />
        </tr>
        <ProblemRow problems=problems span=9 />
    }
}
