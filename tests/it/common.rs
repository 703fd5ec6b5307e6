//! What several test files build the same way: a design from its blocks and
//! links, and its report with the default options.

use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::model::{Block, Design, Link};
use envelope::core::report::Report;

pub fn design(blocks: Vec<Block>, links: Vec<Link>) -> Design {
    Design {
        blocks,
        links,
        ..Design::default()
    }
}

pub fn eval(d: &Design) -> Report {
    evaluate(d, &EvalOptions::default())
}
