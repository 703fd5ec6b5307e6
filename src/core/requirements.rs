//! "New from requirements" (issue 14): the worksheet's inputs (model-2.md §3)
//! typed the way people write them, read into [`Requirements`], and a minimal
//! design built from them that the user goes on to edit.
//!
//! Spec choice (the shape built):
//! - the read:write ratio is asked as two figures, writes and reads per user a
//!   day (the ratio is their quotient), because §3.1 needs each path's rate;
//! - reads and writes are separate entries, "Readers" and "Writers" (clients with
//!   the same `users` and `peak_factor`, each with its own
//!   `requests_per_user_day`), because a link carries every request its caller
//!   forwards (§3.1): a store written by only some requests needs its own path;
//! - so each path has its own service, "Read API" and "Write API" (the catalog's
//!   service), and both reach one "Database" (the catalog's relational store)
//!   with `record_bytes`, `retention_days` and `replicas` = copies;
//! - every link carries `payload_bytes`: Readers → Read API → Database (read),
//!   Writers → Write API → Database (write).

use super::catalog::{new_block, new_link};
use super::model::{Design, Kind, Op};
use super::units::{parse, Quantity};

/// What "New from requirements" asks, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Requirements {
    pub users: f64,
    pub writes_per_user_day: f64,
    pub reads_per_user_day: f64,
    pub peak_factor: f64,
    pub payload_bytes: f64,
    pub record_bytes: f64,
    pub retention_days: f64,
    pub copies: u32,
}

/// The questions, in the dialog's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Users,
    Writes,
    Reads,
    PeakFactor,
    Payload,
    Record,
    Retention,
    Copies,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Users,
        Field::Writes,
        Field::Reads,
        Field::PeakFactor,
        Field::Payload,
        Field::Record,
        Field::Retention,
        Field::Copies,
    ];

    /// The field's label, for people.
    pub fn label(self) -> &'static str {
        match self {
            Field::Users => "Daily users",
            Field::Writes => "Writes per user a day",
            Field::Reads => "Reads per user a day",
            Field::PeakFactor => "Peak ÷ average",
            Field::Payload => "Payload per request",
            Field::Record => "Record size",
            Field::Retention => "Kept for",
            Field::Copies => "Copies the store keeps",
        }
    }

    /// An example of what to type.
    pub fn example(self) -> &'static str {
        match self {
            Field::Users => "500M",
            Field::Writes => "0.2",
            Field::Reads => "100",
            Field::PeakFactor => "5",
            Field::Payload => "1 KB",
            Field::Record => "1 KB",
            Field::Retention => "5 years",
            Field::Copies => "3",
        }
    }

    /// Read `text` as this field's value, or say why not.
    pub fn read(self, text: &str) -> Result<f64, String> {
        let q = match self {
            Field::Users | Field::Writes | Field::Reads | Field::PeakFactor | Field::Copies => {
                Quantity::Count
            }
            Field::Payload | Field::Record => Quantity::Size,
            Field::Retention => Quantity::Days,
        };
        let v = parse(q, text)?;
        match self {
            Field::Users if v <= 0.0 => Err("needs at least one user".into()),
            Field::PeakFactor if !(1.0..=100.0).contains(&v) => {
                Err("must be between 1 and 100 (peak ÷ average)".into())
            }
            Field::Retention if v <= 0.0 => Err("must be more than 0 days".into()),
            Field::Copies if v.fract() != 0.0 || !(1.0..=10_000.0).contains(&v) => {
                Err("must be a whole number from 1 to 10,000".into())
            }
            _ => Ok(v),
        }
    }
}

