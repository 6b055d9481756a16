//! The editor component. The textarea is the source of truth for typing;
//! every change is mirrored into the `code` signal and redrawn in the
//! highlighted layer underneath, line by line (only lines that changed
//! touch the DOM, so a 2,000-line program stays quick to type in).
//!
//! The editor's elements are made from one static HTML string and wired
//! with plain `web_sys` calls and one kind of event closure, not with
//! `view!`: every element type, reactive attribute and event handler in a
//! Leptos view is its own generic instantiation in the wasm, and the editor
//! is meant to cost a few kilobytes. The logic lives in non-generic
//! functions over [`Ctx`] (the editor's signals) and [`Dom`] (its elements).

use super::edit::{self, byte_to_utf16, utf16_to_byte, EditState};
use super::render::{self, Marker, RunMarks};
use super::undo::{ChangeKind, History};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};

/// Milliseconds of quiet typing before the code is parsed for errors.
const CHECK_DELAY_MS: u32 = 150;

/// The editor's elements, inside its root `.editor-wrap`. Class names are
/// the ones static/style.css styles.
const SKELETON: &str = concat!(
    r#"<div class="ed-bar"><span class="ed-hint"></span></div>"#,
    r#"<div class="editor"><div class="ed-gutter" aria-hidden="true"></div><div class="ed-area">"#,
    r#"<div class="ed-layer" aria-hidden="true"></div>"#,
    r#"<textarea class="ed-input" data-testid="editor" spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"></textarea>"#,
    r#"</div></div>"#,
);

/// The textarea's text and selection, in byte offsets.
fn read_state(ta: &HtmlTextAreaElement) -> EditState {
    let text = ta.value();
    let a = ta.selection_start().ok().flatten().unwrap_or(0) as usize;
    let b = ta.selection_end().ok().flatten().unwrap_or(0) as usize;
    let start = utf16_to_byte(&text, a.min(b));
    let end = utf16_to_byte(&text, a.max(b));
    EditState { text, start, end }
}

/// Shows `s` in the textarea (value and selection).
fn write_state(ta: &HtmlTextAreaElement, s: &EditState) {
    if ta.value() != s.text {
        ta.set_value(&s.text);
    }
    let a = byte_to_utf16(&s.text, s.start) as u32;
    let b = byte_to_utf16(&s.text, s.end) as u32;
    let _ = ta.set_selection_range(a, b);
}

/// Replaces the children of `layer` so that they show `new` (one `<div>`
/// per line), touching only the lines between the unchanged head and tail.
fn redraw(layer: &Element, old: &mut Vec<String>, new: Vec<String>) {
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - head;
    let tail = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = old.len() - head - tail;
    let new_mid = new.len() - head - tail;
    let both = old_mid.min(new_mid);
    let children = layer.children();
    for (i, line) in new.iter().enumerate().skip(head).take(both) {
        if let Some(el) = children.item(i as u32) {
            el.set_inner_html(line);
        }
    }
    for _ in new_mid..old_mid {
        if let Some(el) = children.item((head + both) as u32) {
            el.remove();
        }
    }
    if new_mid > old_mid {
        let doc = layer.owner_document();
        let before = children.item((head + both) as u32);
        for line in &new[head + both..head + new_mid] {
            let Some(el) = doc.as_ref().and_then(|d| d.create_element("div").ok()) else {
                continue;
            };
            el.set_class_name("ed-line");
            el.set_inner_html(line);
            let _ = layer.insert_before(&el, before.as_ref().map(|b| b.unchecked_ref()));
        }
    }
    *old = new;
}

/// The `inputType` of an input event ("insertText", "historyUndo"...).
fn input_type(ev: &web_sys::Event) -> String {
    ev.dyn_ref::<web_sys::InputEvent>()
        .map(|e| e.input_type())
        .unwrap_or_default()
}

/// The editor's elements, found once in its skeleton.
struct Dom {
    /// The textarea the learner types in (the source of truth while typing).
    input: HtmlTextAreaElement,
    /// The highlighted copy of the code under the textarea, one div a line.
    layer: Element,
    /// The scrolling box (`.editor`), marked `has-error` with an error.
    scroller: Element,
    /// The line numbers beside the code.
    gutter: Element,
    /// The box holding the layer, the textarea and the error marker.
    area: Element,
    /// Reset, when there is an original to go back to.
    reset: Option<web_sys::HtmlButtonElement>,
}

