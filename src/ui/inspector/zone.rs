//! The fields of one availability zone: its name, availability and size.

use leptos::prelude::*;

use super::field::{apply, Group, ReadOnly, TextField};
use super::{availability_hint, availability_text};
use crate::core::edit::{fmt_num, parse_field, CoalesceKey, Command, Field, ZoneField};
use crate::core::model::Zone;
use crate::ui::document::use_document;

#[component]
pub fn ZonePanel(id: String) -> impl IntoView {
    let doc = use_document();
    let id = StoredValue::new(id);
    let read = move |f: fn(&Zone) -> String| {
        Signal::derive(move || {
            id.with_value(|id| doc.design.with(|d| d.zone(id).map(f)))
                .unwrap_or_default()
        })
    };
    let setter = move |field: ZoneField| {
        Callback::new(move |t: String| {
            let value = parse_field(Field::Zone(field), &t)?;
            id.with_value(|id| {
                let cmd = Command::SetZoneField {
                    id: id.clone(),
                    field,
                    value,
                };
                let key = CoalesceKey::Field {
                    id: id.clone(),
                    field: Field::Zone(field),
                };
                apply(doc, cmd, key)
            })
        })
    };
    let hint = Signal::derive(move || {
        id.with_value(|id| {
            doc.design
                .with(|d| d.zone(id).map(|z| availability_hint(z.availability)))
        })
    });
    let size = read(|z| format!("{} × {}", fmt_num(z.w.round()), fmt_num(z.h.round())));
    let heading = read(|z| {
        if z.label.is_empty() {
            "Zone".to_string()
        } else {
            z.label.clone()
        }
    });
    view! {
        <h2>{heading}</h2>
        <p class="panel-sub">"Zone: the blocks inside fail together"</p>
        <crate::ui::whatif::FailToggle id=id.get_value() />
        <Group title="Zone">
            <TextField id="insp-zone-label" label="Label" value=read(|z| z.label.clone()) apply=setter(ZoneField::Label) />
            <TextField
                id="insp-zone-availability"
                label="Availability"
                value=read(|z| availability_text(z.availability))
                apply=setter(ZoneField::Availability)
                hint=hint
            />
            <ReadOnly label="Size" value=size />
        </Group>
    }
}
