//! `envelope`: the native CLI over the core. Argument parsing and printing only.

use std::io::{Read, Write};
use std::process::ExitCode;

use envelope::core::eval::stress::{storm_scale, STORM_SEARCH_MAX};
use envelope::core::eval::{evaluate, EvalOptions};
use envelope::core::export;
use envelope::core::format::{self, LoadError};
use envelope::core::mermaid;
use envelope::core::model::Design;
use envelope::core::render::{markdown, svg, text};
use envelope::core::report::Severity;
use envelope::core::share;

mod help;
use help::*;

const DEFAULT_BASE: &str = "https://envelope.invalid/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("envelope: {message}");
            ExitCode::from(2)
        }
    }
}

/// The formats of `envelope export`, by their flags.
#[derive(Clone, Copy, PartialEq)]
enum Export {
    Mermaid,
    Excalidraw,
    Drawio,
}

const EXPORT_FORMATS: [(&str, Export); 3] = [
    ("--mermaid", Export::Mermaid),
    ("--excalidraw", Export::Excalidraw),
    ("--drawio", Export::Drawio),
];

#[derive(Default)]
struct Opts {
    input: Option<String>,
    json: bool,
    markdown: bool,
    view: bool,
    base: Option<String>,
    scenario: Option<String>,
    export: Option<Export>,
    numbers: bool,
    eval: EvalOptions,
}

fn run(args: &[String]) -> Result<u8, String> {
    let Some(command) = args.first() else {
        print!("{USAGE}");
        return Ok(2);
    };
    let rest = &args[1..];
    let help = match command.as_str() {
        "eval" => EVAL_HELP,
        "check" => CHECK_HELP,
        "link" => LINK_HELP,
        "unlink" => UNLINK_HELP,
        "svg" => SVG_HELP,
        "import" => IMPORT_HELP,
        "export" => EXPORT_HELP,
        "schema" => SCHEMA_HELP,
        "help" | "--help" | "-h" => {
            let text = match rest.first().map(String::as_str) {
                Some("eval") => EVAL_HELP,
                Some("check") => CHECK_HELP,
                Some("link") => LINK_HELP,
                Some("unlink") => UNLINK_HELP,
                Some("svg") => SVG_HELP,
                Some("import") => IMPORT_HELP,
                Some("export") => EXPORT_HELP,
                Some("schema") => SCHEMA_HELP,
                _ => USAGE,
            };
            print!("{text}");
            return Ok(0);
        }
        other => return Err(format!("unknown command '{other}'\n\n{USAGE}")),
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{help}");
        return Ok(0);
    }
    if command == "schema" {
        if let Some(extra) = rest.first() {
            return Err(format!("'schema' takes no arguments, found '{extra}'"));
        }
        print_out(&format::json_schema_text());
        return Ok(0);
    }
    let opts = parse(command, rest)?;
    let input = opts
        .input
        .as_deref()
        .ok_or_else(|| format!("'{command}' needs an input\n\n{help}"))?;
    match command.as_str() {
        "eval" | "check" => {
            let design = load_design(input)?;
            let report = evaluate(&design, &opts.eval);
            let out = if opts.json {
                report.to_json() + "\n"
            } else if opts.markdown {
                markdown::for_design(&design, &report)
            } else {
                let storm = text::Storm {
                    scale: storm_scale(&design, &opts.eval.fail).map(|s| s / opts.eval.scale),
                    searched_to: STORM_SEARCH_MAX / opts.eval.scale,
                };
                text::summary(&design, &report, Some(storm))
            };
            print_out(&out);
            if command == "check" {
                let misses = text::scenario_misses(&design, &report);
                if !misses.is_empty() {
                    // Beside a JSON or Markdown report, keep stdout that document.
                    let mut listing = String::from("\nScenarios that miss their targets:\n");
                    for line in misses {
                        listing.push_str(&format!("  {line}\n"));
                    }
                    if opts.json || opts.markdown {
                        eprint!("{}", listing.trim_start());
                    } else {
                        print_out(&listing);
                    }
                }
            }
            let failed = report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error);
            Ok(u8::from(command == "check" && failed))
        }
        "svg" => {
            let design = load_design(input)?;
            let report = evaluate(&design, &opts.eval);
            print_out(&svg::svg(&design, Some(&report)));
            Ok(0)
        }
        "import" => {
            let (name, text) = read_input(input)?;
            let imported = mermaid::import(&text).map_err(|errors| {
                let mut s = format!("{name} cannot be imported:");
                for e in &errors {
                    s.push_str(&format!("\n  {e}"));
                }
                s
            })?;
            print_out(&format::save(&imported.design));
            eprint!("{}", import_notes(&imported));
            Ok(0)
        }
        "export" => {
            let format = opts.export.ok_or_else(|| {
                format!(
                    "'export' needs a format: --mermaid, --excalidraw or --drawio\n\n{EXPORT_HELP}"
                )
            })?;
            let design = load_design(input)?;
            let numbers = opts.numbers || format != Export::Mermaid;
            let report = numbers.then(|| evaluate(&design, &opts.eval));
            let out = match format {
                Export::Mermaid => mermaid::export(&design, report.as_ref()),
                Export::Excalidraw => export::excalidraw(&design, report.as_ref()),
                Export::Drawio => export::drawio(&design, report.as_ref()),
            };
            print_out(&out);
            Ok(0)
        }
        "link" => {
            let design = load_design(input)?;
            let base = opts.base.as_deref().unwrap_or(DEFAULT_BASE);
            if let Some(id) = &opts.scenario {
                if !design.scenarios.iter().any(|s| &s.id == id) {
                    return Err(format!("--scenario: the design has no scenario '{id}'"));
                }
            }
            let how = share::LinkView {
                view: opts.view,
                scale: (opts.eval.scale != 1.0).then_some(opts.eval.scale),
                fail: opts.eval.fail.clone(),
                scenario: opts.scenario.clone(),
            };
            let url = share::link_with(&design, base, &how);
            print_out(&(url + "\n"));
            Ok(0)
        }
        _ => {
            let url = if input == "-" {
                read_stdin()?
            } else {
                input.to_string()
            };
            let shared = share::open(url.trim()).map_err(|errors| describe("the link", &errors))?;
            print_out(&format::save(&shared.design));
            Ok(0)
        }
    }
}

