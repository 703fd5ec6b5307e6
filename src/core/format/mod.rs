//! The design file (format.md §1): one validating load path, a stable save.
