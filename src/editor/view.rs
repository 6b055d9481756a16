//! The editor component. The textarea is the source of truth for typing;
//! every change is mirrored into the `code` signal and redrawn in the
//! highlighted layer underneath, line by line (only lines that changed
//! touch the DOM, so a 2,000-line program stays quick to type in).

use super::edit::{self, byte_to_utf16, utf16_to_byte, EditState};
use super::render::{self, Marker};
use super::undo::{ChangeKind, History};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// Milliseconds of quiet typing before the code is parsed for errors.
const CHECK_DELAY_MS: u32 = 150;

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
fn redraw(layer: &web_sys::Element, old: &mut Vec<String>, new: Vec<String>) {
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
    #[prop(default = "Code")]
    label: &'static str,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Textarea>::new();
    let layer = NodeRef::<leptos::html::Div>::new();
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Line HTML currently in the layer's DOM.
    let drawn = StoredValue::new(Vec::<String>::new());
    let history = StoredValue::new(History::default());
    // The state before the change being made (selection included).
    let current = StoredValue::new(EditState::caret(code.get_untracked(), 0));
    let line_count = RwSignal::new(1usize);
    let col_count = RwSignal::new(0usize);
    let syntax = RwSignal::new(None::<Marker>);
    let check_generation = StoredValue::new(0u64);
    // After Escape, Tab leaves the editor (keyboard users are never trapped).
    let tab_leaves = StoredValue::new(false);
    // Ids unique on the page (a lesson can show several editors).
    let uid = {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        NEXT.fetch_add(1, Ordering::Relaxed)
    };
    let hint_id = format!("ed-hint-{uid}");
    let message_id = format!("ed-message-{uid}");

    // Scrolls the editor so the caret's line is visible.
    let reveal = move |s: &EditState| {
        let (Some(sc), Some(ta)) = (scroller.get_untracked(), input.get_untracked()) else {
            return;
        };
        let lines = line_count.get_untracked().max(1) as f64;
        let line = s.text[..s.start].matches('\n').count() as f64;
        let lh = f64::from(ta.scroll_height()) / (lines + 1.0);
        let top = line * lh;
        let view_top = f64::from(sc.scroll_top());
        let view_h = f64::from(sc.client_height());
        if top < view_top {
            sc.set_scroll_top(top as i32);
        } else if top + 2.0 * lh > view_top + view_h {
            sc.set_scroll_top((top + 2.0 * lh - view_h) as i32);
        }
    };
    let apply = move |next: EditState, kind: ChangeKind| {
        let Some(ta) = input.get_untracked() else {
            return;
        };
        history.update_value(|h| h.record(&current.get_value(), kind));
        write_state(&ta, &next);
        reveal(&next);
        code.set(next.text.clone());
        current.set_value(next);
    };
    let travel = move |forward: bool| {
        let Some(ta) = input.get_untracked() else {
            return;
        };
        let now = read_state(&ta);
        let next = history
            .try_update_value(|h| if forward { h.redo(&now) } else { h.undo(&now) })
            .flatten();
        if let Some(next) = next {
            write_state(&ta, &next);
            reveal(&next);
            code.set(next.text.clone());
            current.set_value(next);
        }
    };

    // Draw the code (and follow changes made elsewhere).
    Effect::new(move |_| {
        let text = code.get();
        if let Some(ta) = input.get_untracked() {
            if ta.value() != text {
                history.update_value(|h| h.record(&read_state(&ta), ChangeKind::Other));
                let s = EditState::caret(text.clone(), 0);
                write_state(&ta, &s);
                current.set_value(s);
            }
        }
        let lines = render::highlighted_lines(&text);
        // Only real changes: a size change restyles the whole editor.
        if line_count.get_untracked() != lines.len() {
            line_count.set(lines.len());
        }
        let cols = text
            .split('\n')
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        if col_count.get_untracked() != cols {
            col_count.set(cols);
        }
        if let Some(el) = layer.get_untracked() {
            drawn.update_value(|old| redraw(&el, old, lines));
        }
        // Parse for syntax errors once typing pauses.
        let generation = check_generation.get_value() + 1;
        check_generation.set_value(generation);
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(CHECK_DELAY_MS).await;
            if check_generation.try_get_value() != Some(generation) {
                return;
            }
            let marker = code
                .try_with_untracked(|c| render::syntax_marker(c))
                .flatten();
            syntax.try_set(marker);
        });
    });

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(ta) = input.get_untracked() else {
            return;
        };
        let key = ev.key();
        let cmd = ev.ctrl_key() || ev.meta_key();
        let plain = !cmd && !ev.alt_key();
        if key != "Tab" {
            tab_leaves.set_value(key == "Escape");
        }
        match key.as_str() {
            "Enter" if cmd => {
                ev.prevent_default();
                history.update_value(History::seal);
                if let Some(run) = on_run {
                    run.run(());
                }
            }
            "Enter" if plain && !ev.shift_key() => {
                ev.prevent_default();
                apply(edit::newline(&read_state(&ta)), ChangeKind::Other);
            }
            "Tab" if plain && !tab_leaves.get_value() => {
                ev.prevent_default();
                let s = read_state(&ta);
                let next = if ev.shift_key() {
                    edit::dedent(&s)
                } else {
                    edit::indent(&s)
                };
                apply(next, ChangeKind::Other);
            }
            "Backspace" if plain => {
                if let Some(next) = edit::backspace(&read_state(&ta)) {
                    ev.prevent_default();
                    apply(next, ChangeKind::Deleting);
                }
            }
            "z" | "Z" if cmd && !ev.alt_key() => {
                ev.prevent_default();
                travel(ev.shift_key());
            }
            "y" | "Y" if cmd && !ev.alt_key() => {
                ev.prevent_default();
                travel(true);
            }
            k if k.starts_with("Arrow") || matches!(k, "Home" | "End" | "PageUp" | "PageDown") => {
                history.update_value(History::seal);
            }
            _ => {}
        }
    };
    let on_beforeinput = move |ev: leptos::ev::InputEvent| match ev.input_type().as_str() {
        "historyUndo" => {
            ev.prevent_default();
            travel(false);
        }
        "historyRedo" => {
            ev.prevent_default();
            travel(true);
        }
        _ => {
            if let Some(ta) = input.get_untracked() {
                current.set_value(read_state(&ta));
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(ta) = input.get_untracked() else {
            return;
        };
        let kind = match input_type(&ev).as_str() {
            "insertText" => ChangeKind::Typing,
            "deleteContentBackward" | "deleteContentForward" => ChangeKind::Deleting,
            _ => ChangeKind::Other,
        };
        let now = read_state(&ta);
        history.update_value(|h| h.record(&current.get_value(), kind));
        code.set(now.text.clone());
        current.set_value(now);
    };

    let marker = move || syntax.get().or_else(|| runtime_error.and_then(|r| r.get()));
    let errormessage_id = message_id.clone();
    let marker_view =
        move || {
            marker().map(|m| {
            let line_len = code.with_untracked(|c| {
                c.split('\n')
                    .nth(m.line.saturating_sub(1) as usize)
                    .map_or(0, |l| l.chars().count())
            });
            let top = format!("calc({} * var(--ed-lh) + var(--ed-pad))", m.line.saturating_sub(1));
            view! {
                <div class="ed-underline" data-testid="editor-error" data-line=m.line data-col=m.col
                    aria-hidden="true"
                    style:top=top.clone()
                    style:left=format!("calc({}ch + var(--ed-pad))", m.col.saturating_sub(1))
                    style:width=format!("{}ch", m.len)></div>
                <div class="ed-message" id=message_id.clone() data-testid="editor-message"
                    style:top=top
                    style:left=format!("calc({}ch + var(--ed-pad))", line_len + 3)>
                    {format!("line {}, column {}: {}", m.line, m.col, m.message)}
                </div>
            }
        })
        };
    let gutter = move || {
        let n = line_count.get();
        let mut s = String::with_capacity(n * 5);
        for i in 1..=n {
            s.push_str(&i.to_string());
            s.push('\n');
        }
        s
    };
    let reset = original.map(|original| {
        let o = original.clone();
        let unchanged = move || code.with(|c| *c == o);
        view! {
            <button class="ed-reset" data-testid="reset" disabled=unchanged
                title="Go back to the lesson's code (Ctrl+Z undoes it)"
                on:click=move |_| code.set(original.clone())>"Reset"</button>
        }
    });
    let initial = code.get_untracked();
    view! {
        <div class="editor-wrap">
            <div class="ed-bar">
                <span class="ed-hint" id=hint_id.clone()>"Edit the code · Ctrl+Enter runs · Esc then Tab leaves the editor"</span>
                {reset}
            </div>
            <div class="editor" node_ref=scroller
                class:has-error=move || marker().is_some()>
                <div class="ed-gutter" aria-hidden="true">{gutter}</div>
                <div class="ed-area">
                    <div class="ed-layer" node_ref=layer aria-hidden="true"></div>
                    <textarea class="ed-input" node_ref=input data-testid="editor"
                        aria-label=label aria-describedby=hint_id
                        aria-invalid=move || marker().is_some().then_some("true")
                        aria-errormessage=move || marker().is_some().then(|| errormessage_id.clone())
                        style:height=move || format!("calc({} * var(--ed-lh) + 2 * var(--ed-pad))", line_count.get())
                        style:min-width=move || format!("calc({}ch + 2 * var(--ed-pad) + 2ch)", col_count.get())
                        spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                        prop:value=initial
                        on:keydown=on_keydown on:beforeinput=on_beforeinput on:input=on_input
                        on:mousedown=move |_| history.update_value(History::seal)></textarea>
                    {marker_view}
                </div>
            </div>
        </div>
    }
}
