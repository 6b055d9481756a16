//! The [`Predict`] component: the learner orders the output lines (drag,
//! tap-to-place, or the arrow buttons), then checks the order against the
//! engine's run of the snippet.

use super::lines::{drop_index, first_difference, move_line, output_lines, shuffled};
use super::progress::{is_exercise_done, mark_exercise_done};
use crate::content::{LessonData, PredictData};
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the element with this id, if there is one.
fn focus_id(id: &str) {
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
fn row_bounds(ex: Exercise, n: usize) -> Vec<(f64, f64)> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    (0..n)
        .filter_map(|k| doc.get_element_by_id(&ex.id("row", k)))
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

/// The exercise's state: a `Copy` bundle of signals.
#[derive(Clone, Copy)]
struct Exercise {
    /// The lesson, to record its completion.
    lesson: &'static LessonData,
    /// The snippet whose output is predicted: names this exercise (a lesson
    /// may have several) in storage and in element ids.
    snippet: &'static str,
    /// The real output, once the engine has run the snippet.
    real: RwSignal<Option<Vec<String>>>,
    /// The learner's order.
    order: RwSignal<Vec<String>>,
    /// What "Check" found, once pressed.
    checked: RwSignal<Option<Checked>>,
    /// This exercise is done.
    done: RwSignal<bool>,
    /// Every exercise of the lesson is done.
    lesson_done: RwSignal<bool>,
    /// The line picked up by a tap, click or Enter, waiting to be put down.
    picked: RwSignal<Option<usize>>,
    /// The line being dragged.
    drag: RwSignal<Option<Drag>>,
    /// Set when a drag ends, so the click that follows it is not a tap.
    drag_ended: StoredValue<bool>,
    /// What a screen reader announces after a pick or a move.
    status: RwSignal<String>,
}

impl Exercise {
    fn new(lesson: &'static LessonData, snippet: &'static str) -> Exercise {
        let all_done = lesson
            .predicts
            .iter()
            .all(|p| is_exercise_done(lesson.id, p.snippet));
        Exercise {
            lesson,
            snippet,
            real: RwSignal::new(None),
            order: RwSignal::new(Vec::new()),
            checked: RwSignal::new(None),
            done: RwSignal::new(is_exercise_done(lesson.id, snippet)),
            lesson_done: RwSignal::new(all_done),
            picked: RwSignal::new(None),
            drag: RwSignal::new(None),
            drag_ended: StoredValue::new(false),
            status: RwSignal::new(String::new()),
        }
    }

    /// The id of this exercise's element `what` number `i` (several
    /// exercises can share a page).
    fn id(self, what: &str, i: usize) -> String {
        format!("predict-{}-{what}-{i}", self.snippet)
    }

    fn text_at(self, i: usize) -> String {
        self.order
            .with_untracked(|o| o.get(i).cloned().unwrap_or_default())
    }

    /// Moves a line (drag, tap-to-place or the arrow buttons), says so, and
    /// puts the keyboard focus on the element with id `focus` once the list
    /// is drawn anew.
    fn place(self, from: usize, to: usize, focus: String) {
        let n = self.order.with_untracked(Vec::len);
        if from >= n || to >= n {
            return;
        }
        let text = self.text_at(from);
        self.order.update(|o| move_line(o, from, to));
        self.picked.set(None);
        self.status
            .set(fill(ui().predict_now_line, &[&text, &(to + 1), &n]));
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            focus_id(&focus);
        });
    }

    fn move_by_one(self, i: usize, up: bool) {
        let n = self.order.with_untracked(Vec::len);
        let Some(j) = (if up { i.checked_sub(1) } else { Some(i + 1) }).filter(|&j| j < n) else {
            return;
        };
        // Keep the focus on the moved line (on its other button once it
        // reaches an end).
        let at_end = if up { j == 0 } else { j + 1 == n };
        let dir = if up != at_end { "up" } else { "down" };
        self.place(i, j, self.id(dir, j));
    }

    /// A tap, click, Enter or Space on a line: pick it up, or put the
    /// picked line there, or (on the picked line itself) leave it where it
    /// is.
    fn tap(self, i: usize) {
        if self.drag_ended.get_value() {
            self.drag_ended.set_value(false);
            return;
        }
        match self.picked.get_untracked() {
            None => {
                self.picked.set(Some(i));
                let n = self.order.with_untracked(Vec::len);
                self.status.set(fill(
                    ui().predict_picked_up,
                    &[&self.text_at(i), &(i + 1), &n],
                ));
            }
            Some(p) if p == i => {
                self.picked.set(None);
                self.status
                    .set(fill(ui().predict_left_at, &[&self.text_at(i), &(i + 1)]));
            }
            Some(p) => self.place(p, i, self.id("pick", i)),
        }
    }

    fn drag_start(self, i: usize, ev: leptos::ev::PointerEvent) {
        if !ev.is_primary() || ev.button() != 0 {
            return;
        }
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        self.drag_ended.set_value(false);
        self.drag.set(Some(Drag {
            from: i,
            start_y: f64::from(ev.client_y()),
            dy: 0.0,
            over: i,
            moved: false,
        }));
    }

    fn drag_move(self, ev: leptos::ev::PointerEvent) {
        let Some(mut d) = self.drag.get_untracked() else {
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
            self.picked.set(None);
        }
        d.moved = true;
        let mut rows = row_bounds(self, self.order.with_untracked(Vec::len));
        if let Some(r) = rows.get_mut(d.from) {
            *r = (r.0 - shown_dy, r.1 - shown_dy);
        }
        d.over = drop_index(y, &rows);
        self.drag.set(Some(d));
    }

    fn drag_end(self) {
        let Some(d) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        if d.moved {
            self.drag_ended.set_value(true);
            self.place(d.from, d.over, self.id("pick", d.over));
        }
    }

    fn escape(self, ev: leptos::ev::KeyboardEvent) {
        if ev.key() == "Escape" {
            if let Some(p) = self.picked.get_untracked() {
                self.picked.set(None);
                self.status
                    .set(fill(ui().predict_left_at, &[&self.text_at(p), &(p + 1)]));
            }
        }
    }

    fn check(self) {
        let Some(real_lines) = self.real.get_untracked() else {
            return;
        };
        let guess = self.order.get_untracked();
        let first_diff = first_difference(&guess, &real_lines);
        if first_diff.is_none() {
            self.mark();
        }
        self.picked.set(None);
        self.checked.set(Some(Checked { guess, first_diff }));
    }

    fn try_again(self) {
        if let Some(r) = self.real.get_untracked() {
            self.order.set(shuffled(&r));
        }
        self.checked.set(None);
    }

    fn mark(self) {
        let all: Vec<&str> = self.lesson.predicts.iter().map(|p| p.snippet).collect();
        let lesson_done = mark_exercise_done(self.lesson.id, self.snippet, &all);
        self.done.set(true);
        self.lesson_done
            .set(lesson_done || self.lesson_done.get_untracked());
    }
}

