//! What the timeline draws, as plain data: its rows (lanes, asyncio's
//! own clean-up tasks grouped unless asked for), and the [`Mark`]s of a
//! window of columns (bars, time ticks, clock jumps, blocked bands, print
//! tokens) in pixels, computed from the [`Track`]. Plain Rust, tested
//! natively.

use super::track::{more_label, skipped_label, token_label, Cell, LaneOwner, Track};
pub use super::track::{TimelineMode, COL_W};
use looplab_engine::trace::format_secs;

/// Height of one lane, in px.
pub const LANE_H: usize = 28;
/// Height of the ruler above the lanes, in px.
pub const RULER_H: usize = 24;
/// The timeline renders columns in pages of this many; three pages around
/// the cursor are in the DOM at a time (virtualisation).
pub const PAGE: usize = 100;
/// The timeline draws at most this many rows of lanes; the lanes after
/// them share one more row saying how many they are (a program starting a
/// task per step has ~100,000 lanes; 200 rows, with the panels' lists,
/// made each showing of a live run of it a long task, and 100 its first
/// showing).
pub const MAX_ROWS: usize = 60;
/// Two time labels on the ruler are at least this far apart, px.
const TICK_GAP: usize = 64;

/// One row of the timeline: a lane, or the faint row holding every one of
/// `asyncio.run`'s clean-up tasks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    /// The label.
    pub name: String,
    /// Palette index.
    pub colour: usize,
    /// `task`, `thread`, `process` (`data-kind`).
    pub kind: &'static str,
    /// A lane grouped under its process's lane (the program starts
    /// processes): its label is indented.
    pub grouped: bool,
    /// The task's name (`data-task`), empty for other rows.
    pub task: String,
    /// asyncio's internal tasks, grouped or not.
    pub internal: bool,
}

/// Marks a lane's row as the row counting the lanes not drawn (see
/// [`timeline_rows`]): its prints show there, its bars nowhere.
pub const COUNTED: usize = 1 << 30;

/// The rows the timeline shows, and the row of each lane. With
/// `show_internal` false, `asyncio.run`'s clean-up tasks share one row. At
/// most `cap` (and [`MAX_ROWS`]) rows of lanes; the lanes after them are
/// counted in one more row, and their row is that row's, `|` [`COUNTED`].
pub fn timeline_rows(t: &Track, show_internal: bool, cap: usize) -> (Vec<Row>, Vec<usize>) {
    let cap = cap.min(MAX_ROWS);
    let mut rows = Vec::new();
    let mut row_of = Vec::with_capacity(t.lanes.len());
    let mut grouped = None;
    let mut hidden = 0;
    for lane in &t.lanes {
        if rows.len() >= cap {
            // Past the rows drawn: every other lane is counted in one row,
            // the one after them (`cap`).
            row_of.push(cap | COUNTED);
            hidden += 1;
            continue;
        }
        let task = match lane.owner {
            LaneOwner::Task(id) => t.head().tasks.get(&id).map(|v| v.name.clone()),
            _ => None,
        }
        .unwrap_or_default();
        let kind = match lane.owner {
            LaneOwner::Task(_) => "task",
            LaneOwner::Thread(_) | LaneOwner::ProgramThread(_) => "thread",
            LaneOwner::Process(_) => "process",
        };
        let in_group = !t.processes.is_empty() && kind != "process";
        if lane.internal && !show_internal {
            let r = *grouped.get_or_insert_with(|| {
                rows.push(Row {
                    name: crate::i18n::ui().asyncio_cleanup.into(),
                    colour: lane.colour % 8,
                    kind,
                    grouped: in_group,
                    task: String::new(),
                    internal: true,
                });
                rows.len() - 1
            });
            row_of.push(r);
            continue;
        }
        row_of.push(rows.len());
        rows.push(Row {
            name: lane.name.clone(),
            colour: lane.colour % 8,
            kind,
            grouped: in_group,
            task,
            internal: lane.internal,
        });
    }
    if hidden > 0 {
        rows.push(Row {
            name: crate::i18n::fill(crate::i18n::ui().more_lanes, &[&hidden]),
            colour: 0,
            kind: "more",
            grouped: false,
            task: String::new(),
            internal: false,
        });
    }
    (rows, row_of)
}

