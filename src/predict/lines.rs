//! The exercise's logic, plain Rust and tested natively: the output lines
//! of a run, the starting shuffle, moving a line, where a dragged line
//! lands, the first difference, and the stored list of completed lessons.

use looplab_engine::run::RunOutcome;

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

/// The stored entry of one exercise: `lesson/snippet`. (A bare lesson id,
/// the only kind stored before lessons had several exercises, means the
/// whole lesson is completed.)
pub fn exercise_entry(lesson: &str, snippet: &str) -> String {
    format!("{lesson}/{snippet}")
}

/// Whether the exercise on `snippet` is done: its own entry, or its whole
/// lesson's.
pub fn exercise_done(done: &[String], lesson: &str, snippet: &str) -> bool {
    let entry = exercise_entry(lesson, snippet);
    done.iter().any(|d| *d == entry || d == lesson)
}

/// `done` with the exercise on `snippet` recorded, and its lesson too once
/// every exercise of the lesson (`all`, the snippets they name) is done.
pub fn with_exercise_done(
    done: &[String],
    lesson: &str,
    snippet: &str,
    all: &[&str],
) -> Vec<String> {
    let mut out = done.to_vec();
    if !exercise_done(&out, lesson, snippet) {
        out.push(exercise_entry(lesson, snippet));
    }
    if !out.iter().any(|d| d == lesson) && all.iter().all(|s| exercise_done(&out, lesson, s)) {
        out.push(lesson.to_string());
    }
    out
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

    #[test]
    fn exercises_complete_their_lesson() {
        let all = ["main", "race"];
        let one = with_exercise_done(&[], "choosing", "race", &all);
        assert_eq!(one, v(&["choosing/race"]));
        assert!(exercise_done(&one, "choosing", "race"));
        assert!(!exercise_done(&one, "choosing", "main"));
        let both = with_exercise_done(&one, "choosing", "main", &all);
        assert_eq!(both, v(&["choosing/race", "choosing/main", "choosing"]));
        assert_eq!(with_exercise_done(&both, "choosing", "main", &all), both);
        // A lesson of one exercise is completed by it.
        assert_eq!(
            with_exercise_done(&[], "sleep", "main", &["main"]),
            v(&["sleep/main", "sleep"])
        );
        // Progress stored before lessons had several exercises: a bare
        // lesson id still completes every exercise of it.
        let old = parse_done("sleep,choosing");
        assert!(exercise_done(&old, "choosing", "race"));
        assert!(exercise_done(&old, "sleep", "main"));
        assert!(!exercise_done(&old, "gather", "main"));
        assert_eq!(with_exercise_done(&old, "choosing", "main", &all), old);
    }
}