/// The editor's reactive state (all `Copy` handles), passed to the
/// functions that handle its events.
#[derive(Clone, Copy)]
struct Ctx {
    /// The code, shared with the player and whoever else shows it.
    code: RwSignal<String>,
    /// Line HTML currently in the layer's DOM.
    drawn: StoredValue<Vec<String>>,
    /// The editor's own undo history.
    history: StoredValue<History>,
    /// The state before the change being made (selection included).
    current: StoredValue<EditState>,
    /// Lines in the code (the textarea's height, the gutter).
    line_count: RwSignal<usize>,
    /// Characters in the longest line (the textarea's width).
    col_count: RwSignal<usize>,
    /// The syntax error found once typing paused, if any.
    syntax: RwSignal<Option<Marker>>,
    /// Bumped at each change, so only the last pending parse reports.
    check_generation: StoredValue<u64>,
    /// After Escape, Tab leaves the editor (keyboard users are never trapped).
    tab_leaves: StoredValue<bool>,
    /// Called on Ctrl+Enter.
    on_run: Option<Callback<()>>,
}

/// Finds `selector` in `root` as a `T`.
fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector).ok()??.dyn_into().ok()
}

/// Fills `root` with the editor's elements and returns them.
fn build(root: &Element, label: &str, uid: u32, reset: bool) -> Option<Dom> {
    root.set_inner_html(SKELETON);
    let hint_id = format!("ed-hint-{uid}");
    let hint: Element = find(root, ".ed-hint")?;
    hint.set_text_content(Some(crate::i18n::ui().editor_hint));
    hint.set_id(&hint_id);
    let input: HtmlTextAreaElement = find(root, ".ed-input")?;
    set_attr(&input, "aria-label", Some(label));
    set_attr(&input, "aria-describedby", Some(&hint_id));
    let reset = if reset {
        let doc = root.owner_document()?;
        let b: web_sys::HtmlButtonElement = doc.create_element("button").ok()?.dyn_into().ok()?;
        b.set_class_name("ed-reset");
        set_attr(&b, "data-testid", Some("reset"));
        set_attr(&b, "title", Some(crate::i18n::ui().reset_title));
        b.set_text_content(Some(crate::i18n::ui().reset));
        b.set_disabled(true);
        find::<Element>(root, ".ed-bar")?.append_child(&b).ok()?;
        Some(b)
    } else {
        None
    };
    Some(Dom {
        input,
        layer: find(root, ".ed-layer")?,
        scroller: find(root, ".editor")?,
        gutter: find(root, ".ed-gutter")?,
        area: find(root, ".ed-area")?,
        reset,
    })
}

/// The event handlers of one editor, kept alive as long as it is shown.
type Handlers = StoredValue<Vec<Closure<dyn FnMut(web_sys::Event)>>, LocalStorage>;

/// Calls `f` on each `event` at `target`, for as long as `keep` lives.
fn listen(keep: Handlers, target: &Element, event: &str, f: Box<dyn FnMut(web_sys::Event)>) {
    let closure = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    keep.update_value(|v| v.push(closure));
}

/// Scrolls the editor so the caret's line is visible.
fn reveal(cx: Ctx, dom: &Dom, s: &EditState) {
    let lines = cx.line_count.get_untracked().max(1) as f64;
    let line = s.text[..s.start].matches('\n').count() as f64;
    let lh = f64::from(dom.input.scroll_height()) / (lines + 1.0);
    let top = line * lh;
    let view_top = f64::from(dom.scroller.scroll_top());
    let view_h = f64::from(dom.scroller.client_height());
    if top < view_top {
        dom.scroller.set_scroll_top(top as i32);
    } else if top + 2.0 * lh > view_top + view_h {
        dom.scroller
            .set_scroll_top((top + 2.0 * lh - view_h) as i32);
    }
}

/// Shows `next` (an edit made by a key) and records the state before it.
fn apply(cx: Ctx, dom: &Dom, next: EditState, kind: ChangeKind) {
    cx.history
        .update_value(|h| h.record(&cx.current.get_value(), kind));
    show(cx, dom, next);
}

/// Puts `next` in the textarea and the code signal.
fn show(cx: Ctx, dom: &Dom, next: EditState) {
    write_state(&dom.input, &next);
    reveal(cx, dom, &next);
    cx.code.set(next.text.clone());
    cx.current.set_value(next);
}

