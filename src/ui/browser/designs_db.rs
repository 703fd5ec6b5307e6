//! The library's IndexedDB database (through the `idb` crate): two object
//! stores written together in one transaction, so a reader finds either the
//! old version of a design or the new one, whole.
//!
//! - `summaries`: `{id, title, updated, size, rev}`, what the Recent dialog lists;
//! - `designs`: `{id, rev, text, view}`, the saved JSON (read only to open one).

use idb::{
    Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode, TransactionResult,
};
use wasm_bindgen::JsValue;

use crate::core::library::{Record, Summary, Write};

const NAME: &str = "envelope";
const VERSION: u32 = 1;
const SUMMARIES: &str = "summaries";
const DESIGNS: &str = "designs";

/// Why the library could not be read or written.
#[derive(Clone, Debug, PartialEq)]
pub enum DbError {
    /// The browser's storage for this site is full.
    Full,
    /// Anything else (IndexedDB missing, refused, closed).
    Failed(String),
}

impl DbError {
    fn from_idb(e: idb::Error) -> DbError {
        let text = format!("{e}");
        if text.contains("QuotaExceeded") || text.to_ascii_lowercase().contains("quota") {
            DbError::Full
        } else {
            DbError::Failed(text)
        }
    }
}

/// How a conditional write ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Written,
    /// The stored version was not the one expected: nothing was written.
    Conflict,
}

/// An open connection to the library.
pub struct DesignsDb(Database);

/// Open (or create) the library. Fails when the browser has no IndexedDB or
/// refuses it (private modes, policies, a stubbed `indexedDB.open`).
pub async fn open() -> Result<DesignsDb, DbError> {
    let factory = Factory::new().map_err(DbError::from_idb)?;
    let mut request = factory
        .open(NAME, Some(VERSION))
        .map_err(DbError::from_idb)?;
    request.on_upgrade_needed(|event| {
        let Ok(db) = event.database() else { return };
        for store in [SUMMARIES, DESIGNS] {
            if !db.store_names().iter().any(|n| n == store) {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(idb::KeyPath::new_single("id")));
                let _ = db.create_object_store(store, params);
            }
        }
    });
    request.await.map(DesignsDb).map_err(DbError::from_idb)
}

impl DesignsDb {
    /// Every summary that reads back whole, and how many did not (damaged).
    pub async fn list(&self) -> Result<(Vec<Summary>, usize), DbError> {
        let tx = self
            .0
            .transaction(&[SUMMARIES], TransactionMode::ReadOnly)
            .map_err(DbError::from_idb)?;
        let store = tx.object_store(SUMMARIES).map_err(DbError::from_idb)?;
        let all = store
            .get_all(None, None)
            .map_err(DbError::from_idb)?
            .await
            .map_err(DbError::from_idb)?;
        let mut damaged = 0;
        let list = all
            .iter()
            .filter_map(|v| {
                let s = summary_from(v);
                damaged += usize::from(s.is_none());
                s
            })
            .collect();
        Ok((list, damaged))
    }

    /// The stored record of `id`: `Ok(None)` when there is none, an error
    /// string when its parts do not read back.
    pub async fn get(&self, id: &str) -> Result<Option<Result<Record, String>>, DbError> {
        let tx = self
            .0
            .transaction(&[SUMMARIES, DESIGNS], TransactionMode::ReadOnly)
            .map_err(DbError::from_idb)?;
        let key = JsValue::from_str(id);
        let summary = get_in(&tx, SUMMARIES, &key).await?;
        let design = get_in(&tx, DESIGNS, &key).await?;
        Ok(match (summary, design) {
            (None, None) => None,
            (s, d) => Some(record_from(s.as_ref(), d.as_ref())),
        })
    }