/// The exercise for one of a lesson's predict blocks.
#[component]
pub fn Predict(
    /// The lesson, to record the exercise's and the lesson's completion.
    lesson: &'static LessonData,
    /// The predict block, one of `lesson.predicts`.
    data: &'static PredictData,
    /// The source of the snippet the block names.
    source: &'static str,
    /// The snippet runs with the CPU model (its info string says `cpu`):
    /// the real order is the model's.
    #[prop(optional)]
    cpu_model: bool,
) -> impl IntoView {
    let ex = Exercise::new(lesson, data.snippet);
    let heading = format!("predict-heading-{}", data.snippet);
    let labelled_by = heading.clone();
    let how = format!("predict-how-{}", data.snippet);
    // The real output, computed by the engine after the page has painted,
    // in slices (the page stays responsive, whatever the snippet).
    let cpu = if cpu_model {
        crate::player::CpuChoice::model()
    } else {
        crate::player::CpuChoice::default()
    };
    wasm_bindgen_futures::spawn_local(async move {
        // Until the exercise is gone (another page).
        let alive = move || ex.real.try_with_untracked(|_| ()).is_some();
        let Some(outcome) = crate::player::engine::run_sliced(source, 1, cpu, alive).await else {
            return;
        };
        let lines = output_lines(&outcome);
        ex.order.try_set(shuffled(&lines));
        ex.real.try_set(Some(lines));
    });
    view! {
        <aside class="predict" data-testid="predict" data-snippet=data.snippet aria-labelledby=labelled_by>
            <h2 id=heading>{ui().predict_heading}</h2>
            <p>{data.prompt}</p>
            {move || match ex.real.get() {
                None => view! { <p class="predict-wait">{ui().predict_preparing}</p> }.into_any(),
                Some(_) => view! {
                    <p class="predict-how" id=how.clone()>{ui().predict_how}</p>
                    <ol class="predict-lines" aria-label=ui().predict_lines_label aria-describedby=how.clone()
                        on:keydown=move |ev| ex.escape(ev)>{move || line_rows(ex)}</ol>
                    <p class="visually-hidden" data-testid="predict-status" role="status" aria-live="polite">{move || ex.status.get()}</p>
                    <p class="predict-actions">
                        <button data-testid="predict-check" class="primary"
                            disabled=move || ex.checked.with(Option::is_some)
                            on:click=move |_| ex.check()>{ui().predict_check}</button>
                    </p>
                }.into_any(),
            }}
            {move || result_view(ex, data)}
            <p class="predict-done">
                {move || if ex.lesson_done.get() {
                    view! { <span data-testid="predict-completed">"✓ "{ui().lesson_completed}</span> }.into_any()
                } else if ex.done.get() {
                    view! { <span data-testid="predict-completed">"✓ "{ui().exercise_completed}</span> }.into_any()
                } else {
                    view! { <button data-testid="mark-done" on:click=move |_| ex.mark()>{ui().mark_done}</button> }.into_any()
                }}
            </p>
        </aside>
    }
}