/// Undo (`forward` false) or redo.
fn travel(cx: Ctx, dom: &Dom, forward: bool) {
    let now = read_state(&dom.input);
    let next = cx
        .history
        .try_update_value(|h| if forward { h.redo(&now) } else { h.undo(&now) })
        .flatten();
    if let Some(next) = next {
        show(cx, dom, next);
    }
}

/// The keys the editor handles itself (Ctrl+Enter, Enter, Tab, Backspace,
/// undo and redo); everything else is the textarea's.
fn on_keydown(cx: Ctx, dom: &Dom, ev: &web_sys::KeyboardEvent) {
    let key = ev.key();
    let cmd = ev.ctrl_key() || ev.meta_key();
    let plain = !cmd && !ev.alt_key();
    if key != "Tab" {
        cx.tab_leaves.set_value(key == "Escape");
    }
    match key.as_str() {
        "Enter" if cmd => {
            ev.prevent_default();
            cx.history.update_value(History::seal);
            if let Some(run) = cx.on_run {
                run.run(());
            }
        }
        "Enter" if plain && !ev.shift_key() => {
            ev.prevent_default();
            apply(
                cx,
                dom,
                edit::newline(&read_state(&dom.input)),
                ChangeKind::Other,
            );
        }
        "Tab" if plain && !cx.tab_leaves.get_value() => {
            ev.prevent_default();
            let s = read_state(&dom.input);
            let next = if ev.shift_key() {
                edit::dedent(&s)
            } else {
                edit::indent(&s)
            };
            apply(cx, dom, next, ChangeKind::Other);
        }
        "Backspace" if plain => {
            if let Some(next) = edit::backspace(&read_state(&dom.input)) {
                ev.prevent_default();
                apply(cx, dom, next, ChangeKind::Deleting);
            }
        }
        "z" | "Z" if cmd && !ev.alt_key() => {
            ev.prevent_default();
            travel(cx, dom, ev.shift_key());
        }
        "y" | "Y" if cmd && !ev.alt_key() => {
            ev.prevent_default();
            travel(cx, dom, true);
        }
        k if k.starts_with("Arrow") || matches!(k, "Home" | "End" | "PageUp" | "PageDown") => {
            cx.history.update_value(History::seal);
        }
        _ => {}
    }
}

/// The browser's own undo/redo (menu, gestures) goes to our history; any
/// other input first notes the state before it.
fn on_beforeinput(cx: Ctx, dom: &Dom, ev: &web_sys::Event) {
    match input_type(ev).as_str() {
        "historyUndo" => {
            ev.prevent_default();
            travel(cx, dom, false);
        }
        "historyRedo" => {
            ev.prevent_default();
            travel(cx, dom, true);
        }
        _ => cx.current.set_value(read_state(&dom.input)),
    }
}

/// Typing, pasting, cutting: record and mirror into the code signal.
fn on_input(cx: Ctx, dom: &Dom, ev: &web_sys::Event) {
    let kind = match input_type(ev).as_str() {
        "insertText" => ChangeKind::Typing,
        "deleteContentBackward" | "deleteContentForward" => ChangeKind::Deleting,
        _ => ChangeKind::Other,
    };
    let now = read_state(&dom.input);
    cx.history
        .update_value(|h| h.record(&cx.current.get_value(), kind));
    cx.code.set(now.text.clone());
    cx.current.set_value(now);
}

/// Draws `text` (a change typed here or made elsewhere), updates the sizes
/// and schedules the syntax check.
fn draw(cx: Ctx, dom: &Dom, text: &str) {
    if dom.input.value() != text {
        cx.history
            .update_value(|h| h.record(&read_state(&dom.input), ChangeKind::Other));
        let s = EditState::caret(text.to_string(), 0);
        write_state(&dom.input, &s);
        cx.current.set_value(s);
    }
    let lines = render::highlighted_lines(text);
    // Only real changes: a size change restyles the whole editor.
    if cx.line_count.get_untracked() != lines.len() {
        cx.line_count.set(lines.len());
    }
    let cols = text
        .split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    if cx.col_count.get_untracked() != cols {
        cx.col_count.set(cols);
    }
    cx.drawn.update_value(|old| redraw(&dom.layer, old, lines));
    // Parse for syntax errors once typing pauses.
    let generation = cx.check_generation.get_value() + 1;
    cx.check_generation.set_value(generation);
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(CHECK_DELAY_MS).await;
        if cx.check_generation.try_get_value() != Some(generation) {
            return;
        }
        let marker = cx
            .code
            .try_with_untracked(|c| render::syntax_marker(c))
            .flatten();
        cx.syntax.try_set(marker);
    });
}

