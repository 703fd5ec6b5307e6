//! With nothing selected: the design's title, notes and targets.

use leptos::prelude::*;

use super::field::{apply, Group, TextField};
use super::{availability_hint, availability_text, opt_text};
use crate::core::edit::{parse_field, set_target, CoalesceKey, Command, Field, TargetField};
use crate::core::model::Targets;
use crate::ui::document::use_document;

#[component]
pub fn DesignPanel() -> impl IntoView {
    let doc = use_document();
    let title = Signal::derive(move || doc.design.with(|d| d.title.clone()));
    let notes = Signal::derive(move || doc.design.with(|d| d.notes.clone()));
    let target =
        move |f: fn(&Targets) -> String| Signal::derive(move || doc.design.with(|d| f(&d.targets)));
    let set_title = Callback::new(move |t: String| {
        apply(
            doc,
            Command::SetTitle(t.trim().to_string()),
            CoalesceKey::Named("title".into()),
        )
    });
    let set_notes = Callback::new(move |t: String| {
        apply(
            doc,
            Command::SetNotes(t),
            CoalesceKey::Named("notes".into()),
        )
    });
    let setter = move |field: TargetField| {
        Callback::new(move |t: String| {
            let value = parse_field(Field::Target(field), &t)?;
            let mut targets = doc.design.with_untracked(|d| d.targets.clone());
            set_target(&mut targets, field, value)?;
            let key = CoalesceKey::Field {
                id: String::new(),
                field: Field::Target(field),
            };
            apply(doc, Command::SetTargets(targets), key)
        })
    };
    let availability = target(|t| t.availability.map(availability_text).unwrap_or_default());
    let hint = Signal::derive(move || {
        doc.design
            .with(|d| d.targets.availability.map(availability_hint))
    });
    view! {
        <h2>"Design"</h2>
        <p class="panel-sub">"Nothing selected: the design as a whole"</p>
        <Group title="About">
            <TextField id="insp-title" label="Title" value=title apply=set_title placeholder="Untitled design" />
            <TextField id="insp-design-notes" label="Notes" value=notes apply=set_notes multiline=true />
        </Group>
        <Group title="Targets">
            <TextField
                id="insp-target-availability"
                label="Availability target"
                value=availability
                apply=setter(TargetField::Availability)
                placeholder="none, e.g. 99.9% or 3 nines"
                hint=hint
            />
            <TextField
                id="insp-target-p99"
                label="p99 target"
                value=target(|t| opt_text(t.p99_ms))
                apply=setter(TargetField::P99Ms)
                unit="ms"
                placeholder="none"
            />
            <TextField
                id="insp-team-size"
                label="Team size"
                value=target(|t| t.team_size.map(|n| n.to_string()).unwrap_or_default())
                apply=setter(TargetField::TeamSize)
                placeholder="none"
            />
        </Group>
    }
}
