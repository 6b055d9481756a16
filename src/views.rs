//! The pages. Views only render state; they hold no logic worth testing that
//! is not in a plain type elsewhere.

use crate::app::AppState;
use crate::content::{self, LessonData, SectionData, SnippetData, LESSONS};
use crate::route::Route;
use leptos::prelude::*;

/// True for a left click without modifier keys: the ones the app handles
/// itself. Others (open in new tab…) are left to the browser.
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// An in-app link: a real `<a href>` (so it can be opened in a new tab and
/// works without JS routing), intercepted for plain clicks.
#[component]
pub fn Link(route: Route, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = match route.to_search() {
        s if s.is_empty() => "./".to_string(),
        s => s,
    };
    let target = route.clone();
    let current = move || (state.route.get() == route).then_some("page");
    view! {
        <a href=href aria-current=current on:click=move |ev| {
            if plain_click(&ev) {
                ev.prevent_default();
                state.navigate(target.clone());
            }
        }>{children()}</a>
    }
}

pub fn index_page() -> impl IntoView {
    crate::browser::set_title("Looplab: see asyncio run");
    let done = crate::predict::done_ids();
    let completed = LESSONS
        .iter()
        .filter(|l| done.iter().any(|d| d == l.id))
        .count();
    let items = LESSONS
        .iter()
        .map(|l| {
            let is_done = done.iter().any(|d| d == l.id);
            view! {
                <li class="lesson-card" data-testid="lesson-card" data-lesson=l.id>
                    <span class="lesson-number" aria-hidden="true">{format!("{:02}", l.order)}</span>
                    <div>
                        <h3><Link route=Route::Lesson(l.id.to_string())>{l.title}</Link></h3>
                        <p>{l.summary}</p>
                        {is_done.then(|| view! {
                            <p class="lesson-done" data-testid="lesson-done"><span aria-hidden="true">"✓ "</span>"completed"</p>
                        })}
                    </div>
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
            <ol class="lesson-list" data-testid="lesson-index">{items}</ol>
        </section>
    }
}

pub fn lesson_page(id: String) -> AnyView {
    let Some(lesson) = content::lesson(&id) else {
        return not_found(format!("lesson={id}")).into_any();
    };
    crate::browser::set_title(&format!("{} · Looplab", lesson.title));
    let neighbours = neighbours(lesson);
    // The program in the player: the main snippet, or a variation the
    // learner loaded. The URL's `#step=N` applies to the first one shown.
    let loaded = RwSignal::new(lesson.main_snippet().name);
    let start_step = StoredValue::new(crate::player::step_in_url());
    let body = lesson
        .sections
        .iter()
        .map(|s| match s {
            SectionData::Prose(html) => {
                view! { <div class="prose" inner_html=*html></div> }.into_any()
            }
            SectionData::Snippet(i) => {
                let snippet = &lesson.snippets[*i];
                let predict = lesson
                    .predict
                    .as_ref()
                    .filter(|p| p.snippet == snippet.name)
                    .map(|p| {
                        view! {
                            <crate::predict::Predict lesson_id=lesson.id data=p source=snippet.code/>
                        }
                    });
                // The main snippet is the player; every other snippet can
                // be loaded into it.
                let shown = if std::ptr::eq(snippet, lesson.main_snippet()) {
                    player_view(lesson, loaded, start_step).into_any()
                } else {
                    snippet_view(snippet, Some(loaded)).into_any()
                };
                view! { {shown}{predict} }.into_any()
            }
        })
        .collect_view();
    view! {
        <article class="lesson" data-testid="lesson" data-lesson=lesson.id>
            <p class="breadcrumb"><Link route=Route::Index>"Lessons"</Link>" / "{format!("Lesson {}", lesson.order)}</p>
            <h1>{lesson.title}</h1>
            <p class="lede">{lesson.summary}</p>
            {body}
            <nav class="lesson-nav" aria-label="Lessons">{neighbours}</nav>
        </article>
    }
    .into_any()
}

fn neighbours(lesson: &LessonData) -> impl IntoView {
    let pos = LESSONS.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let prev = pos.checked_sub(1).map(|i| &LESSONS[i]);
    let next = LESSONS.get(pos + 1);
    view! {
        {prev.map(|l| view! { <span class="prev">"← "<Link route=Route::Lesson(l.id.into())>{l.title}</Link></span> })}
        {next.map(|l| view! { <span class="next"><Link route=Route::Lesson(l.id.into())>{l.title}</Link>" →"</span> })}
    }
}

/// The lesson's player, showing the loaded snippet (the main one at first).
fn player_view(
    lesson: &'static LessonData,
    loaded: RwSignal<&'static str>,
    start_step: StoredValue<Option<usize>>,
) -> impl IntoView {
    let snippet = move || {
        let name = loaded.get();
        lesson
            .snippets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or(lesson.main_snippet())
    };
    let player = move || {
        let s = snippet();
        let step = start_step.try_update_value(|v| v.take()).flatten();
        match step {
            Some(step) => {
                view! { <crate::player::Player source=s.code.to_string() start_step=step/> }
                    .into_any()
            }
            None => view! { <crate::player::Player source=s.code.to_string()/> }.into_any(),
        }
    };
    let caption = move || {
        let s = snippet();
        let label = if s.variation { "Try this: " } else { "" };
        format!("{label}{}", s.title)
    };
    view! {
        <figure class="snippet in-player" id="player" data-testid="snippet" data-snippet=move || snippet().name>
            <figcaption>{caption}</figcaption>
            {player}
        </figure>
    }
}

fn snippet_view(
    snippet: &'static SnippetData,
    loaded: Option<RwSignal<&'static str>>,
) -> impl IntoView {
    let class = if snippet.variation {
        "snippet variation"
    } else {
        "snippet"
    };
    let label = if snippet.variation { "Try this: " } else { "" };
    view! {
        <figure class=class data-testid="snippet" data-snippet=snippet.name>
            <figcaption>{label}{snippet.title}</figcaption>
            {code_view(snippet.code)}
            {loaded.map(|loaded| view! {
                <button class="load-in-player" data-testid="load-in-player" on:click=move |_| {
                    loaded.set(snippet.name);
                    crate::browser::scroll_to_id("player");
                }>"Load in player"</button>
            })}
        </figure>
    }
}

/// Source code with line numbers. Text is inserted as text nodes, so code
/// containing markup is always shown, never interpreted.
pub fn code_view(code: &str) -> impl IntoView {
    let lines = code
        .trim_end_matches('\n')
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            view! {
                <span class="code-line"><span class="line-no" aria-hidden="true">{i + 1}</span><span class="line-text">{line.to_string()}</span>"\n"</span>
            }
        })
        .collect_view();
    view! { <pre class="code" data-testid="code"><code>{lines}</code></pre> }
}

pub fn playground_page() -> impl IntoView {
    crate::browser::set_title("Playground · Looplab");
    view! {
        <section class="playground" data-testid="playground">
            <h1>"Playground"</h1>
            <p class="lede">"Watch an asyncio program run. The editor arrives here next; a link with "<code>"#code=…"</code>" opens any program in the player."</p>
            {player_for_link()}
        </section>
    }
}

/// The player on the program of the URL's `#code=` (or the first lesson's).
fn player_for_link() -> impl IntoView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let code = crate::route::code_from_hash(&hash)
        .unwrap_or_else(|| content::LESSONS[0].main_snippet().code.to_string());
    match crate::route::step_from_hash(&hash) {
        Some(step) => view! { <crate::player::Player source=code start_step=step/> }.into_any(),
        None => view! { <crate::player::Player source=code/> }.into_any(),
    }
}

pub fn not_found(query: String) -> impl IntoView {
    crate::browser::set_title("Not found · Looplab");
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"Looplab has no page for "<code>{format!("?{query}")}</code>"."</p>
            <p><Link route=Route::Index>"Go to the lesson index"</Link></p>
        </section>
    }
}
