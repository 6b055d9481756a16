//! What the timeline draws, as plain data: its geometry and the [`Mark`]s
//! of a window of columns (bars, clock labels, jumps, blocked bands, print
//! tokens), computed from the [`Track`]. Plain Rust, tested natively.

use super::track::{skipped_label, Cell, LaneOwner, Track};

/// Width of one step's column on the timeline, in px.
pub const COL_W: usize = 44;
/// Height of one lane, in px.
pub const LANE_H: usize = 28;
/// Height of the ruler above the lanes, in px.
pub const RULER_H: usize = 24;
/// The timeline renders columns in pages of this many; three pages around
/// the cursor are in the DOM at a time (virtualisation).
pub const PAGE: usize = 100;

/// One element of the timeline, also its key: when the cursor or a live
/// run's new events change the window, elements that stay the same keep
/// their DOM node (and a print token its entrance animation, which only
/// new tokens of a live run play).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// The clock jumped during a step.
    Jump {
        /// The step's column.
        col: usize,
        /// Virtual time before the jump (ns).
        from: u64,
        /// Virtual time after the jump (ns).
        to: u64,
        /// "⏩ N s skipped" for a compressed idle gap.
        label: Option<String>,
    },
    /// The clock's value above the first step at a new time.
    Time {
        /// The step's column.
        col: usize,
        /// The clock after the step (ns).
        time_ns: u64,
    },
    /// The loop's thread was blocked during a step.
    Blocked {
        /// The step's column.
        col: usize,
    },
    /// A run of equal cells in a lane.
    Bar {
        /// CSS classes of the cell kind ("bar waiting").
        class: &'static str,
        /// Palette index of the lane.
        colour: usize,
        /// The lane's index.
        lane: usize,
        /// First column.
        from: usize,
        /// Column after the last.
        to: usize,
    },
    /// A print.
    Token {
        /// Event index of the print (its identity).
        seq: usize,
        /// The step that printed it (clicking the token seeks there).
        step: usize,
        /// Palette index of the printing lane.
        colour: usize,
        /// The printing task's name (`data-task`).
        task: String,
        /// One line of the printed text.
        text: String,
        /// Written to stderr.
        stderr: bool,
        /// Pixels from the top (lane and stacking of prints in one step).
        top: usize,
    },
}

/// The marks of columns `[start, end)` of the timeline.
pub fn timeline_marks(t: &Track, start: usize, end: usize) -> Vec<Mark> {
    let end = end.min(t.columns.len());
    let mut marks = Vec::new();
    // Ruler: time labels where the clock moved, jump marks, blocked bands.
    let mut last_time = if start == 0 {
        None
    } else {
        t.columns.get(start - 1).map(|c| c.time_ns)
    };
    for i in start..end {
        let col = &t.columns[i];
        if let Some((from, to)) = col.jump {
            marks.push(Mark::Jump {
                col: i,
                from,
                to,
                label: skipped_label(from, to),
            });
        }
        if last_time != Some(col.time_ns) {
            marks.push(Mark::Time {
                col: i,
                time_ns: col.time_ns,
            });
            last_time = Some(col.time_ns);
        }
        if col.blocked {
            marks.push(Mark::Blocked { col: i });
        }
    }
    // Bars: one per run of equal cells in a lane (running slices apart).
    for (lane_i, lane) in t.lanes.iter().enumerate() {
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
                marks.push(Mark::Bar {
                    class,
                    colour: lane.colour % 8,
                    lane: lane_i,
                    from: i,
                    to: j,
                });
            }
            i = j;
        }
    }
    marks
}

/// The print tokens of columns `[start, end)` of the timeline, in output
/// order (apart from the other marks: during a live run they are only
/// appended, so their DOM nodes never move, which would replay an
/// animation).
pub fn timeline_tokens(t: &Track, start: usize, end: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let first = t.tokens.partition_point(|k| k.step < start);
    let mut stack = (usize::MAX, usize::MAX, 0usize);
    for k in t.tokens[first..].iter().take_while(|k| k.step < end) {
        let lane = k.lane.unwrap_or(0);
        let depth = if (stack.0, stack.1) == (k.step, lane) {
            stack.2 + 1
        } else {
            0
        };
        stack = (k.step, lane, depth);
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
            })
            .unwrap_or_default();
        marks.push(Mark::Token {
            seq: k.seq,
            step: k.step,
            colour,
            task,
            text: k.text.clone(),
            stderr: k.stderr,
            top: RULER_H + lane * LANE_H + 3 + depth.min(3) * 4,
        });
    }
    marks
}

fn cell_at(t: &Track, col: usize, lane: usize) -> Cell {
    t.columns[col]
        .cells
        .get(lane)
        .copied()
        .unwrap_or(Cell::Empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track_of(code: &str) -> Track {
        Track::of_program(code)
    }

    /// Two tasks taking turns: each lane's running bars are one column
    /// wide, the other runs of a lane are merged, and every print is one
    /// token on the step and lane that printed it.
    #[test]
    fn bars_and_tokens_follow_the_columns() {
        let t = track_of(
            "import asyncio\n\nasync def w(n):\n    for i in range(2):\n        print(n, i)\n        await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(w('a'), w('b'))\n\nasyncio.run(main())\n",
        );
        let marks = timeline_marks(&t, 0, t.columns.len());
        for m in &marks {
            if let Mark::Bar {
                class,
                lane,
                from,
                to,
                ..
            } = m
            {
                assert!(from < to);
                if *class == "bar running" {
                    assert_eq!(to - from, 1, "a running slice is one column");
                }
                for col in *from..*to {
                    assert_ne!(cell_at(&t, col, *lane), Cell::Empty);
                }
            }
        }
        let tokens = timeline_tokens(&t, 0, t.columns.len());
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
        let later = timeline_tokens(&t, 3, t.columns.len());
        assert!(later
            .iter()
            .all(|m| matches!(m, Mark::Token { step, .. } if *step >= 3)));
    }
}
