//! The fields of one link: how the caller calls the callee.

use leptos::prelude::*;

use super::field::{apply, source_text, CheckField, Group, ReadOnly, SelectField, TextField};
use super::opt_text;
use crate::core::catalog::link_field_source;
use crate::core::edit::{fmt_num, parse_field, CoalesceKey, Command, Field, FieldValue, LinkField};
use crate::core::model::{Link, Mode, Op};
use crate::core::schema;
use crate::ui::document::{use_document, Document};

fn set_value(doc: Document, id: &str, field: LinkField, value: FieldValue) -> Result<(), String> {
    let cmd = Command::SetLinkField {
        id: id.to_string(),
        field,
        value,
    };
    let key = CoalesceKey::Field {
        id: id.to_string(),
        field: Field::Link(field),
    };
    apply(doc, cmd, key)
}

#[component]
pub fn LinkPanel(id: String) -> impl IntoView {
    let doc = use_document();
    let id = StoredValue::new(id);
    // A value of the link, read reactively (the default when it is gone).
    let read = move |f: fn(&Link) -> String| {
        Signal::derive(move || {
            id.with_value(|id| doc.design.with(|d| d.link(id).map(f)))
                .unwrap_or_default()
        })
    };
    // The unit and what an empty box means come from the schema.
    let text = move |html_id: &'static str,
                     label: &'static str,
                     field: LinkField,
                     show: fn(&Link) -> String| {
        let spec = schema::link(field);
        let (unit, empty) = (spec.shown_unit(), spec.when_empty());
        let apply = Callback::new(move |t: String| {
            let value = parse_field(Field::Link(field), &t)?;
            id.with_value(|id| set_value(doc, id, field, value))
        });
        view! {
            <TextField id=html_id label=label value=read(show) apply=apply unit=unit placeholder=empty />
        }
    };
    let check = move |html_id: &'static str,
                      label: &'static str,
                      field: LinkField,
                      get: fn(&Link) -> bool| {
        let value =
            Signal::derive(move || id.with_value(|id| doc.design.with(|d| d.link(id).map(get))));
        let apply = Callback::new(move |on: bool| {
            id.with_value(|id| set_value(doc, id, field, FieldValue::Bool(on)))
        });
        view! { <CheckField id=html_id label=label value=value apply=apply /> }
    };

    let ends = Signal::derive(move || {
        id.with_value(|id| {
            doc.design.with(|d| {
                let l = d.link(id)?;
                let name = |b: &str| {
                    d.block(b)
                        .map(|b| b.display_label().to_string())
                        .unwrap_or_else(|| b.to_string())
                };
                Some(format!("{} → {}", name(&l.from), name(&l.to)))
            })
        })
        .unwrap_or_default()
    });
    let from_kind = move || {
        id.with_value(|id| {
            doc.design
                .with(|d| d.link(id).and_then(|l| d.block(&l.from)).map(|b| b.kind))
        })
    };
    let source = move |name: &'static str| {
        Signal::derive(move || from_kind().and_then(|k| source_text(link_field_source(k, name))))
    };

    let mode = Signal::derive(move || {
        id.with_value(|id| {
            doc.design.with(|d| {
                d.link(id)
                    .map(|l| if l.is_sync() { "sync" } else { "async" }.to_string())
            })
        })
    });
    let op = Signal::derive(move || {
        id.with_value(|id| {
            doc.design.with(|d| {
                d.link(id)
                    .map(|l| if l.op == Op::Write { "write" } else { "read" }.to_string())
            })
        })
    });
    let apply_mode = Callback::new(move |v: String| {
        let m = if v == "async" {
            Mode::Async
        } else {
            Mode::Sync
        };
        id.with_value(|id| set_value(doc, id, LinkField::Mode, FieldValue::Mode(m)))
    });
    let apply_op = Callback::new(move |v: String| {
        let o = if v == "write" { Op::Write } else { Op::Read };
        id.with_value(|id| set_value(doc, id, LinkField::Op, FieldValue::Op(o)))
    });
    let modes = vec![
        ("sync".to_string(), "Sync (caller waits)".to_string()),
        ("async".to_string(), "Async (queued)".to_string()),
    ];
    let ops = vec![
        ("read".to_string(), "Read".to_string()),
        ("write".to_string(), "Write".to_string()),
    ];

    let heading = read(|l| {
        if l.label.is_empty() {
            "Link".to_string()
        } else {
            l.label.clone()
        }
    });

    view! {
        <h2>{heading}</h2>
        <p class="panel-sub">"A call from one block to another"</p>
        <Group title="Identity">
            {text("insp-link-label", "Label", LinkField::Label, |l| l.label.clone())}
            <ReadOnly label="From → to" value=ends />
        </Group>
        <Group title="Call">
            <SelectField id="insp-mode" label="Mode" options=modes value=mode apply=apply_mode source=source(schema::link(LinkField::Mode).key) />
            <SelectField id="insp-op" label="Operation" options=ops value=op apply=apply_op source=source(schema::link(LinkField::Op).key) />
            {text("insp-calls", "Calls per request", LinkField::Calls, |l| fmt_num(l.calls))}
            {check("insp-parallel", "Parallel", LinkField::Parallel, |l| l.parallel)}
            {check("insp-optional", "Optional", LinkField::Optional, |l| l.optional)}
        </Group>
        <Group title="Latency">
            <TextField
                id="insp-link-latency"
                label="Network latency"
                value=read(|l| fmt_num(l.latency_ms))
                apply=Callback::new(move |t: String| {
                    let value = parse_field(Field::Link(LinkField::LatencyMs), &t)?;
                    id.with_value(|id| set_value(doc, id, LinkField::LatencyMs, value))
                })
                unit=schema::link(LinkField::LatencyMs).shown_unit()
                source=source(schema::link(LinkField::LatencyMs).key)
            />
            {text("insp-timeout", "Timeout", LinkField::TimeoutMs, |l| opt_text(l.timeout_ms))}
        </Group>
        <Group title="Retries">
            {text("insp-retries", "Retries", LinkField::Retries, |l| l.retries.to_string())}
            {check("insp-backoff", "Backoff", LinkField::Backoff, |l| l.backoff)}
            {check("insp-idempotent", "Idempotent", LinkField::Idempotent, |l| l.idempotent)}
        </Group>
    }
}