impl Requirements {
    /// Read every answer (in [`Field::ALL`]'s order); all of them or, for each
    /// that does not read, why.
    pub fn read(texts: &[&str; 8]) -> Result<Requirements, Vec<(Field, String)>> {
        let mut values = [0.0; 8];
        let mut errors = Vec::new();
        for (i, field) in Field::ALL.iter().enumerate() {
            match field.read(texts[i]) {
                Ok(v) => values[i] = v,
                Err(e) => errors.push((*field, e)),
            }
        }
        if values[1] == 0.0 && values[2] == 0.0 && errors.is_empty() {
            errors.push((Field::Reads, "reads and writes cannot both be 0".into()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Requirements {
            users: values[0],
            writes_per_user_day: values[1],
            reads_per_user_day: values[2],
            peak_factor: values[3],
            payload_bytes: values[4],
            record_bytes: values[5],
            retention_days: values[6],
            copies: values[7] as u32,
        })
    }
}

/// The minimal design for `req` (the module's Spec choice).
pub fn design_from(req: &Requirements) -> Design {
    let mut d = Design {
        title: "From requirements".into(),
        notes: format!(
            "Built from requirements: {} daily users, {} writes and {} reads per user a day, \
             peak ×{}, {} B per request, {} B per record kept {} days, {} copies.",
            req.users,
            req.writes_per_user_day,
            req.reads_per_user_day,
            req.peak_factor,
            req.payload_bytes,
            req.record_bytes,
            req.retention_days,
            req.copies
        ),
        ..Design::default()
    };
    let client = |id: &str, label: &str, per_day: f64, y: f64| {
        let mut b = new_block(Kind::Client, id.into(), 100.0, y);
        b.label = label.into();
        b.rps = 0.0;
        b.users = Some(req.users);
        b.requests_per_user_day = per_day;
        b.peak_factor = req.peak_factor;
        b
    };
    let service = |id: &str, label: &str, y: f64| {
        let mut b = new_block(Kind::Service, id.into(), 400.0, y);
        b.label = label.into();
        b
    };
    let mut db = new_block(Kind::RelationalDb, "database".into(), 700.0, 250.0);
    db.label = "Database".into();
    db.record_bytes = Some(req.record_bytes);
    db.retention_days = Some(req.retention_days);
    db.replicas = req.copies;
    db.min_healthy = db.min_healthy.min(req.copies);
    d.blocks = vec![
        client("readers", "Readers", req.reads_per_user_day, 150.0),
        client("writers", "Writers", req.writes_per_user_day, 350.0),
        service("read-api", "Read API", 150.0),
        service("write-api", "Write API", 350.0),
        db,
    ];
    let pairs = [
        ("readers", "read-api", Op::Read, "read"),
        ("read-api", "database", Op::Read, "read-db"),
        ("writers", "write-api", Op::Write, "write"),
        ("write-api", "database", Op::Write, "write-db"),
    ];
    for (from, to, op, id) in pairs {
        let f = d.blocks.iter().find(|b| b.id == from).expect("built above");
        let t = d.blocks.iter().find(|b| b.id == to).expect("built above");
        let mut l = new_link(f, t, id.into());
        l.op = op;
        l.payload_bytes = Some(req.payload_bytes);
        d.links.push(l);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::eval::{evaluate, EvalOptions};
    use crate::core::format;

    const SEED: [&str; 8] = ["500M", "0.2", "100", "5", "1 KB", "1 KB", "5 years", "3"];

    #[test]
    fn reads_what_people_type() {
        let r = Requirements::read(&SEED).unwrap();
        assert_eq!(
            r,
            Requirements {
                users: 500e6,
                writes_per_user_day: 0.2,
                reads_per_user_day: 100.0,
                peak_factor: 5.0,
                payload_bytes: 1000.0,
                record_bytes: 1000.0,
                retention_days: 1825.0,
                copies: 3,
            }
        );
    }

    #[test]
    fn says_which_fields_do_not_read() {
        let mut t = SEED;
        t[6] = "5 parsecs";
        t[7] = "2.5";
        let errors = Requirements::read(&t).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].0, Field::Retention);
        assert!(errors[0]
            .1
            .contains("'parsecs' is not a unit of a duration"));
        assert_eq!(errors[1].0, Field::Copies);
        t = SEED;
        t[3] = "0.5";
        assert_eq!(Requirements::read(&t).unwrap_err()[0].0, Field::PeakFactor);
        t = SEED;
        t[0] = "";
        assert_eq!(Requirements::read(&t).unwrap_err()[0].0, Field::Users);
    }

    #[test]
    fn the_seed_worksheet_evaluates_to_its_figures() {
        let d = design_from(&Requirements::read(&SEED).unwrap());
        // A valid document: it saves and loads back unchanged.
        assert_eq!(format::load(&format::save(&d)).unwrap(), d);
        let r = evaluate(&d, &EvalOptions::default());
        let entry = |id: &str| r.entries.iter().find(|e| e.block == id).unwrap();
        assert!((entry("writers").rps - 5787.037).abs() < 0.01);
        assert!((entry("writers").rps_avg - 1157.407).abs() < 0.01);
        assert!((entry("readers").rps - 2_893_518.5).abs() < 0.1);
        let db = r.blocks.iter().find(|b| b.id == "database").unwrap();
        let storage = db.storage_bytes.unwrap();
        assert!((storage - 5.475e14).abs() < 1e9, "{storage}");
        assert_eq!(r.storage_bytes, Some(storage));
    }
}
