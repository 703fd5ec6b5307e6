//! The block catalog (catalog.md): default numbers and where each came from.
