//! Edit commands with inverses, and the undo history.