/// One element of the timeline, also its key: when the cursor or a live
/// run's new events change the window, elements that stay the same keep
/// their DOM node (and a print token its entrance animation, which only
/// new tokens of a live run play).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// The clock jumped during a step: the loop waited.
    Jump {
        /// Left edge, px.
        x: usize,
        /// Virtual time before the jump (ns).
        from: u64,
        /// Virtual time after the jump (ns).
        to: u64,
        /// What is shown: "+1 s", or "⏩ N s skipped" for a compressed gap.
        label: String,
        /// A compressed idle gap.
        skipped: bool,
    },
    /// A time tick on the ruler: the clock's value at a step.
    Time {
        /// Left edge, px.
        x: usize,
        /// The clock (ns).
        time_ns: u64,
        /// What is shown ("0.5 s").
        label: String,
    },
    /// The loop's thread was blocked during a step.
    Blocked {
        /// Left edge, px.
        x: usize,
        /// Width, px.
        w: usize,
    },
    /// A run of equal cells in a row.
    Bar {
        /// CSS classes of the cell kind ("bar waiting").
        class: &'static str,
        /// Palette index of the lane.
        colour: usize,
        /// The lane's index (its bars never overlap: with the row and
        /// the left edge, the bar's identity while it grows).
        lane: usize,
        /// The row's index.
        row: usize,
        /// Left edge, px.
        x: usize,
        /// Width, px.
        w: usize,
    },
    /// A print.
    Token {
        /// Event index of the print.
        seq: usize,
        /// Index in the track's tokens (its identity: one print may write
        /// the same line twice).
        index: usize,
        /// The step that printed it (clicking the token seeks there).
        step: usize,
        /// Palette index of the printing lane.
        colour: usize,
        /// The printing task's name (`data-task`).
        task: String,
        /// One line of the printed text.
        text: String,
        /// What the token shows (the text, or its start and "…", or
        /// "… +N lines").
        label: String,
        /// Lines the token stands for beyond the first [`TOKEN_LINES`](super::track::TOKEN_LINES) of a
        /// long chunk (0: one line).
        more: usize,
        /// Written to stderr.
        stderr: bool,
        /// Left edge, px.
        x: usize,
        /// Width, px.
        w: usize,
        /// Pixels from the top.
        top: usize,
        /// Place in its group: first, last (both for a lone print).
        group_start: bool,
        /// Last of its group.
        group_end: bool,
    },
}

/// What identifies a drawn (non-print) mark from one frame to the next:
/// a bar growing during a live run, or a tick staying where it is, keeps
/// its DOM node (only what changed is written to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKey {
    /// A clock jump at this x.
    Jump(usize),
    /// A ruler tick at this x.
    Time(usize),
    /// A blocked band at this x.
    Blocked(usize),
    /// A bar of this lane starting at this x.
    Bar(usize, usize),
    /// A print token (drawn as a button by the panel, not as a plain mark).
    Token(usize),
}

/// How a plain mark's node looks: its class, inline style, title and
/// text, as written to the DOM.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Look {
    /// The `class` attribute.
    pub class: String,
    /// The `style` attribute (position and size).
    pub style: String,
    /// The `title` attribute (empty: none).
    pub title: String,
    /// The text shown.
    pub text: String,
}

impl Mark {
    /// The mark's identity across frames ([`MarkKey`]).
    pub fn key(&self) -> MarkKey {
        match *self {
            Mark::Jump { x, .. } => MarkKey::Jump(x),
            Mark::Time { x, .. } => MarkKey::Time(x),
            Mark::Blocked { x, .. } => MarkKey::Blocked(x),
            Mark::Bar { lane, x, .. } => MarkKey::Bar(lane, x),
            Mark::Token { index, .. } => MarkKey::Token(index),
        }
    }

    /// What the node of a plain mark shows (a token's is the panel's
    /// button).
    pub fn look(&self) -> Look {
        let ui = crate::i18n::ui();
        match self {
            Mark::Jump {
                x,
                from,
                to,
                label,
                skipped,
            } => Look {
                class: if *skipped {
                    "clock-jump skipped".into()
                } else {
                    "clock-jump".into()
                },
                style: format!("left:{x}px"),
                title: crate::i18n::fill(ui.loop_waited, &[&format_secs(*from), &format_secs(*to)]),
                text: label.clone(),
            },
            Mark::Time { x, time_ns, label } => Look {
                class: "ruler-time".into(),
                style: format!("left:{x}px"),
                title: format!("t={} s", format_secs(*time_ns)),
                text: label.clone(),
            },
            Mark::Blocked { x, w } => Look {
                class: "blocked-band".into(),
                style: format!("left:{x}px;width:{w}px"),
                title: ui.loop_was_blocked.into(),
                text: String::new(),
            },
            Mark::Bar {
                class,
                colour,
                row,
                x,
                w,
                ..
            } => Look {
                class: format!("{class} task-c{colour}"),
                style: format!("left:{x}px;top:{}px;width:{w}px", RULER_H + row * LANE_H),
                title: String::new(),
                text: String::new(),
            },
            Mark::Token { label, .. } => Look {
                class: "timeline-token".into(),
                text: label.clone(),
                ..Look::default()
            },
        }
    }
}

