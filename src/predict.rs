//! The predict-then-run exercise: the learner puts the output lines of a
//! lesson's snippet in the order they think the program prints them, then
//! the engine runs the snippet and the two orders are compared. Also the
//! lesson progress (which lessons were completed), kept in `localStorage`.

use crate::content::PredictData;
use leptos::prelude::*;
use looplab_engine::run::RunOutcome;

/// The `localStorage` key holding the completed lesson ids, comma-separated.
pub const DONE_KEY: &str = "looplab.done";

/// The lines a run printed on stdout, in order (trailing newline of each
/// line removed, nothing else).
pub fn output_lines(outcome: &RunOutcome) -> Vec<String> {
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

/// Moves the line at `from` to position `to` (the others keep their order),
/// as dropping a dragged line or placing a picked one does. Out-of-range
/// positions change nothing.
pub fn move_line(order: &mut Vec<String>, from: usize, to: usize) {
    if from < order.len() && to < order.len() && from != to {
        let line = order.remove(from);
        order.insert(to, line);
    }
}

/// Where a line dragged to height `y` lands, given each row's `(top,
/// bottom)` on screen in list order: the row under `y`, the first row when
/// above the list, the last when below it, the nearest in a gap.
pub fn drop_index(y: f64, rows: &[(f64, f64)]) -> usize {
    let mut best = 0;
    for (k, &(top, bottom)) in rows.iter().enumerate() {
        if y >= top {
            best = k;
        }
        if y < bottom {
            break;
        }
    }
    best
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

/// A line being dragged with a mouse, pen or finger.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    /// The position of the dragged line when the drag began.
    from: usize,
    /// The pointer's height when the drag began, to tell a drag from a tap.
    start_y: f64,
    /// How far the pointer has moved since (the dragged row follows it).
    dy: f64,
    /// Where the line lands if dropped now.
    over: usize,
    /// Whether the pointer moved far enough to be a drag, not a tap (a tap
    /// is left to the click: pick up, put down).
    moved: bool,
}

/// Pointer travel, in CSS pixels, that turns a press into a drag.
const DRAG_THRESHOLD_PX: f64 = 6.0;

/// Each exercise row's `(top, bottom)` on screen, in list order.
fn row_bounds(n: usize) -> Vec<(f64, f64)> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    (0..n)
        .filter_map(|k| doc.get_element_by_id(&format!("predict-row-{k}")))
        .map(|el| {
            let r = el.get_bounding_client_rect();
            (r.top(), r.bottom())
        })
        .collect()
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
    // The real output, computed by the engine after the page has painted,
    // in slices (the page stays responsive, whatever the snippet).
    let real: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    let order: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let checked: RwSignal<Option<Checked>> = RwSignal::new(None);
    let done = RwSignal::new(is_done(lesson_id));
    wasm_bindgen_futures::spawn_local(async move {
        // Until the exercise is gone (another page).
        let alive = move || real.try_with_untracked(|_| ()).is_some();
        let Some(outcome) = crate::player::engine::run_sliced(source, 1, alive).await else {
            return;
        };
        let lines = output_lines(&outcome);
        order.try_set(shuffled(&lines));
        real.try_set(Some(lines));
    });

    // The line picked up by a tap, click or Enter, waiting to be put down.
    let picked: RwSignal<Option<usize>> = RwSignal::new(None);
    let drag: RwSignal<Option<Drag>> = RwSignal::new(None);
    // Set when a drag ends, so the click that follows it is not a tap.
    let drag_ended = StoredValue::new(false);
    // What a screen reader announces after a pick or a move.
    let status = RwSignal::new(String::new());

    let text_at = move |i: usize| order.with_untracked(|o| o.get(i).cloned().unwrap_or_default());
    // Moves a line (drag, tap-to-place or the arrow buttons), says so, and
    // puts the keyboard focus on the element with id `focus` once the list
    // is drawn anew.
    let place = move |from: usize, to: usize, focus: String| {
        let n = order.with_untracked(Vec::len);
        if from >= n || to >= n {
            return;
        }
        let text = text_at(from);
        order.update(|o| move_line(o, from, to));
        picked.set(None);
        status.set(format!("“{text}” is now line {} of {n}.", to + 1));
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            focus_id(&focus);
        });
    };
    let move_by_one = move |i: usize, up: bool| {
        let n = order.with_untracked(Vec::len);
        let Some(j) = (if up { i.checked_sub(1) } else { Some(i + 1) }).filter(|&j| j < n) else {
            return;
        };
        // Keep the focus on the moved line (on its other button once it
        // reaches an end).
        let at_end = if up { j == 0 } else { j + 1 == n };
        let dir = if up != at_end { "up" } else { "down" };
        place(i, j, format!("predict-{dir}-{j}"));
    };
    // A tap, click, Enter or Space on a line: pick it up, or put the picked
    // line there, or (on the picked line itself) leave it where it is.
    let tap = move |i: usize| {
        if drag_ended.get_value() {
            drag_ended.set_value(false);
            return;
        }
        match picked.get_untracked() {
            None => {
                picked.set(Some(i));
                let n = order.with_untracked(Vec::len);
                status.set(format!(
                    "Picked up “{}”, line {} of {n}. Choose the line where it goes, or press it again to leave it.",
                    text_at(i),
                    i + 1
                ));
            }
            Some(p) if p == i => {
                picked.set(None);
                status.set(format!("“{}” left at line {}.", text_at(i), i + 1));
            }
            Some(p) => place(p, i, format!("predict-pick-{i}")),
        }
    };
    let drag_start = move |i: usize, ev: leptos::ev::PointerEvent| {
        if !ev.is_primary() || ev.button() != 0 {
            return;
        }
        use wasm_bindgen::JsCast;
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        drag_ended.set_value(false);
        drag.set(Some(Drag {
            from: i,
            start_y: f64::from(ev.client_y()),
            dy: 0.0,
            over: i,
            moved: false,
        }));
    };
    let drag_move = move |ev: leptos::ev::PointerEvent| {
        let Some(mut d) = drag.get_untracked() else {
            return;
        };
        let y = f64::from(ev.client_y());
        // The dragged row is drawn shifted by the last move: where it sits
        // in the list is its place without that shift.
        let shown_dy = if d.moved { d.dy } else { 0.0 };
        d.dy = y - d.start_y;
        if !d.moved && d.dy.abs() < DRAG_THRESHOLD_PX {
            return;
        }
        if !d.moved {
            picked.set(None);
        }
        d.moved = true;
        let mut rows = row_bounds(order.with_untracked(Vec::len));
        if let Some(r) = rows.get_mut(d.from) {
            *r = (r.0 - shown_dy, r.1 - shown_dy);
        }
        d.over = drop_index(y, &rows);
        drag.set(Some(d));
    };
    let drag_end = move |_| {
        let Some(d) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        if d.moved {
            drag_ended.set_value(true);
            place(d.from, d.over, format!("predict-pick-{}", d.over));
        }
    };
    let drag_cancel = move |_| drag.set(None);
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(p) = picked.get_untracked() {
                picked.set(None);
                status.set(format!("“{}” left at line {}.", text_at(p), p + 1));
            }
        }
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
        picked.set(None);
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

    // The rows are drawn anew only when the order changes; picking and
    // dragging only touch classes and a transform, so the pointer capture
    // of a dragged row holds.
    let lines = move || {
        let o = order.get();
        let n = o.len();
        let frozen = checked.with(Option::is_some);
        o.into_iter()
            .enumerate()
            .map(|(i, text)| {
                let up_label = format!("Move “{text}” up");
                let down_label = format!("Move “{text}” down");
                let pick_text = text.clone();
                // The visible text first (speech input users say what they
                // see), then what pressing does.
                let pick_label = move || match picked.get() {
                    Some(p) if p != i => {
                        format!("{pick_text} (line {}): put “{}” here", i + 1, text_at(p))
                    }
                    Some(_) => format!("{pick_text} (line {}): picked up", i + 1),
                    None => format!("{pick_text} (line {}): pick up to move it", i + 1),
                };
                let dragging = move || drag.with(|d| d.is_some_and(|d| d.moved && d.from == i));
                let target = move || drag.with(|d| d.is_some_and(|d| d.moved && d.over == i && d.from != i));
                view! {
                    <li class="predict-line" data-testid="predict-line" data-text=text.clone()
                        id=format!("predict-row-{i}")
                        class:picked=move || picked.get() == Some(i)
                        class:dragging=dragging
                        class:drop-above=move || target() && drag.with(|d| d.is_some_and(|d| d.from > i))
                        class:drop-below=move || target() && drag.with(|d| d.is_some_and(|d| d.from < i))
                        style:transform=move || drag.with(|d| match d {
                            Some(d) if d.moved && d.from == i => format!("translateY({}px)", d.dy),
                            _ => String::new(),
                        })>
                        <button class="predict-pick" data-testid="predict-pick" id=format!("predict-pick-{i}")
                            aria-label=pick_label
                            aria-pressed=move || (picked.get() == Some(i)).to_string()
                            disabled=frozen
                            on:click=move |_| tap(i)
                            on:pointerdown=move |ev| drag_start(i, ev)
                            on:pointermove=drag_move
                            on:pointerup=drag_end
                            on:pointercancel=drag_cancel>
                            <span class="predict-grip" aria-hidden="true">"⠿"</span>
                            <code>{text.clone()}</code>
                        </button>
                        <span class="predict-moves">
                            <button data-testid="predict-up" id=format!("predict-up-{i}") aria-label=up_label
                                disabled=frozen || i == 0
                                on:click=move |_| move_by_one(i, true)>"↑"</button>
                            <button data-testid="predict-down" id=format!("predict-down-{i}") aria-label=down_label
                                disabled=frozen || i + 1 == n
                                on:click=move |_| move_by_one(i, false)>"↓"</button>
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
                    <p class="predict-how" id="predict-how">"Drag a line to its place, or tap it and then tap where it goes; the ↑ ↓ buttons move it by one."</p>
                    <ol class="predict-lines" aria-label="Output lines, in your order" aria-describedby="predict-how"
                        on:keydown=escape>{lines}</ol>
                    <p class="visually-hidden" data-testid="predict-status" role="status" aria-live="polite">{move || status.get()}</p>
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
    fn moving_and_dropping_lines() {
        let mut o = v(&["a", "b", "c", "d"]);
        move_line(&mut o, 0, 2);
        assert_eq!(o, v(&["b", "c", "a", "d"]));
        move_line(&mut o, 3, 0);
        assert_eq!(o, v(&["d", "b", "c", "a"]));
        move_line(&mut o, 1, 9);
        move_line(&mut o, 2, 2);
        assert_eq!(
            o,
            v(&["d", "b", "c", "a"]),
            "out of range or in place: unchanged"
        );
        let rows = [(100.0, 130.0), (134.0, 164.0), (168.0, 198.0)];
        assert_eq!(drop_index(10.0, &rows), 0, "above the list");
        assert_eq!(drop_index(120.0, &rows), 0);
        assert_eq!(drop_index(132.0, &rows), 0, "a gap: the row above");
        assert_eq!(drop_index(150.0, &rows), 1);
        assert_eq!(drop_index(197.0, &rows), 2);
        assert_eq!(drop_index(900.0, &rows), 2, "below the list");
        assert_eq!(drop_index(5.0, &[]), 0);
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
