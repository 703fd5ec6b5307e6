//! What the canvas draws of large designs (`core::culling`).

use envelope::core::culling::{
    block_at, detailed, drawn, plain_paths, window, Heat, DETAIL_ZOOM, LARGE_DESIGN,
};
use envelope::core::geometry::link_lanes;
use envelope::core::geometry::{block_rect, Point, Viewport};
use envelope::core::model::{Block, Design, Kind, Link, Mode};
use proptest::prelude::*;

/// `n` blocks on a 200 × 100 grid, 20 to a row, each linked to the next.
fn grid(n: usize) -> Design {
    let mut d = Design::default();
    for i in 0..n {
        let (x, y) = ((i % 20) as f64 * 200.0, (i / 20) as f64 * 100.0);
        d.blocks
            .push(Block::new(format!("b{i}"), Kind::Service, x, y));
        if i > 0 {
            d.links.push(Link::new(
                format!("l{i}"),
                format!("b{}", i - 1),
                format!("b{i}"),
            ));
        }
    }
    d
}

#[test]
fn small_designs_are_drawn_whole_and_in_detail() {
    let v = Viewport {
        pan: Point::new(-5000.0, -5000.0),
        zoom: 0.1,
    };
    assert_eq!(window(LARGE_DESIGN, &v, 1280.0, 720.0), None);
    assert!(detailed(LARGE_DESIGN, 0.1));
    let d = grid(LARGE_DESIGN);
    let all = drawn(&d, None, false, |_| false, |_| false);
    assert_eq!(all.blocks.len(), LARGE_DESIGN);
    assert_eq!(all.links.len(), LARGE_DESIGN - 1);
}

#[test]
fn large_designs_lose_their_text_only_when_zoomed_out() {
    assert!(!detailed(LARGE_DESIGN + 1, DETAIL_ZOOM - 0.01));
    assert!(detailed(LARGE_DESIGN + 1, DETAIL_ZOOM));
    assert!(detailed(5000, 1.0));
}

#[test]
fn a_canvas_with_no_size_draws_everything() {
    assert_eq!(window(1000, &Viewport::default(), 0.0, 720.0), None);
}

#[test]
fn at_100_percent_only_the_blocks_near_the_view_are_drawn() {
    let d = grid(1000);
    let v = Viewport::default(); // world (0,0) at the canvas' top-left corner
    let win = window(1000, &v, 1280.0, 720.0).expect("a large design is culled");
    let out = drawn(&d, Some(&win), false, |_| false, |_| false);
    assert!(out.blocks.len() < 130, "{} blocks drawn", out.blocks.len());
    // Every block that is on screen is drawn.
    let seen = v.visible(1280.0, 720.0);
    for b in d
        .blocks
        .iter()
        .filter(|b| block_rect(b.x, b.y).intersects(&seen))
    {
        assert!(out.blocks.contains(&b.id), "{} is on screen", b.id);
    }
    // A block far away is not, unless kept (selected or being dragged).
    assert!(!out.blocks.contains(&"b999".to_string()));
    let kept = drawn(&d, Some(&win), false, |id| id == "b999", |_| false);
    assert!(kept.blocks.contains(&"b999".to_string()));
    assert!(
        kept.links.contains(&"l999".to_string()),
        "the kept block's link"
    );
    // Design order is kept.
    let pos = |id: &str| d.blocks.iter().position(|b| b.id == id);
    assert!(kept.blocks.windows(2).all(|w| pos(&w[0]) < pos(&w[1])));
}

#[test]
fn a_link_crossing_the_view_is_drawn_though_both_ends_are_off_screen() {
    let mut d = grid(LARGE_DESIGN + 1);
    d.blocks
        .push(Block::new("west", Kind::Service, -20_000.0, 300.0));
    d.blocks
        .push(Block::new("east", Kind::Service, 20_000.0, 300.0));
    d.links.push(Link::new("across", "west", "east"));
    let win = window(d.blocks.len(), &Viewport::default(), 1280.0, 720.0).unwrap();
    let out = drawn(&d, Some(&win), false, |_| false, |_| false);
    assert!(out.links.contains(&"across".to_string()));
    assert!(!out.blocks.contains(&"west".to_string()));
}