/// "0 s", "0.5 s", "1.25 s", "2 min 5 s", "3 h": a clock value as a
/// reader says it (the exact value is in the tick's title).
pub fn tick_label(ns: u64) -> String {
    let ms = ns / 1_000_000;
    if ns < 60_000_000_000 {
        let secs = format_secs(ns);
        let trimmed = if secs.contains('.') {
            secs.trim_end_matches('0').trim_end_matches('.')
        } else {
            &secs
        };
        if ns > 0 && ms == 0 {
            return format!("{} µs", ns / 1_000);
        }
        return format!("{trimmed} s");
    }
    let s = ms / 1000;
    let (h, m, sec) = (s / 3600, (s / 60) % 60, s % 60);
    match (h, m, sec) {
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, 0, _) => format!("{h} h"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// A clock jump's label: how long the loop waited ("+1 s", "+0.25 s").
fn jump_label(from: u64, to: u64) -> (String, bool) {
    match skipped_label(from, to) {
        Some(l) => (l, true),
        None => (format!("+{}", tick_label(to.saturating_sub(from))), false),
    }
}

/// The marks of columns `[start, end)` of the timeline, rows as
/// [`timeline_rows`] placed them, in the layout `mode`.
pub fn timeline_marks(
    t: &Track,
    row_of: &[usize],
    start: usize,
    end: usize,
    mode: TimelineMode,
) -> Vec<Mark> {
    let end = end.min(t.columns.len());
    let mut marks = Vec::new();
    // Ruler: a time tick where the clock moved (never crowding the one
    // before), jump marks where the loop waited, blocked bands.
    let mut last_time = if start == 0 {
        None
    } else {
        t.columns.get(start - 1).map(|c| c.time_ns)
    };
    let mut last_tick_x: Option<usize> = None;
    for i in start..end {
        let col = &t.columns[i];
        let x = t.x_in(mode, i);
        if let Some((from, to)) = col.jump {
            let (label, skipped) = jump_label(from, to);
            marks.push(Mark::Jump {
                x,
                from,
                to,
                label,
                skipped,
            });
        }
        if last_time != Some(col.time_ns) {
            if last_tick_x.is_none_or(|lx| x >= lx + TICK_GAP) {
                marks.push(Mark::Time {
                    x,
                    time_ns: col.time_ns,
                    label: tick_label(col.time_ns),
                });
                last_tick_x = Some(x);
            }
            last_time = Some(col.time_ns);
        }
        if col.blocked {
            marks.push(Mark::Blocked {
                x,
                w: t.w_in(mode, i),
            });
        }
    }
    if mode == TimelineMode::Time {
        time_bars(t, row_of, start, end, &mut marks);
        return marks;
    }
    // Bars: one per run of equal cells in a lane (running slices apart).
    for (lane_i, lane) in t.lanes.iter().enumerate() {
        let row = row_of.get(lane_i).copied().unwrap_or(lane_i);
        if row & COUNTED != 0 {
            continue;
        }
        let mut i = start;
        while i < end {
            let cell = cell_at(t, i, lane_i);
            let mut j = i + 1;
            if cell != Cell::Running {
                while j < end && cell_at(t, j, lane_i) == cell {
                    j += 1;
                }
            }
            let class = match cell {
                Cell::Empty => None,
                Cell::Running => Some("bar running"),
                Cell::Ready => Some("bar ready"),
                Cell::Waiting => Some("bar waiting"),
            };
            if let Some(class) = class {
                let x = t.col_x(i);
                marks.push(Mark::Bar {
                    class,
                    colour: lane.colour % 8,
                    lane: lane_i,
                    row,
                    x,
                    w: t.col_x(j) - x,
                });
            }
            i = j;
        }
    }
    marks
}

/// The bars of the time layout: per lane and slot, running if the lane
/// ran in any step of the slot, else its state after the slot's last
/// step; that state also fills the gap to the next slot (the wait).
/// Equal neighbours merge, running slots apart.
fn time_bars(t: &Track, row_of: &[usize], start: usize, end: usize, marks: &mut Vec<Mark>) {
    // The slots of the window: (first column, last column).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for i in start..end {
        match spans.last_mut() {
            Some(last) if t.slot_of(i) == t.slot_of(last.0) => last.1 = i,
            _ => spans.push((i, i)),
        }
    }
    let class_of = |cell| match cell {
        Cell::Empty => None,
        Cell::Running => Some("bar running"),
        Cell::Ready => Some("bar ready"),
        Cell::Waiting => Some("bar waiting"),
    };
    for (lane_i, lane) in t.lanes.iter().enumerate() {
        let row = row_of.get(lane_i).copied().unwrap_or(lane_i);
        if row & COUNTED != 0 {
            continue;
        }
        // Pieces (cell, x, x_end) in order, merged as they come.
        let mut pieces: Vec<(Cell, usize, usize)> = Vec::new();
        let mut push = |cell: Cell, x: usize, x_end: usize| {
            if x_end <= x {
                return;
            }
            match pieces.last_mut() {
                Some(p) if p.0 == cell && cell != Cell::Running && p.2 == x => p.2 = x_end,
                _ => pieces.push((cell, x, x_end)),
            }
        };
        for &(a, b) in &spans {
            let x = t.x_in(TimelineMode::Time, a);
            let w = t.w_in(TimelineMode::Time, a);
            let ran = (a..=b).any(|c| cell_at(t, c, lane_i) == Cell::Running);
            let after = cell_at(t, b, lane_i);
            push(if ran { Cell::Running } else { after }, x, x + w);
            let next = t.x_in(TimelineMode::Time, b + 1);
            let gap = if after == Cell::Running {
                Cell::Ready
            } else {
                after
            };
            if b + 1 < t.columns.len() {
                push(gap, x + w, next);
            }
        }
        for (cell, x, x_end) in pieces {
            if let Some(class) = class_of(cell) {
                marks.push(Mark::Bar {
                    class,
                    colour: lane.colour % 8,
                    lane: lane_i,
                    row,
                    x,
                    w: x_end - x,
                });
            }
        }
    }
}

/// The print tokens of columns `[start, end)` of the timeline, in output
/// order (apart from the other marks: during a live run they are only
/// appended, so their DOM nodes never move, which would replay an
/// animation).
pub fn timeline_tokens(
    t: &Track,
    row_of: &[usize],
    start: usize,
    end: usize,
    mode: TimelineMode,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    let first = t.tokens.partition_point(|k| k.step < start);
    for (index, k) in t.tokens[first..]
        .iter()
        .enumerate()
        .take_while(|(_, k)| k.step < end)
    {
        let index = first + index;
        let row = k
            .lane
            .map(|l| row_of.get(l).copied().unwrap_or(l) & !COUNTED)
            .unwrap_or(0);
        let colour = k.lane.map(|l| t.lanes[l].colour % 8).unwrap_or(0);
        let task = k
            .lane
            .map(|l| match t.lanes[l].owner {
                LaneOwner::Task(id) => t
                    .head()
                    .tasks
                    .get(&id)
                    .map(|v| v.name.clone())
                    .unwrap_or_default(),
                LaneOwner::Thread(id) => format!("thread {id}"),
                LaneOwner::ProgramThread(_) | LaneOwner::Process(_) => t.lanes[l].name.clone(),
            })
            .unwrap_or_default();
        marks.push(Mark::Token {
            seq: k.seq,
            index,
            step: k.step,
            colour,
            task,
            text: k.text.clone(),
            label: if k.more > 0 {
                more_label(k.more)
            } else {
                token_label(&k.text)
            },
            more: k.more,
            stderr: k.stderr,
            x: t.token_x_in(mode, k),
            w: k.w,
            top: RULER_H + row * LANE_H + 3,
            group_start: k.group_start,
            group_end: k.group_end,
        });
    }
    marks
}

fn cell_at(t: &Track, col: usize, lane: usize) -> Cell {
    t.cell(col, lane)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track_of(code: &str) -> Track {
        Track::of_program(code)
    }

    /// Past the rows drawn (a live run's first showings draw few), the
    /// other lanes are counted in one more row: their prints show there,
    /// their bars nowhere.
    #[test]
    fn lanes_past_the_cap_are_counted_in_one_row() {
        let t = track_of(
            "import asyncio\n\nasync def w(n):\n    print(n)\n    await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(*(w(i) for i in range(6)))\n\nasyncio.run(main())\n",
        );
        let (all, _) = timeline_rows(&t, true, usize::MAX);
        let (rows, row_of) = timeline_rows(&t, true, 3);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[..3], all[..3]);
        assert_eq!(rows[3].kind, "more");
        assert!(
            rows[3].name.contains(&(all.len() - 3).to_string()),
            "{}",
            rows[3].name
        );
        assert!(row_of[3..].iter().all(|&r| r == 3 | COUNTED), "{row_of:?}");
        let end = t.columns.len();
        let marks = timeline_marks(&t, &row_of, 0, end, TimelineMode::Steps);
        assert!(marks
            .iter()
            .all(|m| !matches!(m, Mark::Bar { row, .. } if *row >= 3)));
        let tokens = timeline_tokens(&t, &row_of, 0, end, TimelineMode::Steps);
        let rows_of_tokens: Vec<usize> = tokens
            .iter()
            .filter_map(|m| match m {
                Mark::Token { top, .. } => Some((top - RULER_H - 3) / LANE_H),
                _ => None,
            })
            .collect();
        assert_eq!(rows_of_tokens.len(), 6, "a token per print");
        assert!(rows_of_tokens.iter().all(|&r| r <= 3), "{rows_of_tokens:?}");
        assert!(
            rows_of_tokens.contains(&3),
            "prints of counted lanes: on their row"
        );
    }

    /// Two tasks taking turns: each lane's running bars are one column
    /// wide, the other runs of a lane are merged, and every print is one
    /// token on the step and lane that printed it.
    #[test]
    fn bars_and_tokens_follow_the_columns() {
        let t = track_of(
            "import asyncio\n\nasync def w(n):\n    for i in range(2):\n        print(n, i)\n        await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(w('a'), w('b'))\n\nasyncio.run(main())\n",
        );
        let (_, rows) = timeline_rows(&t, true, usize::MAX);
        let marks = timeline_marks(&t, &rows, 0, t.columns.len(), TimelineMode::Steps);
        for m in &marks {
            if let Mark::Bar {
                class, row, x, w, ..
            } = m
            {
                assert!(*w >= COL_W);
                let (from, to) = (t.col_at(*x), t.col_at(x + w - 1) + 1);
                assert_eq!((t.col_x(from), t.col_x(to)), (*x, x + w));
                if *class == "bar running" {
                    assert_eq!(to - from, 1, "a running slice is one column");
                }
                for col in from..to {
                    assert_ne!(cell_at(&t, col, *row), Cell::Empty);
                }
            }
        }
        let tokens = timeline_tokens(&t, &rows, 0, t.columns.len(), TimelineMode::Steps);
        let texts: Vec<String> = tokens
            .iter()
            .filter_map(|m| match m {
                Mark::Token { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        let printed: Vec<String> = t.tokens.iter().map(|k| k.text.clone()).collect();
        assert_eq!(texts, printed);
        // A window shows only its own columns' tokens.
        let later = timeline_tokens(&t, &rows, 3, t.columns.len(), TimelineMode::Steps);
        assert!(later
            .iter()
            .all(|m| matches!(m, Mark::Token { step, .. } if *step >= 3)));
    }

    /// A live run's timeline grows at its end: a bar that grows keeps its
    /// identity (its node is only resized), the marks of a window are
    /// unique by identity, and what a node shows follows the mark.
    #[test]
    fn a_growing_bar_keeps_its_identity() {
        let code = "import asyncio\n\nasync def w(n):\n    for i in range(3):\n        await asyncio.sleep(0.1 * n)\n\nasync def main():\n    await asyncio.gather(w(1), w(2))\n\nasyncio.run(main())\n";
        let whole = track_of(code);
        let events = whole.events().to_vec();
        let mut grown = Track::default();
        let mut before: Option<Vec<Mark>> = None;
        let mut kept = 0;
        for chunk in events.chunks(5) {
            grown.extend(chunk);
            let (_, rows) = timeline_rows(&grown, true, usize::MAX);
            let marks = timeline_marks(&grown, &rows, 0, grown.columns.len(), TimelineMode::Steps);
            let mut keys: Vec<MarkKey> = marks.iter().map(Mark::key).collect();
            let n = keys.len();
            keys.sort_by_key(|k| format!("{k:?}"));
            keys.dedup();
            assert_eq!(keys.len(), n, "marks are unique by identity");
            if let Some(before) = &before {
                for old in before {
                    if let Some(new) = marks.iter().find(|m| m.key() == old.key() && *m != old) {
                        // The same bar, grown (the last, partial step may
                        // also change or end it: its node is rewritten).
                        if let (Mark::Bar { w: w0, .. }, Mark::Bar { w: w1, .. }) = (old, new) {
                            kept += usize::from(w1 > w0);
                        }
                    }
                }
            }
            before = Some(marks);
        }
        assert!(kept > 0, "some bar grew in place");
        let bar = Mark::Bar {
            class: "bar running",
            colour: 3,
            lane: 1,
            row: 2,
            x: 88,
            w: 44,
        };
        assert_eq!(
            bar.look(),
            Look {
                class: "bar running task-c3".into(),
                style: format!("left:88px;top:{}px;width:44px", RULER_H + 2 * LANE_H),
                title: String::new(),
                text: String::new(),
            }
        );
    }

    /// Every print of every lesson is a token showing its whole line (up to
    /// the cap); tokens of one row never overlap and stay inside their
    /// column; consecutive prints of one task in one step form one group.
    #[test]
    fn tokens_show_their_text_side_by_side_in_columns_as_wide_as_they_need() {
        for lesson in crate::content::LESSONS {
            for snippet in lesson.snippets {
                let t = track_of(snippet.code);
                let (_, rows) = timeline_rows(&t, true, usize::MAX);
                let marks = timeline_tokens(&t, &rows, 0, t.columns.len(), TimelineMode::Steps);
                let mut placed: Vec<(usize, usize, usize, usize)> = Vec::new();
                for m in &marks {
                    let Mark::Token {
                        step,
                        text,
                        label,
                        x,
                        w,
                        top,
                        more,
                        ..
                    } = m
                    else {
                        continue;
                    };
                    if *more > 0 {
                        assert_eq!(label, &crate::player::track::more_label(*more));
                    } else if text.chars().count() <= crate::player::track::TOKEN_MAX_CHARS {
                        assert_eq!(label, text, "{}: a token shows its line", lesson.id);
                    } else {
                        assert!(label.ends_with('…'));
                    }
                    assert!(*x >= t.col_x(*step) && x + w <= t.col_x(step + 1));
                    for &(s2, x2, w2, top2) in &placed {
                        if s2 == *step && top2 == *top {
                            assert!(x2 + w2 <= *x || x + w <= x2, "{}: overlap", lesson.id);
                        }
                    }
                    placed.push((*step, *x, *w, *top));
                }
            }
        }
    }

    #[test]
    fn prints_of_one_task_in_one_step_are_one_group() {
        let t = track_of(
            "import asyncio\n\nasync def w(n):\n    print(n, 1)\n    print(n, 2)\n    await asyncio.sleep(0)\n    print(n, 3)\n\nasync def main():\n    await asyncio.gather(w('[A]'), w('[B]'))\n\nasyncio.run(main())\n",
        );
        let groups: Vec<(String, bool, bool)> = t
            .tokens
            .iter()
            .map(|k| (k.text.clone(), k.group_start, k.group_end))
            .collect();
        let want = |s: &str, a, b| (s.to_string(), a, b);
        assert_eq!(
            groups,
            vec![
                want("[A] 1", true, false),
                want("[A] 2", false, true),
                want("[B] 1", true, false),
                want("[B] 2", false, true),
                want("[A] 3", true, true),
                want("[B] 3", true, true),
            ]
        );
        // The group's column is as wide as both tokens.
        let step = t.tokens[0].step;
        assert!(t.col_w(step) >= t.tokens[0].w + t.tokens[1].w);
        assert_eq!(t.tokens[1].x, t.tokens[0].x + t.tokens[0].w);
    }

    #[test]
    fn long_lines_are_cut_with_an_ellipsis_and_short_ones_never() {
        use crate::player::track::{token_label, TOKEN_MAX_CHARS};
        assert_eq!(token_label("[A]"), "[A]");
        assert_eq!(token_label("worker 1 done"), "worker 1 done");
        let long = "x".repeat(TOKEN_MAX_CHARS + 5);
        let label = token_label(&long);
        assert_eq!(label.chars().count(), TOKEN_MAX_CHARS);
        assert!(label.ends_with('…'));
    }

    #[test]
    fn ticks_read_well_at_every_time_scale() {
        assert_eq!(tick_label(0), "0 s");
        assert_eq!(tick_label(500_000_000), "0.5 s");
        assert_eq!(tick_label(1_250_000_000), "1.25 s");
        assert_eq!(tick_label(3_000_000_000), "3 s");
        assert_eq!(tick_label(125_000_000_000), "2 min 5 s");
        assert_eq!(tick_label(120_000_000_000), "2 min");
        assert_eq!(tick_label(7_200_000_000_000), "2 h");
        assert_eq!(tick_label(3_900_000_000_000), "1 h 5 min");
        assert_eq!(jump_label(0, 1_000_000_000), ("+1 s".into(), false));
        assert!(jump_label(0, 3_600_000_000_000).1);
    }

    /// Ticks never crowd each other, however many times the clock moves.
    #[test]
    fn ticks_keep_their_distance() {
        let t = track_of(
            "import asyncio\n\nasync def main():\n    for i in range(30):\n        await asyncio.sleep(0.001)\n\nasyncio.run(main())\n",
        );
        let (_, rows) = timeline_rows(&t, true, usize::MAX);
        let xs: Vec<usize> = timeline_marks(&t, &rows, 0, t.columns.len(), TimelineMode::Steps)
            .iter()
            .filter_map(|m| match m {
                Mark::Time { x, .. } => Some(*x),
                _ => None,
            })
            .collect();
        assert!(xs.len() > 3);
        assert!(xs.windows(2).all(|w| w[1] >= w[0] + TICK_GAP));
        let jumps = timeline_marks(&t, &rows, 0, t.columns.len(), TimelineMode::Steps)
            .iter()
            .filter(|m| matches!(m, Mark::Jump { .. }))
            .count();
        assert_eq!(jumps, 30, "every wait of the loop is marked");
    }

    /// asyncio.run's clean-up tasks share one faint row unless asked for.
    #[test]
    fn asyncio_run_clean_up_tasks_share_one_row() {
        let t = track_of(
            "import asyncio\n\nasync def w():\n    await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(w(), w())\n\nasyncio.run(main())\n",
        );
        let internal = t.lanes.iter().filter(|l| l.internal).count();
        assert!(internal >= 1, "{:?}", t.lanes);
        assert!(t
            .lanes
            .iter()
            .filter(|l| l.internal)
            .all(|l| l.name.contains("BaseEventLoop.shutdown_")));
        let (all, _) = timeline_rows(&t, true, usize::MAX);
        let (grouped, row_of) = timeline_rows(&t, false, usize::MAX);
        assert_eq!(all.len(), t.lanes.len());
        assert_eq!(grouped.len(), t.lanes.len() - internal + 1);
        let faint: Vec<&Row> = grouped.iter().filter(|r| r.internal).collect();
        assert_eq!(faint.len(), 1);
        assert_eq!(faint[0].name, "asyncio.run clean-up");
        assert!(row_of.iter().all(|&r| r < grouped.len()));
    }

    fn lesson_snippet(id: &str, name: &str) -> &'static str {
        crate::content::LESSONS
            .iter()
            .find(|l| l.id == id)
            .and_then(|l| l.snippets.iter().find(|s| s.name == name))
            .map(|s| s.code)
            .expect("the lesson snippet exists")
    }

    /// The horizontal span (px) and the number of distinct columns (steps
    /// layout) or slots (time layout) a reader scans to read the tokens
    /// whose text contains `tag`.
    fn scan(t: &Track, mode: TimelineMode, tag: &str) -> (usize, usize) {
        let (_, rows) = timeline_rows(t, true, usize::MAX);
        let mut left = usize::MAX;
        let mut right = 0;
        let mut places = Vec::new();
        for m in timeline_tokens(t, &rows, 0, t.columns.len(), mode) {
            if let Mark::Token {
                text, x, w, step, ..
            } = m
            {
                if text.contains(tag) {
                    left = left.min(x);
                    right = right.max(x + w);
                    let place = match mode {
                        TimelineMode::Steps => step,
                        TimelineMode::Time => t.slot_of(step).unwrap_or(0),
                    };
                    if !places.contains(&place) {
                        places.push(place);
                    }
                }
            }
        }
        (right.saturating_sub(left), places.len())
    }

    /// The two layouts compared on the rounds the lessons are about (the
    /// figures docs/player.md quotes): the time layout stacks a round of
    /// prints made at one virtual time into one slot, so a reader scans
    /// one token's width instead of three columns; both mark every wait.
    #[test]
    fn the_time_layout_stacks_simultaneous_prints() {
        let cases = [
            ("sleep", "main", "[A]"),
            ("gather", "main", "start"),
            ("cancel", "main", ""),
            ("timeouts", "main", ""),
        ];
        for (id, name, tag) in cases {
            let t = track_of(lesson_snippet(id, name));
            let (_, rows) = timeline_rows(&t, true, usize::MAX);
            for mode in [TimelineMode::Steps, TimelineMode::Time] {
                let marks = timeline_marks(&t, &rows, 0, t.columns.len(), mode);
                let jumps = marks
                    .iter()
                    .filter(|m| matches!(m, Mark::Jump { .. }))
                    .count();
                let waits = t.columns.iter().filter(|c| c.jump.is_some()).count();
                assert_eq!(jumps, waits, "{id}: every wait is marked in {mode:?}");
                // Tokens of one row never overlap in either layout.
                let tokens = timeline_tokens(&t, &rows, 0, t.columns.len(), mode);
                let boxes: Vec<(usize, usize, usize)> = tokens
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Token { x, w, top, .. } => Some((*x, *w, *top)),
                        _ => None,
                    })
                    .collect();
                for (i, a) in boxes.iter().enumerate() {
                    for b in &boxes[i + 1..] {
                        assert!(
                            a.2 != b.2 || a.0 + a.1 <= b.0 || b.0 + b.1 <= a.0,
                            "{id} {mode:?}: overlap"
                        );
                    }
                }
                let (span, places) = scan(&t, mode, tag);
                println!(
                    "{id:>9} {mode:?}: timeline {} px, {} places; one `{tag}` round spans {span} px over {places} places",
                    t.width_in(mode),
                    match mode {
                        TimelineMode::Steps => t.columns.len(),
                        TimelineMode::Time => t.slot_count(),
                    }
                );
            }
        }
        // The sleep lesson's round of three `[A]`s: three columns side by
        // side in the steps layout, one stack in the time layout.
        let t = track_of(lesson_snippet("sleep", "main"));
        let (steps_span, steps_places) = scan(&t, TimelineMode::Steps, "[A]");
        let (time_span, time_places) = scan(&t, TimelineMode::Time, "[A]");
        assert_eq!((steps_places, time_places), (3, 1));
        assert!(time_span * 2 < steps_span, "{time_span} vs {steps_span}");
        // Gather's three starts, made at t=0, stack too; the dones, a
        // second apart, are slots apart with gaps in proportion (1 s each).
        let t = track_of(lesson_snippet("gather", "main"));
        assert_eq!(scan(&t, TimelineMode::Time, "start").1, 1);
        let done_x: Vec<usize> = t
            .tokens
            .iter()
            .filter(|k| k.text.starts_with("done"))
            .map(|k| t.token_x_in(TimelineMode::Time, k))
            .collect();
        assert_eq!(done_x.len(), 3);
        assert!(done_x.windows(2).all(|w| w[1] > w[0]));
    }

    /// The time layout built while a run grows equals the one built at
    /// once (the scale is fixed by the first wait, nothing drawn moves).
    #[test]
    fn the_time_layout_grows_like_it_is_built_at_once() {
        let code = lesson_snippet("gather", "main");
        let whole = track_of(code);
        let events = whole.events().to_vec();
        let mut grown = Track::default();
        for chunk in events.chunks(7) {
            grown.extend(chunk);
        }
        let xs = |t: &Track| -> Vec<(usize, usize)> {
            (0..t.columns.len())
                .map(|i| (t.x_in(TimelineMode::Time, i), t.w_in(TimelineMode::Time, i)))
                .chain(
                    t.tokens
                        .iter()
                        .map(|k| (t.token_x_in(TimelineMode::Time, k), k.w)),
                )
                .collect()
        };
        assert_eq!(xs(&grown), xs(&whole));
        assert_eq!(
            grown.width_in(TimelineMode::Time),
            whole.width_in(TimelineMode::Time)
        );
    }
}
