//! The index page (`./`): the lessons, in order, with the learner's progress.

use crate::content::{parts, LessonData, LESSONS};
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;

/// The lesson index.
pub fn index_page() -> impl IntoView {
    crate::browser::set_title("Looplab: see asyncio run");
    let done = crate::predict::progress::done_ids();
    let completed = LESSONS
        .iter()
        .filter(|l| done.iter().any(|d| d == l.id))
        .count();
    let card = move |l: &'static LessonData| {
        let is_done = done.iter().any(|d| d == l.id);
        view! {
            <li class="lesson-card" data-testid="lesson-card" data-lesson=l.id>
                <span class="lesson-number" aria-hidden="true">{format!("{:02}", l.order)}</span>
                <div>
                    <h4><Link route=Route::Lesson(l.id.to_string())>{l.title}</Link></h4>
                    <p>{l.summary}</p>
                    {is_done.then(|| view! {
                        <p class="lesson-done" data-testid="lesson-done"><span aria-hidden="true">"✓ "</span>"completed"</p>
                    })}
                </div>
            </li>
        }
    };
    let parts = parts()
        .into_iter()
        .map(|(part, lessons)| {
            let items = lessons.iter().map(&card).collect_view();
            view! {
                <li class="lesson-part" data-testid="lesson-part" data-part=part>
                    <h3 class="lesson-part-title">{part}</h3>
                    <ol class="lesson-list">{items}</ol>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="hero">
            <h1>"See Python's asyncio run, one step at a time"</h1>
            <p class="lede">
                "Press Run and watch every task take its turn on the event loop: who is running, who is "
                "ready, who is waiting and until when. Every program prints exactly what CPython prints."
            </p>
        </section>
        <section aria-labelledby="lessons-heading">
            <h2 id="lessons-heading">"Lessons"</h2>
            <p class="lesson-progress" data-testid="lesson-progress">{format!("{completed} of {} completed", LESSONS.len())}</p>
            <ol class="lesson-parts" data-testid="lesson-index">{parts}</ol>
        </section>
    }
}