#[test]
fn zoomed_out_links_are_drawn_once_either_plain_or_one_by_one() {
    let mut d = grid(400);
    d.links[5].mode = Mode::Async;
    let fit = Viewport {
        pan: Point::new(20.0, 20.0),
        zoom: 0.1,
    };
    let win = window(400, &fit, 1280.0, 720.0).unwrap();
    let selected_link = d.links[0].id.clone();
    let out = drawn(
        &d,
        Some(&win),
        true,
        |id| id == "b200",
        |id| id == selected_link,
    );
    // The whole design is in view: the kept block is drawn on its own, the
    // others as plain boxes.
    assert_eq!(out.blocks, ["b200"]);
    assert_eq!(out.plain_blocks.len(), 399);
    // The selected link and both links of the kept block b200 are drawn one by one.
    let mut one_by_one = out.links.clone();
    one_by_one.sort();
    assert_eq!(one_by_one, ["l1", "l200", "l201"]);
    assert_eq!(out.links.len() + out.plain_links.len(), d.links.len());
    assert!(out.plain_links.iter().all(|id| !out.links.contains(id)));

    let heat = |id: &str| match id {
        "b6" => Heat::Failed,
        "b7" => Heat::Saturated,
        "b8" | "b9" => Heat::Hot,
        _ => Heat::Normal,
    };
    let paths = plain_paths(&d, &out, &link_lanes(&d), heat);
    assert_eq!(paths.asynchronous.matches('M').count(), 1);
    assert_eq!(paths.sync.matches('M').count(), out.plain_links.len() - 1);
    let boxes: Vec<usize> = paths
        .blocks
        .iter()
        .map(|p| p.matches('M').count())
        .collect();
    assert_eq!(boxes, [395, 2, 1, 1]);
    // Not zoomed out: every link in view is drawn one by one.
    let detailed = drawn(&d, Some(&win), false, |_| false, |_| false);
    assert_eq!(detailed.links.len(), d.links.len());
    assert_eq!(detailed.blocks.len(), 400);
    assert!(detailed.plain_links.is_empty() && detailed.plain_blocks.is_empty());
}

#[test]
fn a_press_on_a_plain_block_finds_the_topmost_block_there() {
    let mut d = grid(3);
    d.blocks.push(Block::new("above", Kind::Cache, 10.0, 5.0));
    assert_eq!(block_at(&d, Point::new(0.0, 0.0)), Some("above"));
    assert_eq!(block_at(&d, Point::new(200.0 + 70.0, 30.0)), Some("b1"));
    assert_eq!(
        block_at(&d, Point::new(100.0, 0.0)),
        None,
        "between b0 and b1"
    );
}

proptest! {
    /// The window always covers the visible area with a quarter view to spare on
    /// every side, at most half a view, and a pan changes it only on grid lines.
    #[test]
    fn the_window_covers_the_view_with_margin(
        px in -10_000.0..10_000.0f64,
        py in -10_000.0..10_000.0f64,
        zoom in 0.1..4.0f64,
        w in 200.0..2000.0f64,
        h in 200.0..1200.0f64,
    ) {
        let v = Viewport { pan: Point::new(px, py), zoom };
        let win = window(1000, &v, w, h).unwrap();
        let seen = v.visible(w, h);
        let (qx, qy) = (w / zoom / 4.0, h / zoom / 4.0);
        let eps = 1e-6 * (1.0 + qx + qy);
        prop_assert!(win.x <= seen.x - qx + eps);
        prop_assert!(win.y <= seen.y - qy + eps);
        prop_assert!(win.x + win.w >= seen.x + seen.w + qx - eps);
        prop_assert!(win.y + win.h >= seen.y + seen.h + qy - eps);
        prop_assert!(win.w <= seen.w + 4.0 * qx + eps);
        prop_assert!(win.h <= seen.h + 4.0 * qy + eps);
        // A pan of one screen pixel keeps the window unless it crosses a line.
        let nudged = window(1000, &v.panned(1.0, 0.0), w, h).unwrap();
        prop_assert!(nudged == win || (nudged.x - win.x).abs() >= qx - eps);
    }
}

proptest! {
    /// A plain box is its block's rectangle, corner rounded to whole units, as
    /// `M x y` then the outline: the same numbers `format!` would print.
    #[test]
    fn plain_boxes_sit_at_their_blocks_rounded_corner(
        x in -1.0e9..1.0e9f64,
        y in -1.0e9..1.0e9f64,
    ) {
        let mut d = Design::default();
        d.blocks.push(Block::new("a".to_string(), Kind::Service, x, y));
        d.blocks.push(Block::new("b".to_string(), Kind::Service, 0.0, 0.0));
        d.links.push(Link::new("l".to_string(), "a".to_string(), "b".to_string()));
        let out = drawn(&d, None, true, |_| false, |_| false);
        let paths = plain_paths(&d, &out, &link_lanes(&d), |_| Heat::Normal);
        let r = block_rect(x, y);
        let (cx, cy) = (r.x.round() as i64, r.y.round() as i64);
        let expected = format!("M{cx} {cy}h150v64h-150zM-75 -32h150v64h-150z");
        prop_assert_eq!(&paths.blocks[Heat::Normal as usize], &expected);
        // The link starts with a move to whole-unit numbers, then one curve.
        prop_assert!(paths.sync.starts_with('M'));
        prop_assert_eq!(paths.sync.matches('Q').count(), 1);
        let numbers: Vec<&str> = paths.sync[1..].split(['Q', ' ']).collect();
        prop_assert_eq!(numbers.len(), 6);
        prop_assert!(numbers.iter().all(|n| n.parse::<i64>().is_ok()), "{}", paths.sync);
    }
}