/// The textarea's size for `n` lines of at most `cols` characters, and
/// the gutter's line numbers when `n` changed (redrawing 2,000 numbers at
/// each key typed on the longest line would slow typing down).
fn draw_size(dom: &Dom, n: usize, cols: usize, n_changed: bool) {
    let style = format!(
        "height:calc({n} * var(--ed-lh) + 2 * var(--ed-pad));min-width:calc({cols}ch + 2 * var(--ed-pad) + 2ch)"
    );
    set_attr(&dom.input, "style", Some(&style));
    if n_changed {
        dom.gutter.set_text_content(Some(&gutter_text(n)));
    }
}

/// Marks the error `marker` (or clears it): the textarea's ARIA state, the
/// border, the underline and the message.
fn draw_error(dom: &Dom, code: &str, marker: Option<&Marker>, message_id: &str) {
    let on = marker.is_some();
    set_attr(&dom.input, "aria-invalid", on.then_some("true"));
    set_attr(&dom.input, "aria-errormessage", on.then_some(message_id));
    dom.scroller
        .set_class_name(if on { "editor has-error" } else { "editor" });
    let line_len = marker.map_or(0, |m| {
        code.split('\n')
            .nth(m.line.saturating_sub(1) as usize)
            .map_or(0, |l| l.chars().count())
    });
    draw_marker(&dom.area, marker, line_len, message_id);
}

/// Wires the events of the editor's freshly built elements `d` (keys,
/// input, the caret history, Reset back to `original`); the listeners live
/// as long as `handlers`.
fn wire(cx: Ctx, d: Dom, handlers: Handlers, original: Option<StoredValue<String>>) -> Rc<Dom> {
    // (Through write_state: setting the value puts the caret at the end.)
    write_state(&d.input, &cx.current.get_value());
    let d = Rc::new(d);
    let input: &Element = &d.input;
    let on = |event: &str, f: Box<dyn FnMut(web_sys::Event)>| listen(handlers, input, event, f);
    let k = d.clone();
    on(
        "keydown",
        Box::new(move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                on_keydown(cx, &k, ev);
            }
        }),
    );
    let k = d.clone();
    on(
        "beforeinput",
        Box::new(move |ev| on_beforeinput(cx, &k, &ev)),
    );
    let k = d.clone();
    on("input", Box::new(move |ev| on_input(cx, &k, &ev)));
    on(
        "mousedown",
        Box::new(move |_| cx.history.update_value(History::seal)),
    );
    if let (Some(b), Some(original)) = (&d.reset, original) {
        listen(
            handlers,
            b,
            "click",
            Box::new(move |_| original.with_value(|o| cx.code.set(o.clone()))),
        );
    }
    d
}

