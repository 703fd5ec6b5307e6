//! The frame of a results table: its section and heading, the header row (the rows' name, then number columns), the rows.

use leptos::prelude::*;

/// A section of class `class` (also its heading's id, with `-heading`) titled
/// `title`, holding a table: the first column, headed `first`, names each row,
/// the columns headed `nums` hold numbers; `children` are the rows.
#[component]
pub fn ResultsTable(
    class: &'static str,
    title: &'static str,
    first: &'static str,
    nums: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    let heading = format!("{class}-heading");
    let labelledby = heading.clone();
    let nums = nums
        .iter()
        .map(|n| view! { <th scope="col" class="num">{*n}</th> })
        .collect_view();
    view! {
        <section class=class aria-labelledby=labelledby>
            <h3 id=heading>{title}</h3>
            <table class="results-table">
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {nums}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </section>
    }
}
