//! A lesson page (`?lesson=<id>`): its prose, its snippets (the main one in
//! the player, the others loadable into it, each editable and kept), its
//! prediction exercises (each after the snippet it names) and the links to its neighbours.

use super::not_found;
use crate::browser;
use crate::content::{self, LessonData, SectionData, SnippetData};
use crate::editable_player::{editable_player, store_edits};
use crate::editor::{storage_key, Editor};
use crate::embed::PlayerTools;
use crate::i18n::{fill, ui};
use crate::link::Link;
use crate::player::step_url::step_in_url;
use crate::player::{CpuChoice, PlayerHandle};
use crate::predict::Predict;
use crate::route::Route;
use leptos::prelude::*;

/// The lesson `id`, or the not-found page.
pub fn lesson_page(id: String) -> AnyView {
    let Some(lesson) = content::lesson(&id) else {
        return not_found::not_found(format!("lesson={id}")).into_any();
    };
    let t = ui();
    crate::browser::set_title(&fill(t.page_title, &[&lesson.title]));
    // The program in the player: the main snippet, or a variation the
    // learner loaded. The URL's `#step=N` applies to the first one shown.
    let loaded = RwSignal::new(lesson.main_snippet().name);
    let start_step = StoredValue::new(step_in_url());
    // Every snippet's code as the learner left it (kept per lesson).
    let codes: &'static [SnippetData] = lesson.snippets;
    let codes = StoredValue::new(
        codes
            .iter()
            .map(|s| (s.name, edited_code(lesson.id, s)))
            .collect::<Vec<_>>(),
    );
    let section = move |s: &'static SectionData| match s {
        SectionData::Prose(html) => view! { <div class="prose" inner_html=*html></div> }.into_any(),
        SectionData::Snippet(i) => {
            let snippet = &lesson.snippets[*i];
            // The snippet's exercise, if a predict block names it.
            let predict = lesson
                    .predicts
                    .iter()
                    .find(|p| p.snippet == snippet.name)
                    .map(|p| {
                        view! {
                            <Predict lesson=lesson data=p source=snippet.code cpu_model=snippet.cpu_model/>
                        }
                    });
            // The main snippet is the player; every other snippet can
            // be loaded into it.
            let shown = if std::ptr::eq(snippet, lesson.main_snippet()) {
                lesson_player(lesson, loaded, start_step, codes).into_any()
            } else {
                let code = code_of(codes, snippet.name);
                snippet_view(snippet, code, Some(loaded)).into_any()
            };
            view! { {shown}{predict} }.into_any()
        }
    };
    // The first screen (up to the player) is built at once; the sections
    // after it (more prose, the other snippets' editors, the exercises)
    // once the page is idle, so that a cold load's first task, first
    // layout and a first Run do not wait for them (issue #19). The
    // article says `data-complete` when everything is there.
    let split = lesson
        .sections
        .iter()
        .position(|s| matches!(s, SectionData::Snippet(i) if std::ptr::eq(&lesson.snippets[*i], lesson.main_snippet())))
        .map_or(lesson.sections.len(), |i| i + 1);
    let (first, rest) = lesson.sections.split_at(split);
    let first = first.iter().map(section).collect_view();
    let complete = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        browser::when_idle(REST_TIMEOUT_MS).await;
        complete.try_set(true);
    });
    let rest = move || {
        complete.get().then(|| {
            view! {
                {rest.iter().map(section).collect_view()}
                <nav class="lesson-nav" aria-label=ui().lessons>{neighbours(lesson)}</nav>
            }
        })
    };
    view! {
        <article class="lesson" data-testid="lesson" data-lesson=lesson.id
            data-complete=move || complete.get().then_some("")>
            <p class="breadcrumb"><Link route=Route::Index>{t.lessons}</Link>" / "{fill(t.lesson_n, &[&lesson.order])}</p>
            {language_note(lesson)}
            <h1>{lesson.title}</h1>
            <p class="lede">{lesson.summary}</p>
            {first}
            {rest}
        </article>
    }
    .into_any()
}

