//! The fields of one link: how the caller calls the callee.

use leptos::prelude::*;

use super::field::{apply, source_text, CheckField, Group, ReadOnly, SelectField, TextField};
use super::opt_text;
use crate::core::catalog::link_field_source;
use crate::core::edit::{fmt_num, parse_field, CoalesceKey, Command, Field, FieldValue, LinkField};
use crate::core::model::Link;
use crate::core::render::sizing;
use crate::core::report::LinkReport;
use crate::core::schema;
use crate::ui::document::{use_document, Document};
use crate::ui::evaluation::{use_evaluation, Evaluation};
use crate::ui::stress::effect_line;

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

/// A line about link `id` from the report on screen (`None` when `line` has
/// nothing to say, or the link is gone).
fn report_line(
    doc: Document,
    eval: Evaluation,
    id: StoredValue<String>,
    line: fn(&Link, &LinkReport) -> Option<String>,
) -> Memo<Option<String>> {
    Memo::new(move |_| {
        id.with_value(|id| {
            let link = doc.design.with(|d| d.link(id).cloned())?;
            eval.report.with(|r| {
                r.links
                    .iter()
                    .find(|l| l.id == *id)
                    .and_then(|lr| line(&link, lr))
            })
        })
    })
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
    // Parse what was typed or picked through the schema, then set it.
    let set_text = move |field: LinkField, t: String| {
        let value = parse_field(Field::Link(field), &t)?;
        id.with_value(|id| set_value(doc, id, field, value))
    };
    // The label, the unit and what an empty box means come from the schema.
    let text = move |html_id: &'static str,
                     field: LinkField,
                     show: fn(&Link) -> String,
                     source: Signal<Option<String>>| {
        let spec = schema::link(field);
        let (label, unit, empty) = (spec.label, spec.shown_unit(), spec.when_empty());
        let apply = Callback::new(move |t: String| set_text(field, t));
        view! {
            <TextField id=html_id label=label value=read(show) apply=apply unit=unit placeholder=empty source=source />
        }
    };
    let check = move |html_id: &'static str, field: LinkField, get: fn(&Link) -> bool| {
        let label = schema::link(field).label;
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
    // Where the catalog's default came from, for the fields it has one for.
    let source = move |field: LinkField| {
        let key = schema::link(field).key;
        Signal::derive(move || from_kind().and_then(|k| source_text(link_field_source(k, key))))
    };
    // A select over a choice (mode, operation): `(value, text shown)` pairs.
    let choice = move |html_id: &'static str, field: LinkField, options: [(&str, &str); 2]| {
        let spec = schema::link(field);
        let value = Signal::derive(move || {
            id.with_value(|id| doc.design.with(|d| d.link(id).map(spec.get)))
                .and_then(|v| spec.ty.name_of(&v))
                .map(str::to_string)
        });
        let options: Vec<(String, String)> = options
            .iter()
            .map(|(v, t)| (v.to_string(), t.to_string()))
            .collect();
        let apply = Callback::new(move |v: String| set_text(field, v));
        view! {
            <SelectField id=html_id label=spec.label options=options value=value apply=apply source=source(field) />
        }
    };

    // What the timeout and retries do (a timed sync link only), and its
    // bandwidth (calls/s × payload, or the input to add), from the report on screen.
    let eval = use_evaluation();
    let stress = report_line(doc, eval, id, effect_line);
    let bandwidth = report_line(doc, eval, id, sizing::link_line);

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
            {text("insp-link-label", LinkField::Label, |l| l.label.clone(), Signal::default())}
            <ReadOnly label="From → to" value=ends />
        </Group>
        <Group title="Call">
            {choice("insp-mode", LinkField::Mode, [("sync", "Sync (caller waits)"), ("async", "Async (queued)")])}
            {choice("insp-op", LinkField::Op, [("read", "Read"), ("write", "Write")])}
            {text("insp-calls", LinkField::Calls, |l| fmt_num(l.calls), Signal::default())}
            {check("insp-parallel", LinkField::Parallel, |l| l.parallel)}
            {check("insp-optional", LinkField::Optional, |l| l.optional)}
        </Group>
        <Group title="Latency">
            {text("insp-link-latency", LinkField::LatencyMs, |l| fmt_num(l.latency_ms), source(LinkField::LatencyMs))}
            {text("insp-timeout", LinkField::TimeoutMs, |l| opt_text(l.timeout_ms), Signal::default())}
        </Group>
        <Group title="Retries">
            {text("insp-retries", LinkField::Retries, |l| l.retries.to_string(), Signal::default())}
            {check("insp-backoff", LinkField::Backoff, |l| l.backoff)}
            {text("insp-backoff-ms", LinkField::BackoffMs, |l| fmt_num(l.backoff_ms), Signal::default())}
            {check("insp-idempotent", LinkField::Idempotent, |l| l.idempotent)}
            {move || stress.get().map(|line| view! {
                <p class="link-stress" data-testid="link-stress" role="status">{line}</p>
            })}
        </Group>
        <Group title="Sizing">
            {text("insp-payload", LinkField::PayloadBytes, |l| opt_text(l.payload_bytes), Signal::default())}
            {move || bandwidth.get().map(|line| view! {
                <p class="sizing-chain" data-testid="link-bandwidth">{line}</p>
            })}
        </Group>
    }
}
