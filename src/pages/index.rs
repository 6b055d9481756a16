//! The index page (`./`): the lessons, in order, with the learner's progress.

use crate::content::{self, parts, LessonData};
use crate::i18n::{fill, ui};
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;

/// The lesson index.
pub fn index_page() -> impl IntoView {
    let t = ui();
    crate::browser::set_title(t.index_title);
    let done = crate::predict::progress::done_ids();
    let lessons = content::lessons();
    let completed = lessons
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
                        <p class="lesson-done" data-testid="lesson-done"><span aria-hidden="true">"✓ "</span>{t.completed}</p>
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
        {content::load::failure_note(crate::i18n::current()).map(|note| view! {
            <p class="note lessons-note" data-testid="lessons-note" role="status">{note}</p>
        })}
        <section class="hero">
            <h1>{t.index_heading}</h1>
            <p class="lede">{t.index_lede}</p>
        </section>
        <section aria-labelledby="lessons-heading">
            <h2 id="lessons-heading">{t.lessons}</h2>
            <p class="lesson-progress" data-testid="lesson-progress">{fill(t.n_of_m_completed, &[&completed, &lessons.len()])}</p>
            <ol class="lesson-parts" data-testid="lesson-index">{parts}</ol>
        </section>
    }
}
