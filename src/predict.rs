//! The predict-then-run exercise: the learner puts the output lines of a
//! lesson's snippet in the order they think the program prints them, then
//! the engine runs the snippet and the two orders are compared. Also the
//! lesson progress (which lessons were completed), kept in `localStorage`.

use crate::content::PredictData;
use leptos::prelude::*;
use looplab_engine::run::{self, Limits};

/// The `localStorage` key holding the completed lesson ids, comma-separated.
pub const DONE_KEY: &str = "looplab.done";

/// The lines a program prints on stdout, in order (trailing newline of
/// each line removed, nothing else).
pub fn output_lines(source: &str) -> Vec<String> {
    let outcome = run::run_program(source, crate::player::engine::FILENAME, &Limits::default());
    let text: String = outcome
        .output
        .iter()
        .filter(|c| !c.stderr)
        .map(|c| c.text.as_str())
        .collect();
    split_lines(&text)
}

/// Splits printed text into lines; a final newline does not make an empty
/// last line.
pub fn split_lines(text: &str) -> Vec<String> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n').map(str::to_string).collect()
}

/// A deterministic shuffle that is never the real order unless no other
/// order exists (all lines equal, or fewer than two): alternately the last
/// and the first remaining line; failing that, a rotation by one.
pub fn shuffled(real: &[String]) -> Vec<String> {
    let n = real.len();
    let mut order = Vec::with_capacity(n);
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        hi -= 1;
        order.push(real[hi].clone());
        if lo < hi {
            order.push(real[lo].clone());
            lo += 1;
        }
    }
    if order == real {
        order.rotate_left(1.min(n));
    }
    order
}

/// Index of the first line where the guess and the real order differ.
pub fn first_difference(guess: &[String], real: &[String]) -> Option<usize> {
    (0..guess.len().max(real.len())).find(|&i| guess.get(i) != real.get(i))
}