/// A code editor bound to `code`.
#[component]
pub fn Editor(
    /// The code. The editor writes every edit into it; a change made
    /// elsewhere (Reset, an example, another view) shows in the editor.
    code: RwSignal<String>,
    /// The code Reset returns to (no Reset button without it).
    #[prop(optional)]
    original: Option<String>,
    /// Called on Ctrl+Enter (Cmd+Enter on a Mac).
    #[prop(optional)]
    on_run: Option<Callback<()>>,
    /// Where the last run's uncaught exception happened, if it did.
    #[prop(optional, into)]
    runtime_error: Option<Signal<Option<Marker>>>,
    /// The accessible name of the textarea.
    #[prop(optional)]
    label: Option<&'static str>,
    /// When the editor is the player's code panel: the run's marks at the
    /// step shown (current line, parked tasks, a line picked in the
    /// console).
    #[prop(optional, into)]
    run_marks: Option<Signal<RunMarks>>,
) -> impl IntoView {
    let cx = Ctx {
        code,
        drawn: StoredValue::new(Vec::new()),
        history: StoredValue::new(History::default()),
        current: StoredValue::new(EditState::caret(code.get_untracked(), 0)),
        line_count: RwSignal::new(1),
        col_count: RwSignal::new(0),
        syntax: RwSignal::new(None),
        check_generation: StoredValue::new(0),
        tab_leaves: StoredValue::new(false),
        on_run,
    };
    // Ids unique on the page (a lesson can show several editors).
    let uid = {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        NEXT.fetch_add(1, Ordering::Relaxed)
    };
    let root = NodeRef::<leptos::html::Div>::new();
    let dom: StoredValue<Option<Rc<Dom>>, LocalStorage> = StoredValue::new_local(None);
    let handlers: Handlers = StoredValue::new_local(Vec::new());
    let mounted = RwSignal::new(false);
    let has_reset = original.is_some();
    let original = StoredValue::new(original.unwrap_or_default());

    // Build the elements and wire their events once the root is in the page.
    Effect::new(move |_| {
        let Some(el) = root.get() else {
            return;
        };
        if mounted.get_untracked() {
            return;
        }
        let label = label.unwrap_or(crate::i18n::ui().code);
        let Some(d) = build(&el, label, uid, has_reset) else {
            return;
        };
        let d = wire(cx, d, handlers, has_reset.then_some(original));
        dom.set_value(Some(d));
        mounted.set(true);
    });
    // Draw the code (and follow changes made elsewhere).
    Effect::new(move |_| {
        if !mounted.get() {
            return;
        }
        if let Some(d) = dom.get_value() {
            code.with(|text| draw(cx, &d, text));
        }
    });
    // Lines in the gutter now (0: not drawn yet).
    let gutter_lines = StoredValue::new(0usize);
    Effect::new(move |_| {
        let (n, cols) = (cx.line_count.get(), cx.col_count.get());
        if let (true, Some(d)) = (mounted.get(), dom.get_value()) {
            draw_size(&d, n, cols, gutter_lines.get_value() != n);
            gutter_lines.set_value(n);
        }
    });
    let message_id = format!("ed-message-{uid}");
    // The marker drawn now: the player clears its runtime error at every
    // edit, and redrawing an unchanged marker would search the whole layer.
    let shown = StoredValue::new(None::<Marker>);
    Effect::new(move |_| {
        let marker = cx
            .syntax
            .get()
            .or_else(|| runtime_error.and_then(|r| r.get()));
        if let (true, Some(d)) = (mounted.get(), dom.get_value()) {
            if shown.with_value(|s| *s != marker) {
                code.with_untracked(|c| draw_error(&d, c, marker.as_ref(), &message_id));
                shown.set_value(marker);
            }
        }
    });
    if has_reset {
        Effect::new(move |_| {
            let unchanged = original.with_value(|o| code.with(|c| c == o));
            if let (true, Some(d)) = (mounted.get(), dom.get_value()) {
                if let Some(b) = &d.reset {
                    b.set_disabled(unchanged);
                }
            }
        });
    }
    if let Some(run_marks) = run_marks {
        let drawn = StoredValue::new(RunMarks::default());
        Effect::new(move |_| {
            let marks = run_marks.get();
            if let (true, Some(d)) = (mounted.get(), dom.get_value()) {
                if drawn.with_value(|m| *m != marks) {
                    draw_run_marks(&d, &marks);
                    drawn.set_value(marks);
                }
            }
        });
    }
    let testid = run_marks.is_some().then_some("code");
    view! { <div class="editor-wrap" data-testid=testid node_ref=root></div> }
}

/// `top:` of line `line` (1-based) in the editor's text area.
fn line_top(line: u32) -> String {
    format!(
        "top:calc({} * var(--ed-lh) + var(--ed-pad))",
        line.saturating_sub(1)
    )
}

