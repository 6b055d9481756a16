//! The timeline's plain marks (bars, ruler ticks, clock jumps, blocked
//! bands) as DOM nodes kept from one update to the next.
//!
//! A live run redraws the timeline every frame, and most of what it draws
//! stays: the bars of the columns already shown, the ticks. A keyed list
//! whose key is the whole mark would remove and insert the node of every
//! bar that grew (each lane's last bar, every frame), and each insertion
//! costs the page style, layout and paint of a new element. Here a mark
//! keeps its node while its identity ([`MarkKey`]) stays: only the
//! attributes that changed are written (a growing bar's `style`), nodes of
//! marks that left are given to marks that came, and only the rest are
//! created or removed. The nodes are absolutely placed, so their order in
//! the DOM does not matter.

use super::timeline_marks::{Look, Mark, MarkKey};
use std::collections::HashMap;

/// One node and what it shows.
struct Slot {
    el: web_sys::Element,
    mark: Mark,
    look: Look,
}

/// The marks drawn inside one container element.
pub struct MarkLayer {
    container: web_sys::Element,
    nodes: HashMap<MarkKey, Slot>,
}

impl MarkLayer {
    /// A layer drawing into `container` (whose children it owns).
    pub fn new(container: web_sys::Element) -> MarkLayer {
        container.set_inner_html("");
        MarkLayer {
            container,
            nodes: HashMap::new(),
        }
    }

    /// Shows exactly `marks` (plain marks: not tokens), writing only what
    /// differs from what is shown.
    pub fn show(&mut self, marks: Vec<Mark>) {
        let mut next: HashMap<MarkKey, Slot> = HashMap::with_capacity(marks.len());
        let mut came = Vec::new();
        for mark in marks {
            let key = mark.key();
            if next.contains_key(&key) {
                // Two marks at one place (steps sharing a slot of the
                // time layout): they would be drawn over each other.
                continue;
            }
            match self.nodes.remove(&key) {
                Some(mut slot) => {
                    if slot.mark != mark {
                        let look = mark.look();
                        write(&slot.el, &slot.look, &look);
                        slot.look = look;
                        slot.mark = mark;
                    }
                    next.insert(key, slot);
                }
                None => came.push((key, mark)),
            }
        }
        let mut spare: Vec<Slot> = self.nodes.drain().map(|(_, s)| s).collect();
        for (key, mark) in came {
            let look = mark.look();
            let slot = match spare.pop() {
                Some(slot) => {
                    write(&slot.el, &slot.look, &look);
                    Slot { mark, look, ..slot }
                }
                None => {
                    let Some(el) = self
                        .container
                        .owner_document()
                        .and_then(|d| d.create_element("div").ok())
                    else {
                        continue;
                    };
                    write(&el, &Look::default(), &look);
                    let _ = self.container.append_child(&el);
                    Slot { el, mark, look }
                }
            };
            next.insert(key, slot);
        }
        for slot in spare {
            slot.el.remove();
        }
        self.nodes = next;
    }
}

/// Writes to `el` the parts of `new` that differ from `old` (what it
/// shows now).
fn write(el: &web_sys::Element, old: &Look, new: &Look) {
    if old.class != new.class {
        el.set_class_name(&new.class);
    }
    if old.style != new.style {
        let _ = el.set_attribute("style", &new.style);
    }
    if old.title != new.title {
        let _ = if new.title.is_empty() {
            el.remove_attribute("title")
        } else {
            el.set_attribute("title", &new.title)
        };
    }
    if old.text != new.text {
        el.set_text_content((!new.text.is_empty()).then_some(new.text.as_str()));
    }
}
