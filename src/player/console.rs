//! The console: output so far (the latest lines), the current step's
//! lines highlighted, warnings and the run's ending, each linked to its
//! program line; a run stopped by a limit offers to run again higher.

use super::engine;
use super::player_state::PlayerState;
use crate::i18n::limits::{limit_message, limit_name};
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use looplab_engine::trace::RunEnding;

/// At most this many console lines are in the DOM (the latest ones).
const CONSOLE_MAX: usize = 60;
/// A chunk of output longer than this many lines (a 20,000-link traceback)
/// shows its first [`HEAD_LINES`] and last [`TAIL_LINES`] lines, with a
/// button to show all of it: laying out every line at once would hold the
/// page far longer than a task may.
const COLLAPSE_LINES: usize = 60;
/// Lines shown above the fold of a collapsed chunk.
const HEAD_LINES: usize = 10;
/// Lines shown below the fold of a collapsed chunk (a traceback ends with
/// the exception).
const TAIL_LINES: usize = 30;

/// The parts of a chunk as the console shows it: the text, or its head,
/// the number of lines folded away and its tail.
fn fold_chunk(text: &str) -> Result<(), (String, usize, String)> {
    let lines = text.matches('\n').count() + 1;
    if lines <= COLLAPSE_LINES {
        return Ok(());
    }
    let head_end = text
        .match_indices('\n')
        .nth(HEAD_LINES - 1)
        .map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .rmatch_indices('\n')
        .nth(TAIL_LINES - 1)
        .map_or(0, |(i, _)| i + 1);
    Err((
        text[..head_end].to_string(),
        lines - HEAD_LINES - TAIL_LINES,
        text[tail_start..].to_string(),
    ))
}

/// Output so far; the current step's lines highlighted; warnings and errors
/// styled apart and linked to their line.
#[component]
pub(super) fn Console(state: PlayerState) -> impl IntoView {
    // The output chunks the current step printed.
    let current = Memo::new(move |_| {
        let c = state.cursor.get();
        state.track.with(|t| {
            let a = t.tokens.partition_point(|k| k.step < c);
            let b = t.tokens.partition_point(|k| k.step <= c);
            match (
                t.tokens.get(a),
                b.checked_sub(1).and_then(|b| t.tokens.get(b)),
            ) {
                (Some(first), Some(last)) if a < b => first.chunk..last.chunk + 1,
                _ => 0..0,
            }
        })
    });
    let skipped = move || {
        state
            .snap
            .with(|s| s.0.output.len().saturating_sub(CONSOLE_MAX))
    };
    // Keyed rows: a step adds or removes a line or two, the rest stay.
    let rows = move || {
        state.snap.with(|s| {
            s.0.output
                .iter()
                .enumerate()
                .skip(skipped())
                .map(|(i, o)| ConsoleRow {
                    index: i,
                    text: o.text.trim_end_matches('\n').to_string(),
                    stderr: o.stderr,
                    line: o.line,
                })
                .collect::<Vec<_>>()
        })
    };
    let row = move |r: ConsoleRow| {
        let (i, line) = (r.index, r.line);
        let link = line_link(state, line);
        let text = match fold_chunk(&r.text) {
            Ok(()) => view! { <span class="console-text">{r.text}</span> }.into_any(),
            Err((head, folded, tail)) => {
                let all = RwSignal::new(false);
                let whole = r.text.clone();
                view! {
                    <span class="console-text">{move || if all.get() {
                        whole.clone().into_any()
                    } else {
                        view! {
                            {head.clone()}"\n"
                            <button class="console-show-all" data-testid="console-show-all"
                                on:click=move |_| all.set(true)>
                                {fill(ui().console_more_lines, &[&crate::player::track::group_thousands(folded as u64)])}
                            </button>"\n"
                            {tail.clone()}
                        }
                        .into_any()
                    }}</span>
                }
                .into_any()
            }
        };
        view! {
            <div class="console-line" class:current=move || current.with(|r| r.contains(&i))
                class:stderr=r.stderr>
                {text}{link}
            </div>
        }
    };
    let more = move || {
        let skip = skipped();
        (skip > 0).then(|| {
            view! { <div class="console-more muted">{fill(ui().console_earlier_lines, &[&skip])}</div> }
        })
    };
    let tail = move || {
        let s = state.snap.get().0;
        let mut out = Vec::new();
        for w in &s.warnings {
            out.push(
                view! {
                    <div class="console-line warning" role="note" data-testid="console-warning"
                        data-line=(w.line > 0).then_some(w.line)>
                        <span class="console-text">{format!("⚠ {}", w.text)}</span>
                        {line_link(state, w.line)}
                    </div>
                }
                .into_any(),
            );
        }
        let mut continue_after_limit = false;
        if let Some(end) = &s.ended {
            let (class, text) = match end {
                RunEnding::Completed => ("console-end", ui().program_finished.to_string()),
                RunEnding::Exited { status } => {
                    ("console-end", fill(ui().program_exited, &[status]))
                }
                RunEnding::Uncaught { last_line } => ("console-end error", last_line.clone()),
                RunEnding::Hang => ("console-end error", ui().program_hangs.into()),
                RunEnding::Limit { which, message } => {
                    out.push(limit_view(state, which, message).into_any());
                    continue_after_limit = true;
                    ("", String::new())
                }
                RunEnding::SyntaxError { message } => {
                    ("console-end error", format!("SyntaxError: {message}"))
                }
            };
            if !continue_after_limit {
                out.push(view! { <div class=class>{text}</div> }.into_any());
            }
        }
        out
    };
    view! {
        <section class="console" aria-label=ui().console>
            <h2>{ui().console}</h2>
            <div class="console-body" data-testid="console" tabindex="0" role="log">
                {more}
                <For each=rows key=ConsoleRow::clone children=row/>
                {tail}
            </div>
        </section>
    }
}