/// Draws a run's marks in the editor (replacing the previous ones): the
/// current line's band, the focused line's, the parked tasks' badges at
/// the right of their lines; scrolls the focused line, else the current
/// one, into view.
fn draw_run_marks(dom: &Dom, marks: &RunMarks) {
    let area = &dom.area;
    while let Ok(Some(old)) = area.query_selector(".ed-run") {
        old.remove();
    }
    let Some(doc) = area.owner_document() else {
        return;
    };
    let band = |line: u32, class: &str, testid: Option<&str>| {
        if line == 0 {
            return;
        }
        if let Ok(el) = doc.create_element("div") {
            el.set_class_name(class);
            set_attr(&el, "data-testid", testid);
            set_attr(&el, "data-line", Some(&line.to_string()));
            set_attr(&el, "aria-hidden", Some("true"));
            set_attr(&el, "style", Some(&line_top(line)));
            // Under the highlighted text (the layer comes later).
            let _ = area.insert_before(&el, area.first_child().as_ref());
        }
    };
    if let Some(line) = marks.focused {
        band(line, "ed-run code-line focused", None);
    }
    if let Some(line) = marks.current {
        band(line, "ed-run code-line current", Some("current-line"));
    }
    let mut lines: Vec<u32> = marks.parks.iter().map(|p| p.0).collect();
    lines.dedup();
    for line in lines {
        let Ok(row) = doc.create_element("div") else {
            continue;
        };
        row.set_class_name("ed-run parks");
        set_attr(&row, "data-line", Some(&line.to_string()));
        set_attr(&row, "style", Some(&line_top(line)));
        for (_, colour, name) in marks.parks.iter().filter(|p| p.0 == line) {
            if let Ok(b) = doc.create_element("span") {
                b.set_class_name(&super::render::Parks::class(*colour));
                if *colour != super::render::PARK_MORE {
                    set_attr(
                        &b,
                        "title",
                        Some(&crate::i18n::fill(crate::i18n::ui().parked_here, &[name])),
                    );
                }
                b.set_text_content(Some(name));
                let _ = row.append_child(&b);
            }
        }
        let _ = area.append_child(&row);
    }
    // Keep the line asked for (a frame or console line clicked), else the
    // current line, in view, once the frame lays out anyway.
    if let Some(line) = marks.focused.or(marks.current) {
        let scroller = dom.scroller.clone();
        request_animation_frame(move || {
            let lh = 21.0;
            let top = f64::from(line.saturating_sub(1)) * lh;
            let view_top = f64::from(scroller.scroll_top());
            let view_h = f64::from(scroller.client_height());
            if top < view_top || top + 2.0 * lh > view_top + view_h {
                scroller.set_scroll_top((top - view_h / 3.0).max(0.0) as i32);
            }
        });
    }
}

/// Sets (`Some`) or removes (`None`) an attribute.
fn set_attr(el: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// The gutter's text: the line numbers 1 to `n`, one per line.
fn gutter_text(n: usize) -> String {
    let mut s = String::with_capacity(n * 5);
    for i in 1..=n {
        s.push_str(&i.to_string());
        s.push('\n');
    }
    s
}

/// Shows `marker` in the editor's text area `area`: an underline under the
/// error and the message after the end of its line (`line_len`
/// characters), replacing the previous marker; `None` removes it.
fn draw_marker(
    area: &web_sys::Element,
    marker: Option<&Marker>,
    line_len: usize,
    message_id: &str,
) {
    for old in [".ed-underline", ".ed-message"] {
        if let Ok(Some(el)) = area.query_selector(old) {
            el.remove();
        }
    }
    let (Some(m), Some(doc)) = (marker, area.owner_document()) else {
        return;
    };
    let top = format!(
        "top:calc({} * var(--ed-lh) + var(--ed-pad))",
        m.line.saturating_sub(1)
    );
    let (line, col) = (m.line.to_string(), m.col.to_string());
    if let Ok(u) = doc.create_element("div") {
        u.set_class_name("ed-underline");
        for (k, v) in [
            ("data-testid", "editor-error"),
            ("data-line", line.as_str()),
            ("data-col", col.as_str()),
            ("aria-hidden", "true"),
        ] {
            set_attr(&u, k, Some(v));
        }
        let style = format!(
            "{top};left:calc({}ch + var(--ed-pad));width:{}ch",
            m.col.saturating_sub(1),
            m.len
        );
        set_attr(&u, "style", Some(&style));
        let _ = area.append_child(&u);
    }
    if let Ok(msg) = doc.create_element("div") {
        msg.set_class_name("ed-message");
        msg.set_id(message_id);
        set_attr(&msg, "data-testid", Some("editor-message"));
        set_attr(
            &msg,
            "style",
            Some(&format!(
                "{top};left:calc({}ch + var(--ed-pad))",
                line_len + 3
            )),
        );
        msg.set_text_content(Some(&crate::i18n::fill(
            crate::i18n::ui().line_column,
            &[&m.line, &m.col, &m.message],
        )));
        let _ = area.append_child(&msg);
    }
}