    /// Store `record` as the version `decide` gives from the version stored
    /// now (`core::library::write`); nothing when it says `Conflict`. The check
    /// and the write are one transaction.
    pub async fn put_if(
        &self,
        record: &mut Record,
        decide: impl FnOnce(Option<u64>) -> Write,
    ) -> Result<Put, DbError> {
        let tx = self
            .0
            .transaction(&[SUMMARIES, DESIGNS], TransactionMode::ReadWrite)
            .map_err(DbError::from_idb)?;
        let key = JsValue::from_str(&record.summary.id);
        let stored = get_in(&tx, SUMMARIES, &key)
            .await?
            .and_then(|v| summary_from(&v))
            .map(|s| s.rev);
        match decide(stored) {
            Write::Conflict => {
                let _ = tx.abort();
                Ok(Put::Conflict)
            }
            Write::As(rev) => {
                record.summary.rev = rev;
                put_in(&tx, record)?;
                finish(tx).await.map(|()| Put::Written)
            }
        }
    }

    /// Store `record` whatever is stored now (a copy, an undone delete).
    pub async fn put(&self, record: &Record) -> Result<(), DbError> {
        let tx = self
            .0
            .transaction(&[SUMMARIES, DESIGNS], TransactionMode::ReadWrite)
            .map_err(DbError::from_idb)?;
        put_in(&tx, record)?;
        finish(tx).await
    }

    /// Remove `id` from the library.
    pub async fn delete(&self, id: &str) -> Result<(), DbError> {
        let tx = self
            .0
            .transaction(&[SUMMARIES, DESIGNS], TransactionMode::ReadWrite)
            .map_err(DbError::from_idb)?;
        for store in [SUMMARIES, DESIGNS] {
            tx.object_store(store)
                .and_then(|s| s.delete(JsValue::from_str(id)))
                .map_err(DbError::from_idb)?;
        }
        finish(tx).await
    }
}

async fn get_in(
    tx: &idb::Transaction,
    store: &str,
    key: &JsValue,
) -> Result<Option<JsValue>, DbError> {
    tx.object_store(store)
        .map_err(DbError::from_idb)?
        .get(key.clone())
        .map_err(DbError::from_idb)?
        .await
        .map_err(DbError::from_idb)
}

fn put_in(tx: &idb::Transaction, record: &Record) -> Result<(), DbError> {
    let s = &record.summary;
    let summary = object(&[
        ("id", s.id.as_str().into()),
        ("title", s.title.as_str().into()),
        ("updated", s.updated.into()),
        ("size", (s.size as f64).into()),
        ("rev", (s.rev as f64).into()),
    ]);
    let design = object(&[
        ("id", s.id.as_str().into()),
        ("rev", (s.rev as f64).into()),
        ("text", record.text.as_str().into()),
        ("view", record.view.as_str().into()),
    ]);
    for (store, value) in [(SUMMARIES, summary), (DESIGNS, design)] {
        // The request's result is not needed: the transaction's end says it all.
        drop(
            tx.object_store(store)
                .and_then(|st| st.put(&value, None))
                .map_err(DbError::from_idb)?,
        );
    }
    Ok(())
}

/// Wait for the transaction to commit.
async fn finish(tx: idb::Transaction) -> Result<(), DbError> {
    match tx.await.map_err(DbError::from_idb)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(DbError::Failed("the write was aborted".into())),
    }
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A whole, non-negative integer from a stored number.
fn count(v: JsValue) -> Option<u64> {
    v.as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0 && n.fract() == 0.0)
        .map(|n| n as u64)
}

fn summary_from(v: &JsValue) -> Option<Summary> {
    if !v.is_object() {
        return None;
    }
    Some(Summary {
        id: field(v, "id").as_string()?,
        title: field(v, "title").as_string()?,
        updated: field(v, "updated").as_f64().filter(|n| n.is_finite())?,
        size: count(field(v, "size"))?,
        rev: count(field(v, "rev"))?,
    })
}

fn record_from(summary: Option<&JsValue>, design: Option<&JsValue>) -> Result<Record, String> {
    let summary = summary
        .and_then(summary_from)
        .ok_or("its entry in the list is damaged")?;
    let design = design.ok_or("its saved design is missing")?;
    let text = field(design, "text")
        .as_string()
        .ok_or("its saved design is damaged")?;
    let view = field(design, "view").as_string().unwrap_or_default();
    Ok(Record {
        summary,
        text,
        view,
    })
}
