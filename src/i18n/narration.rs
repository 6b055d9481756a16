//! The step narration in the reader's language: the engine says what a
//! step did as [`Phrase`]s (names, times, counts, CPython's own texts, no
//! words); this words each one with a language's [`Ui`] templates. With
//! the English table the text is the engine's own English
//! ([`looplab_engine::snapshot::english`]), byte for byte (the test below).

use super::{fill, Ui};
use looplab_engine::snapshot::{
    Canceller, Phrase, Snapshot, TaskDid, TaskState, ThreadWait, Waiting, Who,
};
use looplab_engine::trace::{format_secs, RunEnding, TaskId, WaitReason};

/// A step's narration: its phrases' sentences, a space after a Latin full
/// stop (none after an ideographic one, `。`).
pub fn narration(u: &Ui, phrases: &[Phrase]) -> String {
    let mut out = String::new();
    for p in phrases {
        let sentence = phrase(u, p);
        if out.chars().next_back().is_some_and(|c| c.is_ascii()) && !sentence.is_empty() {
            out.push(' ');
        }
        out.push_str(&sentence);
    }
    out
}

/// One sentence.
pub fn phrase(u: &Ui, p: &Phrase) -> String {
    let t = |ns: &u64| format_secs(*ns);
    match p {
        Phrase::ClockJumped { from_ns, to_ns } => {
            fill(u.narr_clock_jumped, &[&t(from_ns), &t(to_ns)])
        }
        Phrase::ClockMoved { from_ns, to_ns } => {
            fill(u.narr_clock_moved, &[&t(from_ns), &t(to_ns)])
        }
        Phrase::Setup => u.narr_setup.into(),
        Phrase::Task { task, thrown, did } => {
            let subject = match thrown {
                Some(exc) => fill(u.narr_task_resumed, &[task, exc]),
                None => fill(u.narr_task_subject, &[task]),
            };
            task_did(u, &subject, did)
        }
        Phrase::SleepTimerFired => u.narr_sleep_timer_fired.into(),
        Phrase::CopiedOutcome { task } => fill(u.narr_copied_outcome, &[task]),
        Phrase::GroupTaskFailed { task, exc } => fill(u.narr_group_task_failed, &[task, exc]),
        Phrase::GroupTaskDone { task } => fill(u.narr_group_task_done, &[task]),
        Phrase::Callback { func } => fill(u.narr_callback, &[func]),
        Phrase::JobDone { job } => fill(u.narr_job_done, &[job]),
        Phrase::LoopStops => u.narr_loop_stops.into(),
        Phrase::Ended { ending } => match ending {
            RunEnding::Completed => u.narr_finished.into(),
            RunEnding::Exited { status } => fill(u.narr_exited, &[status]),
            RunEnding::Uncaught { last_line } => fill(u.narr_uncaught, &[last_line]),
            RunEnding::Hang => u.narr_hang.into(),
            RunEnding::Limit { which, message } => fill(
                u.narr_stopped,
                &[&super::limits::limit_message(u, which, message)],
            ),
            RunEnding::SyntaxError { message } => fill(u.narr_syntax_error, &[message]),
        },
        Phrase::TimeSleepBlocked { ns } => fill(u.narr_time_sleep_blocked, &[&t(ns)]),
        Phrase::Computed { ns, instructions } => fill(u.narr_computed, &[&t(ns), instructions]),
        Phrase::RanInstructions { instructions } => fill(u.narr_ran_instructions, &[instructions]),
        Phrase::CancelAsked { by, task } => {
            let by = match by {
                Canceller::Task(name) => name.as_str(),
                Canceller::TaskGroup => u.narr_the_task_group,
                Canceller::Program => u.narr_the_program,
            };
            fill(u.narr_cancel_asked, &[&by, task])
        }
        Phrase::Woke { task } => fill(u.narr_woke, &[task]),
        Phrase::Created { tasks } => fill(u.narr_created, &[&list(u, tasks)]),
        Phrase::TurnEnded { who: w } => fill(u.narr_ran_to_end, &[&starting(u, who(u, w))]),
        Phrase::TurnBlocked { who: w, why } => {
            let w = starting(u, who(u, w));
            match why {
                Some(why) => fill(u.narr_ran_until_blocked, &[&w, &thread_wait(u, why)]),
                None => fill(u.narr_ran, &[&w]),
            }
        }
        Phrase::ThreadsStarted { names } => fill(u.narr_started_threads, &[&list(u, names)]),
        Phrase::ThreadsTookTurns => u.narr_threads_took_turns.into(),
        Phrase::AlsoRanBlocked { who: w, why } => fill(
            u.narr_also_ran_blocked,
            &[&starting(u, who(u, w)), &thread_wait(u, why)],
        ),
        Phrase::AlsoRan { who: ws } => {
            let names: Vec<String> = ws.iter().map(|w| who(u, w)).collect();
            let template = match names.len() {
                1 => u.narr_also_ran_one,
                _ => u.narr_also_ran_each,
            };
            fill(template, &[&starting(u, list(u, &names))])
        }
        Phrase::ThreadEnded { name } => fill(u.narr_thread_ended, &[name]),
        Phrase::AThreadEnded => u.narr_a_thread_ended.into(),
        Phrase::ThreadsEnded { count } => fill(u.narr_threads_ended, &[count]),
    }
}