fn parse(command: &str, args: &[String]) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut it = args.iter();
    let takes_eval = matches!(command, "eval" | "check");
    let takes_scenario = takes_eval || matches!(command, "link" | "svg" | "export");
    let takes_link = command == "link";
    let takes_export = command == "export";
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--json" if takes_eval => o.json = true,
            "--markdown" if takes_eval => o.markdown = true,
            "--view" if takes_link => o.view = true,
            "--numbers" if takes_export => o.numbers = true,
            s if takes_export && EXPORT_FORMATS.iter().any(|(f, _)| *f == s) => {
                let format = EXPORT_FORMATS
                    .iter()
                    .find(|(f, _)| *f == s)
                    .map(|(_, e)| *e);
                if o.export
                    .replace(format.unwrap_or(Export::Mermaid))
                    .is_some()
                {
                    return Err("choose one export format".into());
                }
            }
            "--base" if takes_link => o.base = Some(value("--base")?),
            "--scenario" if takes_link => o.scenario = Some(value("--scenario")?),
            "--scale" if takes_scenario => {
                let v = value("--scale")?;
                o.eval.scale = v
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| format!("--scale expects a number > 0, found '{v}'"))?;
            }
            "--fail" if takes_scenario => {
                let v = value("--fail")?;
                o.eval.fail = v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
            }
            s if s.starts_with("--") => {
                return Err(format!(
                    "unknown option '{s}' for '{command}' (see envelope {command} --help)"
                ))
            }
            s => {
                if o.input.replace(s.to_string()).is_some() {
                    return Err(format!("'{command}' takes one input, found another: '{s}'"));
                }
            }
        }
    }
    if o.json && o.markdown {
        return Err("choose one of --json and --markdown".into());
    }
    Ok(o)
}

fn load_design(input: &str) -> Result<Design, String> {
    let (name, text) = read_input(input)?;
    format::load(&text).map_err(|errors| describe(&name, &errors))
}

/// The text of a file (or of standard input for `-`) and a name for messages.
fn read_input(input: &str) -> Result<(String, String), String> {
    Ok(if input == "-" {
        ("<stdin>".to_string(), read_stdin()?)
    } else {
        let bytes = std::fs::read(input).map_err(|e| format!("cannot read '{input}': {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{input}: not UTF-8 text (byte {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        (input.to_string(), text)
    })
}

/// The guesses and the skipped lines of an import, for standard error.
fn import_notes(imported: &mermaid::Imported) -> String {
    let mut s = format!(
        "Kinds guessed ({} blocks; check them):\n",
        imported.guesses.len()
    );
    for g in &imported.guesses {
        s.push_str(&format!(
            "  line {}: {} '{}' is {} ({})\n",
            g.line,
            g.id,
            g.label.replace(char::is_control, " "),
            g.kind.as_str(),
            g.reason
        ));
    }
    if !imported.skipped.is_empty() {
        s.push_str(&format!(
            "Not taken as written ({}):\n",
            imported.skipped.len()
        ));
        for k in &imported.skipped {
            s.push_str(&format!("  line {}: {} ({})\n", k.line, k.text, k.reason));
        }
    }
    s
}

fn read_stdin() -> Result<String, String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(s)
}

fn describe(name: &str, errors: &[LoadError]) -> String {
    let mut s = format!(
        "{name} is not a valid design ({} problem(s)):",
        errors.len()
    );
    for e in errors {
        s.push_str(&format!("\n  {}: {}", e.at, e.message));
    }
    s
}

/// Print, ignoring a closed pipe (`envelope eval x | head`) instead of panicking.
fn print_out(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}
