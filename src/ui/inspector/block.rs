//! The fields of one block, or of several at once (an edit then applies to all
//! of them as one undo step; a field whose values differ shows "mixed").

use leptos::prelude::*;

use super::field::{apply, source_text, CheckField, Group, ReadOnly, SelectField, TextField};
use super::{availability_hint, availability_text, opt_text};
use crate::core::catalog::field_source;
use crate::core::edit::{
    fmt_num, parse_block_field, parse_field, set_blocks_field, BlockField, CoalesceKey, Field,
    FieldValue,
};
use crate::core::model::{Block, Kind};
use crate::core::render::{sizing, units};
use crate::core::schema;
use crate::ui::document::{use_document, Document};
use crate::ui::evaluation::use_evaluation;

/// The value all `ids` agree on, or `None` when they differ (or are gone).
fn common<T: PartialEq>(doc: Document, ids: Ids, f: impl Fn(&Block) -> T) -> Option<T> {
    ids.with_value(|ids| {
        doc.design.with(|d| {
            let mut values = ids.iter().filter_map(|id| d.block(id)).map(&f);
            let first = values.next()?;
            values.all(|v| v == first).then_some(first)
        })
    })
}

type Ids = StoredValue<Vec<String>>;

/// Set `field` to `value` on every block of `ids` (one undo step).
fn set_value(
    doc: Document,
    ids: &[String],
    field: BlockField,
    value: FieldValue,
) -> Result<(), String> {
    let Some(first) = ids.first() else {
        return Ok(());
    };
    let cmd = doc
        .design
        .with_untracked(|d| set_blocks_field(d, ids, field, value));
    let key = CoalesceKey::Field {
        id: first.clone(),
        field: Field::Block(field),
    };
    apply(doc, cmd, key)
}

/// Parse what was typed against each block (p99 against its median, …), then set.
fn set_text(doc: Document, ids: &[String], field: BlockField, text: &str) -> Result<(), String> {
    // The field's own rules first, said once; then each block's relations.
    parse_field(Field::Block(field), text)?;
    let value = doc.design.with_untracked(|d| {
        let mut value = None;
        for id in ids {
            let Some(b) = d.block(id) else { continue };
            let v = parse_block_field(b, field, text).map_err(|e| {
                if ids.len() > 1 {
                    format!("{}: {e}", b.display_label())
                } else {
                    e
                }
            })?;
            value.get_or_insert(v);
        }
        value.ok_or_else(|| "the block is gone".to_string())
    })?;
    set_value(doc, ids, field, value)
}