/// What a task step came to, after its subject (`narr_task_subject`, or
/// `narr_task_resumed` when an exception was thrown in).
fn task_did(u: &Ui, subject: &str, did: &TaskDid) -> String {
    match did {
        TaskDid::AwaitedSleep { until_ns } => {
            let until = until_ns.map(format_secs).unwrap_or_else(|| "?".into());
            fill(u.narr_awaited_sleep, &[&subject, &until])
        }
        TaskDid::AwaitedTask { task } => fill(u.narr_awaited_task, &[&subject, task]),
        TaskDid::AwaitedFuture { fut } => fill(u.narr_awaited_future, &[&subject, fut]),
        TaskDid::Awaited { label } => fill(u.narr_awaited_other, &[&subject, label]),
        TaskDid::Yielded => fill(u.narr_yielded, &[&subject]),
        TaskDid::Returned { value } => fill(u.narr_returned, &[&subject, value]),
        TaskDid::Raised { exc } => fill(u.narr_raised, &[&subject, exc]),
        TaskDid::Cancelled => fill(u.narr_cancelled, &[&subject]),
        TaskDid::Misbehaved { message } => fill(u.narr_misbehaved, &[&subject, message]),
    }
}

/// Why a blocked program thread does not run ("sleeping until t=1.500",
/// "blocked in join(Thread-2)"), as a phrase that follows "it is".
pub fn thread_wait(u: &Ui, w: &ThreadWait) -> String {
    let until = w.until_ns.map(format_secs);
    let other = w.other.as_deref();
    let what = match (&w.reason, other) {
        (Some(WaitReason::Sleep), _) => {
            return fill(u.wait_sleeping, &[&until.as_deref().unwrap_or("?")]);
        }
        (Some(WaitReason::Timer), _) => {
            return match until {
                Some(t) => fill(u.wait_timer_at, &[&t]),
                None => u.wait_timer.into(),
            };
        }
        (Some(WaitReason::EventLoop), _) => {
            return match until {
                Some(t) => fill(u.wait_event_loop_at, &[&t]),
                None => u.wait_event_loop.into(),
            };
        }
        (Some(WaitReason::Join { .. }), Some(t)) => fill(u.wait_join_of, &[&t]),
        (Some(WaitReason::Join { .. }), None) => u.wait_join.into(),
        (Some(WaitReason::Start), _) => u.wait_start.into(),
        (Some(WaitReason::Lock { .. }), Some(h)) => fill(u.wait_lock_of, &[&h]),
        (Some(WaitReason::Lock { .. }), None) => u.wait_lock.into(),
        (Some(WaitReason::RLock { .. }), Some(h)) => fill(u.wait_rlock_of, &[&h]),
        (Some(WaitReason::RLock { .. }), None) => u.wait_rlock.into(),
        (Some(WaitReason::Condition), _) => u.wait_condition.into(),
        (Some(WaitReason::Semaphore), _) => u.wait_semaphore.into(),
        (Some(WaitReason::Event), _) => u.wait_event.into(),
        (Some(WaitReason::Barrier), _) => u.wait_barrier.into(),
        (Some(WaitReason::QueueGet), _) => u.wait_queue_get.into(),
        (Some(WaitReason::QueuePut), _) => u.wait_queue_put.into(),
        (Some(WaitReason::QueueJoin), _) => u.wait_queue_join.into(),
        (Some(WaitReason::PoolWork), _) => u.wait_pool_work.into(),
        (Some(WaitReason::FutureResult), _) => u.wait_future_result.into(),
        (Some(WaitReason::FuturesWait), _) => u.wait_futures_wait.into(),
        (Some(WaitReason::Call { name }), _) => fill(u.wait_call, &[name]),
        (None, _) => u.wait_unknown.into(),
    };
    match until {
        Some(t) => fill(u.wait_at_most, &[&what, &t]),
        None => what,
    }
}

