//! What both tables share: a text cell that applies on Enter, the problems a
//! row shows, and moving focus and selection between rows.

use super::*;

/// A text box for one field of one item, named "<col> of <row>".
#[component]
pub(super) fn TextCell(
    id: StoredValue<String>,
    field: Field,
    col: &'static str,
    row: Memo<String>,
    problems: Problems,
    #[prop(into, default = Signal::stored(""))] placeholder: Signal<&'static str>,
) -> impl IntoView {
    let doc = use_document();
    let value = Memo::new(move |_| doc.design.with(|d| id.with_value(|id| shown(d, id, field))));
    let input = NodeRef::<leptos::html::Input>::new();

    let commit = move |el: &HtmlInputElement| {
        let text = el.value();
        if text == value.get_untracked() {
            problems.report(col, Ok(()));
            return;
        }
        let outcome = doc
            .design
            .with_untracked(|d| id.with_value(|id| command(d, id, field, &text)));
        let outcome = outcome.and_then(|cmd| id.with_value(|i| apply(doc, i, field, cmd)));
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
pub(super) struct Problems {
    id: StoredValue<String>,
    list: RwSignal<Vec<(&'static str, String)>>,
}

impl Problems {
    pub(super) fn new(id: StoredValue<String>) -> Problems {
        Problems {
            id,
            list: RwSignal::new(Vec::new()),
        }
    }

    /// Record the outcome of an edit in column `col`: its reason, or none.
    pub(super) fn report(self, col: &'static str, outcome: Result<(), String>) {
        self.list.update(|l| {
            l.retain(|(c, _)| *c != col);
            if let Err(why) = outcome {
                l.push((col, why));
            }
        });
    }

    pub(super) fn message_id(self, col: &str) -> String {
        self.id
            .with_value(|id| format!("problem-{id}-{}", col.replace(' ', "-")))
    }

    pub(super) fn invalid(self, col: &str) -> Option<&'static str> {
        self.list
            .with(|l| l.iter().any(|(c, _)| *c == col))
            .then_some("true")
    }

    pub(super) fn described(self, col: &str) -> Option<String> {
        self.invalid(col).map(|_| self.message_id(col))
    }
}

/// The line under a row saying why its last edits were refused.
#[component]
pub(super) fn ProblemRow(problems: Problems, span: u32) -> impl IntoView {
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
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect()
    })
}

/// Select the row's item when focus enters it (so the inspector follows and the
/// Delete key removes it, as on the canvas).
pub(super) fn select_item(session: Session, kind: ItemKind, key: StoredValue<String>) {
    let id = key.get_value();
    let already = session
        .selection
        .with_untracked(|s| s.len() == 1 && s.set(kind).contains(&id));
    if !already {
        session.selection.set(Selection::only(kind, &id));
    }
}

/// Where a block (or link) sits in the design, for putting focus back nearby.
pub(super) fn ids_index(doc: Document, id: &str, block: bool) -> usize {
    doc.design.with_untracked(|d| {
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
pub(super) fn refocus(table: &'static str, at: usize, fallback: &'static str) {
    request_animation_frame(move || {
        browser::focus(&format!(
            ".{table} tbody tr:nth-child({}) .row-delete, \
             .{table} tbody tr:last-child .row-delete, {fallback}",
            at + 1
        ));
    });
}

/// A table's head: one column a `(name, unit)` pair, then the actions column.
pub(super) fn head(columns: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let cells = columns
        .into_iter()
        .map(|(name, unit)| {
            let unit = (!unit.is_empty())
                .then(|| view! { <span class="unit">{format!(" ({unit})")}</span> });
            view! { <th scope="col">{name} {unit}</th> }
        })
        .collect_view();
    view! {
        <thead>
            <tr>
                {cells}
                <th scope="col">
                    <span class="visually-hidden">"Actions"</span>
                </th>
            </tr>
        </thead>
    }
}

/// The ids of the design's blocks or links, in document order.
pub(super) fn ids_of(doc: Document, kind: ItemKind) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        doc.design.with(|d| match kind {
            ItemKind::Block => d.blocks.iter().map(|b| b.id.clone()).collect(),
            _ => d.links.iter().map(|l| l.id.clone()).collect(),
        })
    })
}

/// Something of the row's item (its name, its kind), read from the design.
pub(super) fn of_row<T: PartialEq + Send + Sync + 'static>(
    doc: Document,
    key: StoredValue<String>,
    read: fn(&Design, &str) -> T,
) -> Memo<T> {
    Memo::new(move |_| doc.design.with(|d| key.with_value(|id| read(d, id))))
}

/// The line under an empty table ("No blocks yet: add one below.").
pub(super) fn empty_note(ids: Memo<Vec<String>>, what: &'static str) -> impl IntoView {
    move || {
        ids.with(Vec::is_empty)
            .then(|| view! { <p class="list-empty">{format!("No {what} yet: add one below.")}</p> })
    }
}

/// A row's last cell: Delete, which removes the row's item (one undo step),
/// says so in `status` and keeps focus in its table.
#[component]
pub(super) fn DeleteCell(
    key: StoredValue<String>,
    kind: ItemKind,
    name: Memo<String>,
    status: RwSignal<String>,
) -> impl IntoView {
    let ed = use_editor();
    let block = kind == ItemKind::Block;
    let (what, focus) = if block {
        ("", ("list-blocks", "#list-new-kind"))
    } else {
        ("link ", ("list-links", "#list-new-from"))
    };
    let delete = move |_| {
        let said = format!(
            "Deleted {}{}.",
            if block { "" } else { "the link " },
            name.get_untracked()
        );
        delete_row(ed, key, kind, focus);
        status.set(said);
    };
    view! {
        <td>
            <button class="row-delete" aria-label=move || format!("Delete {what}{}", name.get()) on:click=delete>
                "Delete"
            </button>
        </td>
    }
}

/// Delete a row's item (one undo step) and keep focus in its table: on the
/// row now in its place, else on `fallback` (`table` and `fallback` as
/// [`refocus`] takes them).
fn delete_row(
    ed: Editor,
    key: StoredValue<String>,
    kind: ItemKind,
    (table, fallback): (&'static str, &'static str),
) {
    let id = key.get_value();
    let at = ids_index(ed.doc, &id, kind == ItemKind::Block);
    ed.session.selection.set(Selection::only(kind, &id));
    ed.delete_selection();
    refocus(table, at, fallback);
}