/// How long the sections after the player wait for the page to be idle at
/// most, ms.
const REST_TIMEOUT_MS: u32 = 1_000;

/// Why the lesson is in English when the page's language is not, if so.
fn language_note(lesson: &LessonData) -> Option<impl IntoView> {
    let lang = crate::i18n::current();
    let note = content::load::failure_note(lang)
        .or_else(|| (!lesson.translated).then(|| ui().lesson_in_english.to_string()))?;
    Some(view! { <p class="note lessons-note" data-testid="lessons-note" role="status">{note}</p> })
}

fn neighbours(lesson: &LessonData) -> impl IntoView {
    let lessons = content::lessons();
    let pos = lessons.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let prev = pos.checked_sub(1).map(|i| &lessons[i]);
    let next = lessons.get(pos + 1);
    view! {
        {prev.map(|l| view! { <span class="prev">"← "<Link route=Route::Lesson(l.id.into())>{l.title}</Link></span> })}
        {next.map(|l| view! { <span class="next"><Link route=Route::Lesson(l.id.into())>{l.title}</Link>" →"</span> })}
    }
}

/// The learner's code of `snippet`: the stored edit, or the lesson's code.
/// Every change is stored (when storage works).
fn edited_code(lesson: &'static str, snippet: &'static SnippetData) -> RwSignal<String> {
    let key = storage_key(lesson, snippet.name);
    let code =
        RwSignal::new(browser::storage_get(&key).unwrap_or_else(|| snippet.code.to_string()));
    store_edits(code, key);
    code
}

type Codes = StoredValue<Vec<(&'static str, RwSignal<String>)>>;

fn code_of(codes: Codes, name: &str) -> RwSignal<String> {
    codes
        .with_value(|c| c.iter().find(|(n, _)| *n == name).map(|(_, s)| *s))
        .unwrap_or_else(|| RwSignal::new(String::new()))
}

/// The lesson's player, showing the loaded snippet (the main one at first).
fn lesson_player(
    lesson: &'static LessonData,
    loaded: RwSignal<&'static str>,
    start_step: StoredValue<Option<usize>>,
    codes: Codes,
) -> impl IntoView {
    let snippet = move || {
        let name = loaded.get();
        lesson
            .snippets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or(lesson.main_snippet())
    };
    let handle: PlayerHandle = RwSignal::new(None);
    let player = move || {
        let s = snippet();
        let step = start_step.try_update_value(|v| v.take()).flatten();
        editable_player(
            code_of(codes, s.name),
            Some(s.code.to_string()),
            step,
            handle,
            false,
            if s.cpu_model {
                CpuChoice::model()
            } else {
                CpuChoice::default()
            },
        )
    };
    let caption = move || {
        let s = snippet();
        let label = if s.variation { ui().try_this } else { "" };
        format!("{label}{}", s.title)
    };
    view! {
        <figure class="snippet in-player" id="player" data-testid="snippet" data-snippet=move || snippet().name>
            <figcaption>{caption}</figcaption>
            {player}
            <PlayerTools handle=handle lesson=lesson/>
        </figure>
    }
}

/// A snippet other than the player's: an editor, and a button that loads
/// it into the player.
fn snippet_view(
    snippet: &'static SnippetData,
    code: RwSignal<String>,
    loaded: Option<RwSignal<&'static str>>,
) -> impl IntoView {
    let class = if snippet.variation {
        "snippet variation"
    } else {
        "snippet"
    };
    let label = if snippet.variation { ui().try_this } else { "" };
    view! {
        <figure class=class data-testid="snippet" data-snippet=snippet.name>
            <figcaption>{label}{snippet.title}</figcaption>
            <Editor code=code original=snippet.code.to_string() label=snippet.title/>
            {loaded.map(|loaded| view! {
                <button class="load-in-player" data-testid="load-in-player" on:click=move |_| {
                    loaded.set(snippet.name);
                    browser::scroll_to_id("player");
                }>{ui().load_in_player}</button>
            })}
        </figure>
    }
}