#[component]
pub fn BlockPanel(ids: Vec<String>) -> impl IntoView {
    let doc = use_document();
    let single = ids.len() == 1;
    let ids: Ids = StoredValue::new(ids);

    // A text box for `field`, showing `show` of the blocks' common value.
    let text = {
        move |id: &'static str,
              field: BlockField,
              empty: &'static str,
              show: fn(&Block) -> String| {
            // The label, the unit and the JSON key (for the catalog's source): the schema's.
            let spec = schema::block(field);
            let (label, name, unit) = (spec.label, spec.key, spec.shown_unit());
            let value = Signal::derive(move || common(doc, ids, show).unwrap_or_default());
            let placeholder = Signal::derive(move || {
                if common(doc, ids, show).is_none() {
                    "mixed".to_string()
                } else {
                    empty.to_string()
                }
            });
            let source = Signal::derive(move || {
                common(doc, ids, |b| b.kind).and_then(|k| source_text(field_source(k, name)))
            });
            let apply =
                Callback::new(move |t: String| ids.with_value(|ids| set_text(doc, ids, field, &t)));
            view! {
                <TextField
                    id=id
                    label=label
                    value=value
                    apply=apply
                    unit=unit
                    placeholder=placeholder
                    source=source
                />
            }
        }
    };
    // A checkbox for a yes/no field.
    let check = {
        move |id: &'static str, field: BlockField, get: fn(&Block) -> bool| {
            let label = schema::block(field).label;
            let value = Signal::derive(move || common(doc, ids, get));
            let apply = Callback::new(move |on: bool| {
                ids.with_value(|ids| set_value(doc, ids, field, FieldValue::Bool(on)))
            });
            view! { <CheckField id=id label=label value=value apply=apply /> }
        }
    };

    let identity = {
        let label_notes = single.then(|| {
            let value = Signal::derive(move || common(doc, ids, |b| b.label.clone()).unwrap_or_default());
            let placeholder = Signal::derive(move || {
                common(doc, ids, |b| b.kind.name().to_string()).unwrap_or_default()
            });
            let apply_label =
                Callback::new(move |t: String| ids.with_value(|ids| set_text(doc, ids, BlockField::Label, &t)));
            let notes = Signal::derive(move || common(doc, ids, |b| b.notes.clone()).unwrap_or_default());
            let apply_notes =
                Callback::new(move |t: String| ids.with_value(|ids| set_text(doc, ids, BlockField::Notes, &t)));
            view! {
                <TextField id="insp-label" label=schema::block(BlockField::Label).label value=value placeholder=placeholder apply=apply_label />
                <TextField id="insp-notes" label=schema::block(BlockField::Notes).label value=notes apply=apply_notes multiline=true />
            }
        });
        let kinds = Kind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.name().to_string()))
            .collect::<Vec<_>>();
        let kind = Signal::derive(move || common(doc, ids, |b| b.kind.as_str().to_string()));
        let apply_kind = Callback::new(move |v: String| {
            ids.with_value(|ids| set_text(doc, ids, BlockField::Kind, &v))
        });
        let zones = Signal::derive(move || {
            let mut opts = vec![(NO_ZONE.to_string(), "No zone".to_string())];
            doc.design.with(|d| {
                opts.extend(d.zones.iter().map(|z| {
                    let name = if z.label.is_empty() {
                        z.id.clone()
                    } else {
                        z.label.clone()
                    };
                    (z.id.clone(), name)
                }))
            });
            opts
        });
        let zone = Signal::derive(move || {
            common(doc, ids, |b| {
                b.zone.clone().unwrap_or_else(|| NO_ZONE.to_string())
            })
        });
        let apply_zone = Callback::new(move |v: String| {
            let z = (v != NO_ZONE).then_some(v);
            ids.with_value(|ids| set_value(doc, ids, BlockField::Zone, FieldValue::OptText(z)))
        });
        view! {
            <Group title="Identity">
                {label_notes}
                <SelectField id="insp-kind" label=schema::block(BlockField::Kind).label options=kinds value=kind apply=apply_kind />
                <SelectField id="insp-zone" label=schema::block(BlockField::Zone).label options=zones value=zone apply=apply_zone />
            </Group>
        }
    };

    let availability = {
        let value = Signal::derive(move || {
            common(doc, ids, |b| availability_text(b.availability)).unwrap_or_default()
        });
        let hint =
            Signal::derive(move || common(doc, ids, |b| b.availability).map(availability_hint));
        let placeholder = Signal::derive(move || {
            if common(doc, ids, |b| b.availability).is_none() {
                "mixed".to_string()
            } else {
                String::new()
            }
        });
        let source = Signal::derive(move || {
            common(doc, ids, |b| b.kind).and_then(|k| {
                source_text(field_source(k, schema::block(BlockField::Availability).key))
            })
        });
        let apply = Callback::new(move |t: String| {
            ids.with_value(|ids| set_text(doc, ids, BlockField::Availability, &t))
        });
        view! {
            <TextField
                id="insp-availability"
                label=schema::block(BlockField::Availability).label
                value=value
                apply=apply
                placeholder=placeholder
                hint=hint
                source=source
            />
        }
    };

    let route = {
        let spec = schema::block(BlockField::Route);
        let value = Signal::derive(move || {
            common(doc, ids, |b| {
                spec.ty
                    .name_of(&(spec.get)(b))
                    .unwrap_or_default()
                    .to_string()
            })
        });
        let source = Signal::derive(move || {
            common(doc, ids, |b| b.kind).and_then(|k| source_text(field_source(k, spec.key)))
        });
        let options = vec![
            ("all".to_string(), "All links".to_string()),
            ("split".to_string(), "Split across links".to_string()),
            ("failover".to_string(), "Failover".to_string()),
        ];
        let apply = Callback::new(move |v: String| {
            ids.with_value(|ids| set_text(doc, ids, BlockField::Route, &v))
        });
        view! { <SelectField id="insp-route" label=spec.label options=options value=value apply=apply source=source /> }
    };

    // Spec choice: a block with `users` has a derived rate (model-2.md §1:
    // `rps` must then be absent), so its rps box becomes a read-only line with
    // the peak rate; typing users clears a typed rps (`set_blocks_field`), and
    // clearing users brings the box back.
    let derived = Memo::new(move |_| common(doc, ids, |b| b.users.is_some()) == Some(true));
    let rps = move || {
        if derived.get() {
            let value = Signal::derive(move || {
                common(doc, ids, |b| {
                    format!("{} req/s peak, from users", units::grouped(b.peak_rps()))
                })
                .unwrap_or_else(|| "mixed".into())
            });
            view! { <ReadOnly label=schema::block(BlockField::Rps).label value=value /> }.into_any()
        } else {
            text("insp-rps", BlockField::Rps, "0", |b| fmt_num(b.rps)).into_any()
        }
    };
    // The entry's worksheet fields: for clients and blocks that have a rate.
    let entry = Memo::new(move |_| {
        common(doc, ids, |b| {
            b.kind == Kind::Client || b.users.is_some() || b.rps > 0.0
        }) == Some(true)
    });
    let entry_fields = move || {
        entry.get().then(|| {
            view! {
                {text("insp-users", BlockField::Users, "none", |b| opt_text(b.users))}
                {text("insp-per-user", BlockField::RequestsPerUserDay, "", |b| fmt_num(b.requests_per_user_day))}
                {text("insp-peak", BlockField::PeakFactor, "", |b| fmt_num(b.peak_factor))}
            }
        })
    };
    // The chain from inputs to figures (one block), from the report on screen.
    let eval = use_evaluation();
    let chain = Memo::new(move |_| {
        if !single {
            return Vec::new();
        }
        let id = ids.with_value(|i| i.first().cloned().unwrap_or_default());
        let Some(b) = doc.design.with(|d| d.block(&id).cloned()) else {
            return Vec::new();
        };
        eval.report.with(|r| {
            let entry = r.entries.iter().find(|e| e.block == id);
            let block = r.blocks.iter().find(|x| x.id == id);
            sizing::block_lines(&b, entry, block)
        })
    });
    let chain_view = move || {
        let lines = chain.get();
        (!lines.is_empty()).then(|| {
            view! {
                <ul class="sizing-chain" data-testid="sizing-chain" aria-live="polite">
                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            }
        })
    };

    let heading = {
        move || {
            if single {
                common(doc, ids, |b| b.display_label().to_string()).unwrap_or_default()
            } else {
                format!("{} blocks", ids.with_value(Vec::len))
            }
        }
    };
    let subheading = {
        move || {
            match common(doc, ids, |b| (b.kind.name(), b.label.is_empty())) {
                // The heading already says the kind.
                Some((_, true)) if single => "Block".to_string(),
                Some((kind, _)) => kind.to_string(),
                None => "Several kinds".to_string(),
            }
        }
    };

    view! {
        <h2>{heading}</h2>
        <p class="panel-sub">{subheading}</p>
        {identity}
        <Group title="Traffic">
            {rps}
        </Group>
        <Group title="Sizing">
            {entry_fields}
            {text("insp-record", BlockField::RecordBytes, "none", |b| opt_text(b.record_bytes))}
            {text("insp-retention", BlockField::RetentionDays, "forever", |b| opt_text(b.retention_days))}
            {text("insp-cost", BlockField::CostMonth, "unknown", |b| opt_text(b.cost_month))}
            {chain_view}
        </Group>
        <Group title="Redundancy">
            {text("insp-replicas", BlockField::Replicas, "", |b| b.replicas.to_string())}
            {text("insp-min-healthy", BlockField::MinHealthy, "", |b| b.min_healthy.to_string())}
            {text("insp-shards", BlockField::Shards, "", |b| b.shards.to_string())}
            {availability}
        </Group>
        <Group title="Latency">
            {text("insp-latency", BlockField::LatencyMs, "", |b| fmt_num(b.latency_ms))}
            {text("insp-p99", BlockField::P99Ms, "", |b| fmt_num(b.p99_ms))}
        </Group>
        <Group title="Capacity">
            {text("insp-capacity", BlockField::CapacityRps, "unlimited", |b| opt_text(b.capacity_rps))}
            {text("insp-write-capacity", BlockField::WriteCapacityRps, "unlimited", |b| opt_text(b.write_capacity_rps))}
            {check("insp-single-writer", BlockField::SingleWriter, |b| b.single_writer)}
        </Group>
        <Group title="Cache">
            {text("insp-hit-ratio", BlockField::HitRatio, "", |b| units::percent(b.hit_ratio))}
            {text("insp-ttl", BlockField::TtlS, "none", |b| opt_text(b.ttl_s))}
        </Group>
        <Group title="Rules">
            {route}
            {check("insp-dead-letter", BlockField::DeadLetter, |b| b.dead_letter)}
        </Group>
        {single.then(|| {
            let id = ids.with_value(|i| i.first().cloned().unwrap_or_default());
            view! {
                <crate::ui::whatif::FailToggle id=id.clone() />
                <crate::ui::BlockFindings id=id />
            }
        })}
    }
}

/// The zone select's value for "in no zone" (not a valid id: ids have no spaces).
const NO_ZONE: &str = "no zone";
