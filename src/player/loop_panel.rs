//! The event-loop panel: the running task, the ready queue (front first),
//! the waiting tasks and what for, timers, worker threads, finished tasks
//! and the clock, all read from the current step's snapshot.

use super::player_state::PlayerState;
use super::track::{GilHolder, LaneOwner};
use crate::i18n::narration::{task_status, waiting};
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use looplab_engine::snapshot::{Snapshot, StepKind, TaskState};
use looplab_engine::trace::{format_secs, Action, TaskId};

/// What a ready handle will do: the task it steps (if any), the notation
/// of `tools/cpython_steps.py` ("step Task-2", "wakeup Task-2", "call
/// on_done", "cancelled"), and the text shown.
fn describe_action(s: &Snapshot, action: &Action, cancelled: bool) -> (String, String, String) {
    let name = |t: &TaskId| s.tasks.get(t).map(|v| v.name.clone()).unwrap_or_default();
    let u = ui();
    let (task, what, extra) = match action {
        Action::TaskStep { task, throw } => (
            name(task),
            format!("step {}", name(task)),
            throw.as_ref().map(|e| fill(u.throws_into_it, &[e])),
        ),
        Action::TaskWakeup { task, fut } => (
            name(task),
            format!("wakeup {}", name(task)),
            Some(match s.tasks.get(fut) {
                Some(t) => fill(u.task_is_done, &[&t.name]),
                None => fill(u.future_is_done, &[fut]),
            }),
        ),
        Action::Callback { func, .. } => (String::new(), format!("call {func}"), None),
        Action::JobDone { job, .. } => (
            String::new(),
            "call _chain_future".into(),
            Some(fill(u.worker_job_done, &[job])),
        ),
        Action::StopLoop { .. } => (
            String::new(),
            "call _run_until_complete_cb".into(),
            Some(u.stops_the_loop.into()),
        ),
    };
    if cancelled {
        return (
            task,
            "cancelled".into(),
            fill(u.cancelled_skipped, &[&what]),
        );
    }
    let text = format!("{what}{}", extra.unwrap_or_default());
    (task, what, text)
}

/// A plain-language label for a ready handle of asyncio's own (shown
/// before CPython's name for it), if it is one.
fn plain_label(s: &Snapshot, action: &Action) -> Option<String> {
    let name = |t: &TaskId| s.tasks.get(t).map(|v| v.name.clone()).unwrap_or_default();
    let u = ui();
    Some(match action {
        Action::TaskStep { task, .. } => fill(u.plain_run_until_await, &[&name(task)]),
        Action::TaskWakeup { task, .. } => fill(u.plain_resume, &[&name(task)]),
        Action::JobDone { .. } => u.plain_job_done.into(),
        Action::StopLoop { .. } => u.plain_stop_loop.into(),
        Action::Callback { func, .. } => match func.as_str() {
            "_set_result_unless_cancelled" => u.plain_sleep_over.into(),
            "_done_callback" => u.plain_gather_child.into(),
            "_inner_done_callback" | "_outer_done_callback" => u.plain_shield.into(),
            "_release_waiter" => u.plain_timeout_stop_waiting.into(),
            "_on_completion" => u.plain_count_completed.into(),
            "_on_timeout" => u.plain_timeout_cancel.into(),
            "_on_task_done" => u.plain_task_group.into(),
            "_call_set_state" | "_chain_future" => u.plain_pass_result.into(),
            "_wakeup" => u.plain_wake_task.into(),
            _ => return None,
        },
    })
}

/// One row of a list in the loop panel, which is also its key: a row whose
/// text changes is a new row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Row {
    /// The handle, task or thread the row is about (rows with the same
    /// text stay apart).
    key: u64,
    /// The task's name (`data-task`), if the row is about a task.
    task: String,
    /// The `tools/cpython_steps.py` notation (`data-what`) of a ready handle.
    what: String,
    /// The text shown.
    text: String,
    /// A plain-language label shown before the text, if any.
    plain: String,
    /// Palette index of the task's lane.
    colour: usize,
    /// A finished task failed.
    flag: bool,
}

/// At most this many rows of a list are drawn; the rest are counted in a
/// "+N more" row. (A run can have 100,000 tasks waiting and as many
/// timers: drawing every one made each frame of a live run slower than
/// the last. With 200 rows a list, the panels' style and layout alone kept
/// each showing of such a run over 50 ms, and with 50 the first showing,
/// which draws every list at once: issue #21. More than 30 rows of a list
/// is more than a learner reads.)
const LIST_ROWS: usize = 30;

