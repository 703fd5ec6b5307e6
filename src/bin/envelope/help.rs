//! The CLI's usage and each command's help text.

pub const USAGE: &str = "\
envelope: back-of-the-envelope math for system designs

Usage:
  envelope eval FILE|- [--json|--markdown] [--scale N] [--fail ID,...]
  envelope check FILE|- [--json|--markdown] [--scale N] [--fail ID,...]
  envelope link FILE|- [--base URL] [--view] [--scale N] [--fail ID,...] [--scenario ID]
  envelope unlink URL|-
  envelope svg FILE|- [--scale N] [--fail ID,...]
  envelope import FILE|-
  envelope export --mermaid|--excalidraw|--drawio FILE|- [--numbers] [--scale N] [--fail ID,...]
  envelope schema
  envelope help [COMMAND]

Run `envelope COMMAND --help` for a command's options.
Exit status: 0 success, 1 `check` found an error finding, 2 bad input or usage.
";

pub const EVAL_HELP: &str = "\
envelope eval FILE|- [--json|--markdown] [--scale N] [--fail ID,...]

Evaluate a design file (`-` reads standard input) and print a summary:
availability and downtime, latency, max scale and bottleneck; with timeouts,
the worst link's share of calls failing and attempts per call, the largest
retry multiple and the traffic multiple where a retry storm begins; the five
blocks or zones to improve first; the design's scenarios against their
targets; each block's load and utilization, and the findings.

  --json        print the report of format.md §3 instead
  --markdown    print the report as Markdown, for a design doc
  --scale N     what-if: multiply every entry's rps by N (N > 0)
  --fail IDS    what-if: blocks or zones to take down, comma-separated

Exits 0 when the design loaded, 2 (with the errors on stderr) when it did not.
";

pub const CHECK_HELP: &str = "\
envelope check FILE|- [--json|--markdown] [--scale N] [--fail ID,...]

As `eval`, for CI of design documents: exits 1 when any finding is an error
(a scenario missing its targets is one), 0 otherwise, 2 when the design does
not load. Lists the scenarios that miss, with the target each misses (on
stderr with --json or --markdown).
";

pub const LINK_HELP: &str = "\
envelope link FILE|- [--base URL] [--view] [--scale N] [--fail ID,...] [--scenario ID]

Print a share link that holds the whole design in its #v1= fragment.

  --base URL    where the app is served (default https://envelope.invalid/)
  --view        the link opens read-only
  --scale N     the link opens with a what-if traffic multiplier
  --fail IDS    the link opens with these blocks or zones failed
  --scenario ID the link opens with this saved scenario applied
";

pub const UNLINK_HELP: &str = "\
envelope unlink URL|-

Decode a share link (or its #v1= fragment; `-` reads it from standard input)
and print the design JSON.
";

pub const SVG_HELP: &str = "\
envelope svg FILE|- [--scale N] [--fail ID,...]

Print the design as a standalone SVG image (styles inlined, text escaped), with
hot and saturated blocks marked as the evaluation finds them.
";

pub const IMPORT_HELP: &str = "\
envelope import FILE|-

Read a Mermaid diagram (`flowchart`/`graph` or `architecture-beta`; also the
first ```mermaid block of a Markdown file) and print it as a design file.
Nodes and services become blocks with the catalog's numbers for the kind
guessed from each one's label, id, shape or icon; subgraphs and groups become
zones; `-.->` links are async, `==>` sync, and a plain `-->` is async only
into or out of a queue or log. The layout runs left to right along the calls.

On standard error: the kind guessed for each block and why (check them), and
every line not taken as written (styling, unknown arrows, …) with its number.
Exits 2 when the text is not such a diagram or holds more than a design can.
";

pub const EXPORT_HELP: &str = "\
envelope export --mermaid|--excalidraw|--drawio FILE|- [--numbers] [--scale N] [--fail ID,...]

Print the design in another tool's format, at the design's positions.

  --mermaid     a Mermaid flowchart: zones as subgraphs, a shape and a class
                per kind, async links dotted; `envelope import` reads it back
                to the same blocks, links and zones
  --excalidraw  an Excalidraw scene (.excalidraw): zones as frames, links as
                arrows bound to their blocks (async dashed), key numbers on
                the blocks (the design's, and the evaluation's load,
                utilization and entry p99)
  --drawio      a draw.io diagram (.drawio, uncompressed): zones as
                containers, links as edges (async dashed), the same numbers
  --numbers     Mermaid: evaluate the design and write each block's rate,
                median time and utilization under its label
  --scale N     what-if: the numbers at N times every entry's rps
  --fail IDS    what-if: blocks or zones to take down, comma-separated
";

pub const SCHEMA_HELP: &str = "\
envelope schema

Print the JSON Schema (draft 2020-12) of the design document, generated from
the same field tables the loader reads. It is served beside the app as
design.schema.json; `envelope schema > public/design.schema.json` updates it.
";