/// A task's state, as the loop panel lists it ("ready", "done: 42",
/// what it waits for).
pub fn task_status(u: &Ui, s: &Snapshot, task: TaskId) -> String {
    let Some(t) = s.tasks.get(&task) else {
        return String::new();
    };
    match &t.state {
        TaskState::Created => u.task_created.into(),
        TaskState::Ready => u.task_ready.into(),
        TaskState::Running => u.task_running.into(),
        TaskState::Waiting { on } => waiting(u, s, on),
        TaskState::Done { result } => fill(u.task_done, &[result]),
        TaskState::Failed { exc } => fill(u.task_failed, &[exc]),
        TaskState::Cancelled => u.task_cancelled.into(),
    }
}

/// What a task waits for: "sleep until t=1.000", "task B", "future #3",
/// or the library's label ("lock", "queue.get").
pub fn waiting(u: &Ui, s: &Snapshot, on: &Waiting) -> String {
    match on {
        Waiting::Sleep {
            until_ns: Some(t), ..
        } => fill(u.waits_sleep_until, &[&format_secs(*t)]),
        Waiting::Sleep { until_ns: None, .. } => u.waits_sleep.into(),
        Waiting::Task { task } => {
            let name = s
                .tasks
                .get(task)
                .map_or_else(|| format!("#{task}"), |t| t.name.clone());
            fill(u.waits_task, &[&name])
        }
        Waiting::Future { fut, label } if label == "future" => fill(u.waits_future, &[fut]),
        Waiting::Future { label, .. } => label.clone(),
    }
}

/// A thread a sentence names.
fn who(u: &Ui, w: &Who) -> String {
    match w {
        Who::MainThread => u.narr_main_thread.into(),
        Who::Named(name) => name.clone(),
        Who::Index(t) => fill(u.narr_thread_n, &[t]),
        Who::Another => u.narr_another_thread.into(),
    }
}