/// Parses the stored list of completed lessons.
pub fn parse_done(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The completed lesson ids (empty when storage is blocked).
pub fn done_ids() -> Vec<String> {
    crate::browser::storage_get(DONE_KEY)
        .map(|s| parse_done(&s))
        .unwrap_or_default()
}

/// Whether the lesson was completed.
pub fn is_done(id: &str) -> bool {
    done_ids().iter().any(|d| d == id)
}

/// Remembers that the lesson was completed (nothing when storage is blocked).
pub fn mark_done(id: &str) {
    let mut ids = done_ids();
    if !ids.iter().any(|d| d == id) {
        ids.push(id.to_string());
        crate::browser::storage_set(DONE_KEY, &ids.join(","));
    }
}

/// Moves the keyboard focus to the element with this id, if there is one.
fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// What pressing "Check" found.
#[derive(Clone, Debug, PartialEq)]
struct Checked {
    /// The learner's order as it was when checked.
    guess: Vec<String>,
    /// Where the guess first differs from the real order; `None` if right.
    first_diff: Option<usize>,
}

/// The exercise for one lesson's predict block.
#[component]
pub fn Predict(
    /// The lesson, to record its completion.
    lesson_id: &'static str,
    /// The lesson's predict block.
    data: &'static PredictData,
    /// The source of the snippet the block names.
    source: &'static str,
) -> impl IntoView {
    // The real output, computed by the engine once the page has painted.
    let real: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    let order: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let checked: RwSignal<Option<Checked>> = RwSignal::new(None);
    let done = RwSignal::new(is_done(lesson_id));
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        let lines = output_lines(source);
        order.try_set(shuffled(&lines));
        real.try_set(Some(lines));
    });

    let move_line = move |i: usize, up: bool| {
        let n = order.with_untracked(Vec::len);
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        let Some(j) = j.filter(|&j| j < n) else {
            return;
        };
        order.update(|o| o.swap(i, j));
        // The list is drawn anew: keep the keyboard focus on the moved line
        // (on its other button once it reaches an end).
        let at_end = if up { j == 0 } else { j + 1 == n };
        let dir = if up != at_end { "up" } else { "down" };
        let id = format!("predict-{dir}-{j}");
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            focus_id(&id);
        });
    };
    let check = move |_| {
        let Some(real_lines) = real.get_untracked() else {
            return;
        };
        let guess = order.get_untracked();
        let first_diff = first_difference(&guess, &real_lines);
        if first_diff.is_none() {
            mark_done(lesson_id);
            done.set(true);
        }
        checked.set(Some(Checked { guess, first_diff }));
    };
    let try_again = move |_| {
        if let Some(r) = real.get_untracked() {
            order.set(shuffled(&r));
        }
        checked.set(None);
    };
    let mark = move |_| {
        mark_done(lesson_id);
        done.set(true);
    };

    let lines = move || {
        let o = order.get();
        let n = o.len();
        let frozen = checked.with(Option::is_some);
        o.into_iter()
            .enumerate()
            .map(|(i, text)| {
                let up_label = format!("Move “{text}” up");
                let down_label = format!("Move “{text}” down");
                view! {
                    <li class="predict-line" data-testid="predict-line" data-text=text.clone()>
                        <code>{text.clone()}</code>
                        <span class="predict-moves">
                            <button data-testid="predict-up" id=format!("predict-up-{i}") aria-label=up_label
                                disabled=frozen || i == 0
                                on:click=move |_| move_line(i, true)>"↑"</button>
                            <button data-testid="predict-down" id=format!("predict-down-{i}") aria-label=down_label
                                disabled=frozen || i + 1 == n
                                on:click=move |_| move_line(i, false)>"↓"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    let result = move || {
        let c = checked.get()?;
        let real_lines = real.get()?;
        let view = match c.first_diff {
            None => view! {
                <div class="predict-result right" data-testid="predict-result" data-correct="true" role="status">
                    <p><strong>"Right!"</strong>" That is exactly the order the program prints."</p>
                </div>
            }
            .into_any(),
            Some(d) => {
                let list = |lines: Vec<String>| {
                    lines
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            let differs = i == d;
                            view! {
                                <li class:differs=differs>
                                    <code>{t}</code>
                                    {differs.then(|| view! { <span class="differs-mark">" ← first difference"</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                };
                view! {
                    <div class="predict-result wrong" data-testid="predict-result" data-correct="false" role="status">
                        <p><strong>"Not quite."</strong>{format!(" Line {} is the first that differs.", d + 1)}</p>
                        <div class="predict-compare">
                            <div>
                                <h3>"Your order"</h3>
                                <ol>{list(c.guess)}</ol>
                            </div>
                            <div>
                                <h3>"Real order"</h3>
                                <ol>{list(real_lines)}</ol>
                            </div>
                        </div>
                        <p class="predict-explain" data-testid="predict-explain">{data.explain}</p>
                        <button data-testid="predict-retry" on:click=try_again>"Try again"</button>
                    </div>
                }
                .into_any()
            }
        };
        Some(view)
    };

    view! {
        <aside class="predict" data-testid="predict" aria-labelledby="predict-heading">
            <h2 id="predict-heading">"Predict, then run"</h2>
            <p>{data.prompt}</p>
            {move || match real.get() {
                None => view! { <p class="predict-wait">"Preparing the exercise…"</p> }.into_any(),
                Some(_) => view! {
                    <ol class="predict-lines" aria-label="Output lines, in your order">{lines}</ol>
                    <p class="predict-actions">
                        <button data-testid="predict-check" class="primary"
                            disabled=move || checked.with(Option::is_some)
                            on:click=check>"Check"</button>
                    </p>
                }.into_any(),
            }}
            {result}
            <p class="predict-done">
                {move || if done.get() {
                    view! { <span data-testid="predict-completed">"✓ Lesson completed"</span> }.into_any()
                } else {
                    view! { <button data-testid="mark-done" on:click=mark>"Mark as done"</button> }.into_any()
                }}
            </p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn shuffle_is_never_the_real_order() {
        for real in [
            v(&["a", "b"]),
            v(&["a", "b", "c"]),
            v(&["a", "a", "b"]),
            v(&["a", "b", "a", "b"]),
            v(&["x", "y", "x"]),
            v(&["1", "2", "3", "4", "5", "6", "7"]),
        ] {
            let s = shuffled(&real);
            assert_ne!(s, real, "{real:?}");
            let (mut a, mut b) = (s.clone(), real.clone());
            a.sort();
            b.sort();
            assert_eq!(a, b, "same lines");
        }
        assert_eq!(shuffled(&v(&["a", "a"])), v(&["a", "a"]));
        assert!(shuffled(&[]).is_empty());
    }

    #[test]
    fn lines_and_differences() {
        assert_eq!(split_lines("a\n b \n\nc\n"), v(&["a", " b ", "", "c"]));
        assert!(split_lines("").is_empty());
        assert_eq!(first_difference(&v(&["a", "b"]), &v(&["a", "b"])), None);
        assert_eq!(first_difference(&v(&["a", "c"]), &v(&["a", "b"])), Some(1));
        assert_eq!(parse_done("sleep, ,gather,"), v(&["sleep", "gather"]));
    }
}
