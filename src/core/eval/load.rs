//! Load (evaluation.md §1): traffic equations, utilization, max scale.

/// Per-block load figures, parallel to `design.blocks`.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    pub read: Vec<f64>,
    pub write: Vec<f64>,
    /// ρ of the busiest instance; `None` when the block has no capacity.
    pub utilization: Vec<Option<f64>>,
    /// ρ with `replicas − 1`; `None` when `replicas` = 1 or no capacity.
    pub one_down: Vec<Option<f64>>,
    pub max_scale: Option<f64>,
    pub bottleneck: Option<usize>,
}