/// The `L12` button of a console line that shows line 12 of the program
/// (nothing for line 0, unknown).
fn line_link(state: PlayerState, line: u32) -> Option<impl IntoView> {
    (line > 0).then(|| {
        view! {
            <button class="line-link" data-testid="line-link"
                aria-label=fill(ui().line_link_label, &[&line])
                on:click=move |_| state.focus_line.set(Some(line))>{format!("L{line}")}</button>
        }
    })
}

/// One line of the console, also its key (the chunk's index and content).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ConsoleRow {
    /// Index of the chunk in the snapshot's output.
    index: usize,
    /// The text, without its final newline.
    text: String,
    /// Written to stderr.
    stderr: bool,
    /// The program line that wrote it (0: unknown).
    line: u32,
}

/// A run stopped by a limit: which one, and a button that runs again with
/// the limits raised tenfold (up to [`engine::MAX_LIMIT_SCALE`]).
fn limit_view(state: PlayerState, which: &str, message: &str) -> impl IntoView {
    let scale = state.limit_scale.get_untracked();
    let next = scale.saturating_mul(10);
    // A library module that could not be downloaded is no limit to raise.
    let library = which == "library";
    let can_raise = next <= engine::MAX_LIMIT_SCALE && which != "internal" && !library;
    let heading = if library {
        ui().stopped_module.to_string()
    } else {
        fill(ui().stopped_by_limit, &[&limit_name(ui(), which)])
    };
    // (The message follows the heading's full stop: a sentence of its
    // own, so it starts with a capital where the language has them.)
    let text = sentence(limit_message(ui(), which, message));
    let which = which.to_string();
    view! {
        <div class="console-end error limit" data-testid="limit-message" data-limit=which.clone()>
            <strong>{heading}</strong>{text}
            {can_raise.then(|| view! {
                <button class="raise-limit" data-testid="raise-limit" on:click=move |_| {
                    state.limit_scale.set(next);
                    state.run_live();
                }>{fill(ui().run_with_higher_limit, &[&next])}</button>
            })}
        </div>
    }
}

/// `text` with its first letter a capital.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chunks_fold_to_their_head_and_tail() {
        let short: String = (0..COLLAPSE_LINES).map(|i| format!("line {i}\n")).collect();
        assert_eq!(fold_chunk(short.trim_end()), Ok(()));
        let long: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let (head, folded, tail) = fold_chunk(long.trim_end()).unwrap_err();
        assert_eq!(head.lines().count(), HEAD_LINES);
        assert_eq!(head.lines().last(), Some("line 9"));
        assert_eq!(folded, 1000 - HEAD_LINES - TAIL_LINES);
        assert_eq!(tail.lines().count(), TAIL_LINES);
        assert_eq!(tail.lines().next(), Some("line 970"));
        assert_eq!(tail.lines().last(), Some("line 999"));
    }

    #[test]
    fn a_limit_message_after_the_heading_is_a_sentence() {
        assert_eq!(sentence("the tasks ran 5".into()), "The tasks ran 5");
        assert_eq!(sentence("虛擬時鐘".into()), "虛擬時鐘");
        assert_eq!(sentence(String::new()), "");
    }
}