/// A list's rows as drawn, and how many more there are.
type Shown = (Vec<Row>, usize);

fn shown<T>(cap: usize, mut items: impl Iterator<Item = T>, row: impl FnMut(T) -> Row) -> Shown {
    let rows = items.by_ref().take(LIST_ROWS.min(cap)).map(row).collect();
    (rows, items.count())
}

/// [`shown`] for a list whose length is known (`total`): the items past
/// the rows are not walked to be counted (a run with 90,000 tasks has as
/// many waiting, and as many timers, at every showing).
fn shown_of<T>(
    cap: usize,
    items: impl Iterator<Item = T>,
    total: usize,
    row: impl FnMut(T) -> Row,
) -> Shown {
    let rows: Vec<Row> = items.take(LIST_ROWS.min(cap)).map(row).collect();
    let hidden = total.saturating_sub(rows.len());
    (rows, hidden)
}

/// The "+N more" row after a list cut at [`LIST_ROWS`].
fn more_row(hidden: usize) -> impl IntoView {
    (hidden > 0).then(|| {
        view! { <li class="more-rows muted" data-testid="more-rows">{fill(ui().more_lanes, &[&hidden])}</li> }
    })
}

/// The event loop: running task, ready queue, waiting list, timers,
/// threads, finished tasks, clock.
#[component]
pub(super) fn LoopPanel(state: PlayerState) -> impl IntoView {
    let snap = move || state.snap.get().0;
    let running = move || running_view(state);
    let ready = Memo::new(move |_| ready_rows(state));
    let waiting = Memo::new(move |_| waiting_rows(state));
    let timers = Memo::new(move |_| timer_rows(state));
    let threads = move || thread_rows(state);
    let groups = move || process_groups(state);
    let has_program_threads = move || !groups().is_empty();
    let multi_process = move || groups().len() > 1;
    let finished = Memo::new(move |_| finished_rows(state));
    let has = move |f: fn(&Snapshot) -> bool| move || f(&snap());
    // The GIL and the cores, for a run on the CPU model.
    let model_on = move || state.ran_with.get().on && state.track.with(|t| !t.events().is_empty());
    let u = ui();
    view! {
        <aside class="loop-panel" aria-label=u.event_loop>
            <h2>{u.event_loop}</h2>
            <p class="clock" data-testid="clock">{move || fill(u.clock_t, &[&format_secs(snap().time_ns)])}</p>
            <h3>{u.running}</h3>
            <p data-testid="running-task" class="running-task">{running}</p>
            <h3>{u.ready_queue}" " <span class="muted">{u.front_first}</span></h3>
            <ol class="queue" data-testid="ready-queue">
                <For each=move || ready.get().0 key=Row::clone let:r>
                    <li data-testid="ready-item" data-task=r.task.clone() data-what=r.what.clone()
                        class=format!("task-c{}", r.colour)
                        aria-current=current(state, &r.task) class:selected=marked(state, &r.task)>
                        {pick(state, &r.task, view! {
                            {(!r.plain.is_empty()).then(|| view! { <span class="plain">{r.plain.clone()}</span>" " })}
                            <code class="cpython-name">{r.text.clone()}</code>
                        })}
                    </li>
                </For>
                {move || more_row(ready.with(|r| r.1))}
            </ol>
            <Show when=has(|s| s.ready.is_empty())><p class="muted empty">{u.empty}</p></Show>
            <h3>{u.waiting}</h3>
            <ul class="queue" data-testid="waiting-list">
                <For each=move || waiting.get().0 key=Row::clone let:r>
                    <li data-testid="waiting-item" data-task=r.task.clone() class=format!("task-c{}", r.colour)
                        aria-current=current(state, &r.task) class:selected=marked(state, &r.task)>
                        {pick(state, &r.task, view! { <strong>{r.task.clone()}</strong> })}
                        {u.waits_for}<span class="reason">{r.text}</span>
                    </li>
                </For>
                {move || more_row(waiting.with(|r| r.1))}
            </ul>
            <h3>{u.timers}</h3>
            <ul class="queue" data-testid="timers">
                <For each=move || timers.get().0 key=Row::clone let:r>
                    <li data-testid="timer-item">{r.text}</li>
                </For>
                {move || more_row(timers.with(|r| r.1))}
            </ul>
            <Show when=has(|s| !s.threads.is_empty())>
                <h3>{u.worker_threads}</h3>
                <ul class="queue" data-testid="threads">
                    <For each=threads key=Row::clone let:r>
                        <li data-testid="thread-item">{r.text}</li>
                    </For>
                </ul>
            </Show>
            {move || model_on().then(|| cpu_view(state, has_program_threads))}
            <Show when=has_program_threads>
                <h3>{move || if multi_process() { u.processes_and_threads } else { u.threads }}</h3>
                <ul class="process-groups" data-testid="program-threads">
                    <For each=groups key=ProcessGroup::clone let:g>
                        <li class="process-group" data-testid="process-group" data-process=g.process.to_string()>
                            {g.multi.then(|| view! {
                                <p class="process-head"><strong>{g.name.clone()}</strong></p>
                            })}
                            {g.model.then(|| gil_line(&g))}
                            <ul class="queue">
                                {g.threads.iter().map(|r| view! {
                                    <li data-testid="program-thread" data-thread=r.task.clone()
                                        class=format!("task-c{}", r.colour)>
                                        <strong>{r.task.clone()}</strong>": "{r.text.clone()}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </li>
                    </For>
                </ul>
            </Show>
            <h3>{u.finished}</h3>
            <ul class="queue" data-testid="finished">
                <For each=move || finished.get().0 key=Row::clone let:r>
                    <li data-testid="finished-item" data-task=r.task.clone() class:failed=r.flag
                        aria-current=current(state, &r.task) class:selected=marked(state, &r.task)>
                        {pick(state, &r.task, view! { <strong>{r.task.clone()}</strong> })}
                        " "{r.text}
                    </li>
                </For>
                {move || more_row(finished.with(|r| r.1))}
            </ul>
        </aside>
    }
}

/// The GIL line of a process group (CPU model): who holds it.
fn gil_line(g: &ProcessGroup) -> impl IntoView {
    let u = ui();
    view! {
        <p class="gil-line" data-testid="gil-item" data-process=g.process.to_string()
            data-holder=g.gil.clone().unwrap_or_default()>
            {match g.gil.clone() {
                Some(h) => view! { <strong>{h}</strong>{u.holds_the_gil} }.into_any(),
                None => view! { <span class="muted">{u.gil_free}</span> }.into_any(),
            }}
        </p>
    }
}

/// The CPU model's state after the current step: how many of the virtual
/// cores compute and, for a program without threads (whose loop panel has
/// no thread groups to name it in), which thread holds each process's GIL.
fn cpu_view(
    state: PlayerState,
    has_threads: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let gil = move || {
        let s = state.snap.get().0;
        let c = state.cursor.get();
        state.track.with(|t| t.gil_holders(c, &s.gil))
    };
    let cores = move || state.snap.get().0.cores;
    let multi = move || gil().len() > 1;
    let u = ui();
    view! {
        <h3>{u.gil_and_cores}" " <span class="muted">{u.model_paren}</span></h3>
        <div data-testid="gil">
        <Show when=move || !has_threads()>
        <ul class="queue">
            <For each=gil key=|g| g.clone() let:g>
                <li data-testid="gil-item" data-process=g.process.to_string()
                    data-holder=g.holder.clone().unwrap_or_default()>
                    {move || multi().then(|| format!("{}: ", g.process_name))}
                    {match g.holder.clone() {
                        Some(h) => view! { <strong>{h}</strong>{u.holds_the_gil} }.into_any(),
                        None => view! { <span class="muted">{u.no_gil_holder}</span> }.into_any(),
                    }}
                </li>
            </For>
        </ul>
        </Show>
        <p class="cores" data-testid="cores" data-busy=move || cores().0 data-total=move || cores().1>
            <span class="core-boxes" aria-hidden="true">{move || {
                let (busy, total) = cores();
                (0..total.min(64))
                    .map(|i| view! { <span class="core" class:busy=i < busy></span> })
                    .collect_view()
            }}</span>
            {move || {
                let (busy, total) = cores();
                fill(u.cores_computing, &[&busy, &total])
            }}
        </p>
        </div>
    }
}

/// `content` as a button selecting the task named `task` (a second click
/// clears the selection); as it is when the row is about no task.
fn pick<V: IntoView + 'static>(state: PlayerState, task: &str, content: V) -> AnyView {
    if task.is_empty() {
        return content.into_any();
    }
    let name = task.to_string();
    let pressed = name.clone();
    view! {
        <button type="button" class="task-pick" title=ui().select_task_title
            aria-pressed=move || if state.is_selected(&pressed) { "true" } else { "false" }
            on:click=move |_| state.toggle_task(&name)>{content}</button>
    }
    .into_any()
}

/// `aria-current` of a row about the task named `task`: set while that
/// task is selected.
fn current(state: PlayerState, task: &str) -> impl Fn() -> Option<&'static str> + Send + Sync {
    let task = task.to_string();
    move || state.is_selected(&task).then_some("true")
}

/// The `selected` class of a row about the task named `task`.
fn marked(state: PlayerState, task: &str) -> impl Fn() -> bool + Send + Sync {
    let task = task.to_string();
    move || state.is_selected(&task)
}

/// Palette index of a task's lane (0 when it has none).
fn colour_of(state: PlayerState, task: TaskId) -> usize {
    state.track.with(|t| {
        t.task_lane(task)
            .map(|l| t.lanes[l].colour % 8)
            .unwrap_or(0)
    })
}

/// The task that ran this step, and what it is doing now.
fn running_view(state: PlayerState) -> AnyView {
    let s = state.snap.get().0;
    let c = state.cursor.get();
    let task = state
        .track
        .with(|t| t.columns.get(c).and_then(|col| col.task));
    match task.and_then(|id| s.tasks.get(&id)) {
        Some(t) => view! {
            <span class=format!("chip task-c{}", colour_of(state, t.id)) data-task=t.name.clone()
                aria-current=current(state, &t.name) class:selected=marked(state, &t.name)>
                {pick(state, &t.name, format!("{} {}()", t.name, t.coro))}
            </span>
            <span class="muted">{fill(ui().ran_this_step, &[&task_status(ui(), &s, t.id)])}</span>
        }
        .into_any(),
        None => {
            // A program thread's turn (a program of threads).
            let thread = state
                .track
                .with(|t| match t.steps().get(c).map(|s| &s.kind) {
                    Some(StepKind::Thread { thread }) => {
                        let colour = t
                            .lanes
                            .iter()
                            .find(|l| l.owner == LaneOwner::ProgramThread(*thread))
                            .map_or(0, |l| l.colour % 8);
                        t.columns.get(c).and_then(|col| {
                            col.threads
                                .get(*thread as usize)
                                .map(|th| (th.name.clone(), th.status(&col.threads), colour))
                        })
                    }
                    _ => None,
                });
            match thread {
                Some((name, now, colour)) => view! {
                    <span class=format!("chip task-c{colour}") data-thread=name.clone()>{name.clone()}</span>
                    <span class="muted">{fill(ui().ran_this_step, &[&now])}</span>
                }
                .into_any(),
                None => view! { <span class="muted">{ui().no_task_ran}</span> }.into_any(),
            }
        }
    }
}

// Each list is keyed by its rows' content: a step usually moves one
// handle out of the ready queue and another in, and only those rows
// change in the DOM.

/// The ready queue, front first.
fn ready_rows(state: PlayerState) -> Shown {
    let s = state.snap.get().0;
    shown(state.rows_cap.get(), s.ready.iter(), |r| {
        let (task, what, text) = describe_action(&s, &r.action, r.cancelled);
        let colour = match &r.action {
            Action::TaskStep { task, .. } | Action::TaskWakeup { task, .. } => {
                colour_of(state, *task)
            }
            _ => 0,
        };
        let plain = if r.cancelled {
            ui().cancelled_will_skip.into()
        } else {
            plain_label(&s, &r.action).unwrap_or_default()
        };
        Row {
            key: r.handle as u64,
            task,
            what,
            text,
            plain,
            colour,
            flag: false,
        }
    })
}

/// The tasks waiting, and what for.
fn waiting_rows(state: PlayerState) -> Shown {
    let s = state.snap.get().0;
    let waiting_tasks = s.tasks.values().filter_map(|t| match &t.state {
        TaskState::Waiting { on } => Some((t, on)),
        _ => None,
    });
    shown_of(
        state.rows_cap.get(),
        waiting_tasks,
        s.waiting_count(),
        |(t, on)| Row {
            key: t.id as u64,
            task: t.name.clone(),
            text: waiting(ui(), &s, on),
            colour: colour_of(state, t.id),
            ..Row::default()
        },
    )
}

/// The pending timers, earliest first.
fn timer_rows(state: PlayerState) -> Shown {
    let s = state.snap.get().0;
    shown_of(
        state.rows_cap.get(),
        s.timers.values(),
        s.timers.len(),
        |tm| {
            let (_, _, what) = describe_action(&s, &tm.action, tm.cancelled);
            let plain = plain_label(&s, &tm.action)
                .filter(|_| !tm.cancelled)
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            Row {
                key: tm.handle as u64,
                text: format!("t={}: {what}{plain}", format_secs(tm.when_ns)),
                ..Row::default()
            }
        },
    )
}

/// The worker threads and their jobs.
fn thread_rows(state: PlayerState) -> Vec<Row> {
    let s = state.snap.get().0;
    s.threads
        .values()
        .map(|l| {
            let job = l.job.and_then(|j| s.jobs.get(&j)).map(|j| j.func.clone());
            let u = ui();
            let text = match (job, l.parked_until) {
                (Some(f), Some(t)) => fill(u.worker_sleeping, &[&l.id, &f, &format_secs(t)]),
                (Some(f), None) => fill(u.worker_running, &[&l.id, &f]),
                (None, _) => fill(u.worker_idle, &[&l.id]),
            };
            Row {
                key: l.id as u64,
                text,
                ..Row::default()
            }
        })
        .collect::<Vec<_>>()
}

/// A process's threads in the loop panel (one group when the program
/// starts no process), which is also its key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ProcessGroup {
    /// The process (0: the main one).
    process: u32,
    /// `MainProcess`, `Process-1`.
    name: String,
    /// CPU model: the thread holding its GIL (`None`: free).
    gil: Option<String>,
    /// The run is on the CPU model (the group shows its GIL).
    model: bool,
    /// The program started processes (the group shows its name).
    multi: bool,
    /// Its threads, and why each one that is not running is not.
    threads: Vec<Row>,
}