/// The lines in the learner's order. The rows are drawn anew only when the
/// order changes; picking and dragging only touch classes and a transform,
/// so the pointer capture of a dragged row holds.
fn line_rows(ex: Exercise) -> impl IntoView {
    let o = ex.order.get();
    let n = o.len();
    let frozen = ex.checked.with(Option::is_some);
    o.into_iter()
            .enumerate()
            .map(|(i, text)| {
                let up_label = fill(ui().predict_move_up, &[&text]);
                let down_label = fill(ui().predict_move_down, &[&text]);
                let pick_text = text.clone();
                // The visible text first (speech input users say what they
                // see), then what pressing does.
                let pick_label = move || match ex.picked.get() {
                    Some(p) if p != i => {
                        fill(ui().predict_put_here, &[&pick_text, &(i + 1), &ex.text_at(p)])
                    }
                    Some(_) => fill(ui().predict_picked, &[&pick_text, &(i + 1)]),
                    None => fill(ui().predict_pick_up, &[&pick_text, &(i + 1)]),
                };
                let dragging = move || ex.drag.with(|d| d.is_some_and(|d| d.moved && d.from == i));
                let target = move || ex.drag.with(|d| d.is_some_and(|d| d.moved && d.over == i && d.from != i));
                view! {
                    <li class="predict-line" data-testid="predict-line" data-text=text.clone()
                        id=ex.id("row", i)
                        class:picked=move || ex.picked.get() == Some(i)
                        class:dragging=dragging
                        class:drop-above=move || target() && ex.drag.with(|d| d.is_some_and(|d| d.from > i))
                        class:drop-below=move || target() && ex.drag.with(|d| d.is_some_and(|d| d.from < i))
                        style:transform=move || ex.drag.with(|d| match d {
                            Some(d) if d.moved && d.from == i => format!("translateY({}px)", d.dy),
                            _ => String::new(),
                        })>
                        <button class="predict-pick" data-testid="predict-pick" id=ex.id("pick", i)
                            aria-label=pick_label
                            aria-pressed=move || (ex.picked.get() == Some(i)).to_string()
                            disabled=frozen
                            on:click=move |_| ex.tap(i)
                            on:pointerdown=move |ev| ex.drag_start(i, ev)
                            on:pointermove=move |ev| ex.drag_move(ev)
                            on:pointerup=move |_| ex.drag_end()
                            on:pointercancel=move |_| ex.drag.set(None)>
                            <span class="predict-grip" aria-hidden="true">"⠿"</span>
                            <code>{text.clone()}</code>
                        </button>
                        <span class="predict-moves">
                            <button data-testid="predict-up" id=ex.id("up", i) aria-label=up_label
                                disabled=frozen || i == 0
                                on:click=move |_| ex.move_by_one(i, true)>"↑"</button>
                            <button data-testid="predict-down" id=ex.id("down", i) aria-label=down_label
                                disabled=frozen || i + 1 == n
                                on:click=move |_| ex.move_by_one(i, false)>"↓"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
}

/// What "Check" found: right, or both orders side by side.
fn result_view(ex: Exercise, data: &'static PredictData) -> Option<AnyView> {
    let c = ex.checked.get()?;
    let real_lines = ex.real.get()?;
    let view = match c.first_diff {
            None => view! {
                <div class="predict-result right" data-testid="predict-result" data-correct="true" role="status">
                    <p><strong>{ui().predict_right}</strong>{ui().predict_right_more}</p>
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
                                    {differs.then(|| view! { <span class="differs-mark">" ← "{ui().first_difference}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                };
                view! {
                    <div class="predict-result wrong" data-testid="predict-result" data-correct="false" role="status">
                        <p><strong>{ui().predict_not_quite}</strong>{fill(ui().predict_first_differs, &[&(d + 1)])}</p>
                        <div class="predict-compare">
                            <div>
                                <h3>{ui().your_order}</h3>
                                <ol>{list(c.guess)}</ol>
                            </div>
                            <div>
                                <h3>{ui().real_order}</h3>
                                <ol>{list(real_lines)}</ol>
                            </div>
                        </div>
                        <p class="predict-explain" data-testid="predict-explain">{data.explain}</p>
                        <button data-testid="predict-retry" on:click=move |_| ex.try_again()>{ui().try_again}</button>
                    </div>
                }
                .into_any()
            }
        };
    Some(view)
}
