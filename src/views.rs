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
    let start_step = StoredValue::new(crate::player::step_url::step_in_url());
    // Every snippet's code as the learner left it (kept per lesson).
    let codes: &'static [SnippetData] = lesson.snippets;
    let codes = StoredValue::new(
        codes
            .iter()
            .map(|s| (s.name, edited_code(lesson.id, s)))
            .collect::<Vec<_>>(),
    );
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
                    player_view(lesson, loaded, start_step, codes).into_any()
                } else {
                    let code = code_of(codes, snippet.name);
                    snippet_view(snippet, code, Some(loaded)).into_any()
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
/// The learner's code of `snippet`: the stored edit, or the lesson's code.
/// Every change is stored (when storage works).
fn edited_code(lesson: &'static str, snippet: &'static SnippetData) -> RwSignal<String> {
    let key = crate::editor::storage_key(lesson, snippet.name);
    let code = RwSignal::new(
        crate::browser::storage_get(&key).unwrap_or_else(|| snippet.code.to_string()),
    );
    store_edits(code, key);
    code
}

/// Writes `code` to storage under `key` after every change, once typing
/// pauses (a long program is not copied into storage on every key).
fn store_edits(code: RwSignal<String>, key: String) {
    let generation = StoredValue::new(0u64);
    let key = StoredValue::new(key);
    Effect::new(move |prev: Option<()>| {
        code.track();
        if prev.is_none() {
            return;
        }
        let g = generation.get_value() + 1;
        generation.set_value(g);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(300).await;
            if generation.try_get_value() == Some(g) {
                if let (Some(k), Some(c)) = (key.try_get_value(), code.try_get_untracked()) {
                    crate::browser::storage_set(&k, &c);
                }
            }
        });
    });
}

type Codes = StoredValue<Vec<(&'static str, RwSignal<String>)>>;

fn code_of(codes: Codes, name: &str) -> RwSignal<String> {
    codes
        .with_value(|c| c.iter().find(|(n, _)| *n == name).map(|(_, s)| *s))
        .unwrap_or_else(|| RwSignal::new(String::new()))
}

/// An editor over the player: Ctrl+Enter runs the edited code, whose
/// uncaught exception is marked in the editor.
fn editable_player(
    code: RwSignal<String>,
    original: Option<String>,
    start_step: Option<usize>,
    handle: crate::player::PlayerHandle,
) -> impl IntoView {
    let runs = RwSignal::new(0u64);
    let runtime_error = RwSignal::new(None);
    let on_run = Callback::new(move |()| runs.update(|n| *n += 1));
    let source = code.get_untracked();
    let player = match start_step {
        Some(step) => view! {
            <crate::player::Player source=source start_step=step edited=code
                run_requests=runs runtime_error=runtime_error handle=handle/>
        }
        .into_any(),
        None => view! {
            <crate::player::Player source=source edited=code
                run_requests=runs runtime_error=runtime_error handle=handle/>
        }
        .into_any(),
    };
    let editor = match original {
        Some(original) => view! {
            <crate::editor::Editor code=code original=original on_run=on_run
                runtime_error=runtime_error label="Program"/>
        }
        .into_any(),
        None => view! {
            <crate::editor::Editor code=code on_run=on_run runtime_error=runtime_error label="Program"/>
        }
        .into_any(),
    };
    view! { {editor}{player} }
}

fn player_view(
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
    let handle: crate::player::PlayerHandle = RwSignal::new(None);
    let player = move || {
        let s = snippet();
        let step = start_step.try_update_value(|v| v.take()).flatten();
        editable_player(
            code_of(codes, s.name),
            Some(s.code.to_string()),
            step,
            handle,
        )
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
            <crate::embed::PlayerTools handle=handle lesson=lesson/>
        </figure>
    }
}

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
    let label = if snippet.variation { "Try this: " } else { "" };
    view! {
        <figure class=class data-testid="snippet" data-snippet=snippet.name>
            <figcaption>{label}{snippet.title}</figcaption>
            <crate::editor::Editor code=code original=snippet.code.to_string() label=snippet.title/>
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

/// The playground: an editor and the player on any program, starting from
/// the URL's `#code=`, the last playground program, or the template.
pub fn playground_page() -> impl IntoView {
    use crate::editor::examples::{EXAMPLES, TEMPLATE};
    crate::browser::set_title("Playground · Looplab");
    const KEY: &str = "looplab.playground";
    let (_, hash) = crate::browser::location();
    let start_step = crate::route::step_from_hash(&hash);
    // A share link (`#z=`) first; a damaged one says so above the editor
    // instead of leaving the page blank. Then `#code=`, the last playground
    // program, the template.
    let (shared, problem) = match crate::embed::share::program_in_hash(&hash) {
        Some(Ok(code)) => (Some(code), None),
        Some(Err(e)) => (None, Some(e.to_string())),
        None => (None, None),
    };
    let initial = shared
        .or_else(|| crate::route::code_from_hash(&hash))
        .or_else(|| crate::browser::storage_get(KEY))
        .unwrap_or_else(|| TEMPLATE.to_string());
    let code = RwSignal::new(initial);
    let handle: crate::player::PlayerHandle = RwSignal::new(None);
    store_edits(code, KEY.to_string());
    let examples = EXAMPLES
        .iter()
        .map(|(id, title, _)| view! { <option value=format!("example:{id}")>{*title}</option> })
        .collect_view();
    let lessons = LESSONS
        .iter()
        .map(|l| view! { <option value=format!("lesson:{}", l.id)>{format!("{:02}. {}", l.order, l.title)}</option> })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let picked = if let Some(id) = value.strip_prefix("example:") {
            EXAMPLES.iter().find(|e| e.0 == id).map(|e| e.2)
        } else if let Some(id) = value.strip_prefix("lesson:") {
            content::lesson(id).map(|l| l.main_snippet().code)
        } else {
            None
        };
        if let Some(c) = picked {
            code.set(c.to_string());
        }
    };
    // The download link gets its href when clicked (not on every key).
    let export = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let href = code.with_untracked(|c| {
            format!(
                "data:text/x-python;charset=utf-8,{}",
                js_sys::encode_uri_component(c)
            )
        });
        if let Some(a) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = a.set_attribute("href", &href);
        }
    };
    view! {
        <section class="playground" data-testid="playground">
            <h1>"Playground"</h1>
            <p class="lede">"Write any asyncio program, press Ctrl+Enter (or Run) and watch it run."</p>
            <div class="play-bar" role="toolbar" aria-label="Playground">
                <label>"Start from "
                    <select data-testid="examples" prop:value="" on:change=choose>
                        <option value="" disabled=true>"Choose an example…"</option>
                        <optgroup label="Examples">{examples}</optgroup>
                        <optgroup label="Lessons">{lessons}</optgroup>
                    </select>
                </label>
                <a class="button" data-testid="export" download="looplab.py" href="#" on:click=export>"Export .py"</a>
            </div>
            {problem.map(|p| view! {
                <p class="share-error" role="alert" data-testid="share-error">{p}" Showing another program instead."</p>
            })}
            {editable_player(code, None, start_step, handle)}
            <crate::embed::PlayerTools handle=handle/>
        </section>
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