/// The program threads after the current step, grouped by process as the
/// lanes are, with who holds each process's GIL (CPU model).
fn process_groups(state: PlayerState) -> Vec<ProcessGroup> {
    let c = state.cursor.get();
    let s = state.snap.get().0;
    let model = state.ran_with.get().on;
    state.track.with(|t| {
        let Some(col) = t.columns.get(c) else {
            return Vec::new();
        };
        let model = model && !t.events().is_empty();
        let holders = t.gil_holders(c, &s.gil);
        let mut groups: Vec<ProcessGroup> = Vec::new();
        for (i, th) in col.threads.iter().enumerate() {
            let row = Row {
                key: i as u64,
                task: th.name.clone(),
                text: th.status_with_gil(&col.threads, gil_holder_of(&holders, th.process, i)),
                colour: t
                    .lanes
                    .iter()
                    .find(|l| l.owner == LaneOwner::ProgramThread(i as u32))
                    .map(|l| l.colour % 8)
                    .unwrap_or(0),
                ..Row::default()
            };
            match groups.iter_mut().find(|g| g.process == th.process) {
                Some(g) => g.threads.push(row),
                None => groups.push(ProcessGroup {
                    process: th.process,
                    name: match t.processes.get(th.process as usize) {
                        Some(p) => p.name.clone(),
                        None if th.process == 0 => "MainProcess".into(),
                        None => format!("process {}", th.process),
                    },
                    gil: holders
                        .iter()
                        .find(|g| g.process == th.process)
                        .and_then(|g| g.holder.clone()),
                    model,
                    multi: false,
                    threads: vec![row],
                }),
            }
        }
        groups.sort_by_key(|g| g.process);
        let multi = groups.len() > 1;
        groups.iter_mut().for_each(|g| g.multi = multi);
        groups
    })
}

/// The name of the thread holding process `process`'s GIL, unless it is
/// thread `me` (CPU model; `holders` empty without it).
pub(super) fn gil_holder_of(holders: &[GilHolder], process: u32, me: usize) -> Option<&str> {
    holders
        .iter()
        .find(|g| g.process == process && g.holder_index != Some(me as u32))
        .and_then(|g| g.holder.as_deref())
}

/// The tasks that are over.
fn finished_rows(state: PlayerState) -> Shown {
    let s = state.snap.get().0;
    shown_of(
        state.rows_cap.get(),
        s.finished_tasks(),
        s.finished_count(),
        |t| Row {
            key: t.id as u64,
            task: t.name.clone(),
            text: task_status(ui(), &s, t.id),
            flag: matches!(t.state, TaskState::Failed { .. }),
            ..Row::default()
        },
    )
}