/// `s` as the start of a sentence: first letter upper-cased in a language
/// with case.
fn starting(u: &Ui, mut s: String) -> String {
    if u.sentence_case {
        if let Some(first) = s.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    s
}

/// "a", "a and b", "a, b and c" (in the language's words).
fn list(u: &Ui, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => fill(u.list_pair, &[&init.join(u.list_comma), last]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use looplab_engine::run::{run_program, CpuModel, Limits};
    use looplab_engine::snapshot::{english, Timeline};

    /// Every step of every lesson snippet (and of a few programs whose
    /// threads wait in every way the engine records), worded with `lang`'s
    /// table: `check` sees the phrases and the text.
    fn every_step(lang: Lang, check: &mut dyn FnMut(&str, &[Phrase], &str)) -> usize {
        let mut programs: Vec<(String, &str, bool)> = Vec::new();
        for lesson in crate::content::LESSONS {
            for snippet in lesson.snippets {
                let tag = format!("{}-{}", lesson.id, snippet.name);
                programs.push((tag, snippet.code, snippet.cpu_model));
            }
        }
        programs.push(("waits".into(), WAITS, false));
        let mut steps = 0;
        for (tag, code, cpu) in programs {
            let limits = Limits {
                cpu_model: cpu.then(CpuModel::default),
                ..Limits::default()
            };
            let tl = Timeline::new(run_program(code, "main.py", &limits).trace, 64);
            for i in 0..tl.steps.len() {
                let phrases = tl.phrases(i);
                let text = narration(lang.ui(), &phrases);
                check(&format!("{tag} step {i}"), &phrases, &text);
                steps += 1;
            }
        }
        steps
    }

    /// Threads that wait in a lock, a join, a queue, an event, a
    /// condition, a barrier, a semaphore, a sleep and a timer.
    const WAITS: &str = r#"
import threading, queue, time
lock = threading.Lock()
q = queue.Queue()
ev = threading.Event()
cond = threading.Condition()
sem = threading.Semaphore(0)
bar = threading.Barrier(2)
def holder():
    with lock:
        time.sleep(0.5)
def taker():
    with lock:
        pass
    q.get()
    ev.wait()
    with cond:
        cond.wait(timeout=0.2)
    sem.acquire()
    bar.wait()
def main():
    a = threading.Thread(target=holder)
    b = threading.Thread(target=taker, name="worker")
    a.start(); b.start()
    time.sleep(1)
    q.put(1)
    time.sleep(0.1)
    ev.set()
    time.sleep(0.5)
    sem.release()
    bar.wait()
    t = threading.Timer(0.3, lambda: None)
    t.start()
    a.join(); b.join(); t.join()
main()
"#;

    #[test]
    fn english_words_every_step_as_the_engine_does() {
        let steps = every_step(Lang::En, &mut |at, phrases, text| {
            assert_eq!(text, english(phrases), "{at}");
        });
        assert!(steps > 500, "{steps} steps");
    }

    #[test]
    fn chinese_words_every_phrase_in_chinese() {
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let mut kinds = std::collections::BTreeSet::new();
            every_step(lang, &mut |at, phrases, _| {
                for p in phrases {
                    let zh = phrase(lang.ui(), p);
                    assert_ne!(zh, p.english(), "{lang:?} {at}");
                    assert!(
                        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{lang:?} {at}: {zh}"
                    );
                    kinds.insert(
                        format!("{p:?}")
                            .split([' ', '{', '('])
                            .next()
                            .map(String::from),
                    );
                }
            });
            assert!(kinds.len() > 15, "{lang:?}: {kinds:?}");
        }
    }

    #[test]
    fn english_task_states_are_the_engines() {
        let mut seen = 0;
        for lesson in crate::content::LESSONS.iter().take(10) {
            let code = lesson.snippets[0].code;
            let tl = Timeline::new(run_program(code, "main.py", &Limits::default()).trace, 64);
            for i in 0..tl.steps.len() {
                let s = tl.after_step(i);
                for &task in s.tasks.keys() {
                    assert_eq!(task_status(Lang::En.ui(), &s, task), s.task_status(task));
                    let zh = task_status(Lang::ZhHant.ui(), &s, task);
                    assert!(!zh.contains("until") && !zh.contains("done"), "{zh}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }

    #[test]
    fn thread_waits_are_worded_in_each_language() {
        let w = ThreadWait {
            reason: Some(WaitReason::Lock { holder: Some(2) }),
            until_ns: Some(1_500_000_000),
            other: Some("Thread-2 (work)".into()),
        };
        assert_eq!(thread_wait(Lang::En.ui(), &w), w.english());
        assert_eq!(
            thread_wait(Lang::ZhHant.ui(), &w),
            "正在等 Thread-2 (work) 持有的 Lock（最多到 t=1.500）"
        );
        assert_eq!(
            thread_wait(Lang::ZhHans.ui(), &w),
            "正在等 Thread-2 (work) 持有的 Lock（最多到 t=1.500）"
        );
        let who = Phrase::AlsoRan {
            who: vec![Who::MainThread, Who::Named("worker".into()), Who::Another],
        };
        assert_eq!(phrase(Lang::En.ui(), &who), who.english());
        assert_eq!(
            phrase(Lang::ZhHans.ui(), &who),
            "主线程、worker 和 另一个线程 在这一步也运行了，各自运行到阻塞为止。"
        );
    }
}
