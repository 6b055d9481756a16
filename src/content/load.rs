//! Downloads the lessons of a translated language when a page needs them:
//! `dist/lessons-<lang>.txt`, written by the `lesson-bundles` tool of
//! `crates/lessons` (Trunk's post-build hook), at an address holding a hash
//! of every bundle (`LOOPLAB_LESSONS_VERSION`, set by `build.rs`), so a
//! cached copy is never stale.

use super::{has_lessons, install};
use crate::i18n::{fill, ui, Lang};
use std::cell::RefCell;

/// How long a bundle may take before the page gives up and shows English.
const TIMEOUT_MS: i32 = 20_000;

/// Where `lang`'s lessons stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Here (always so for English).
    Ready,
    /// Downloading (or about to).
    Loading,
    /// The download or the bundle failed: why. The page shows English.
    Failed(String),
}

thread_local! {
    /// Languages whose download is underway or failed (with why).
    static TRIED: RefCell<Vec<(Lang, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Where `lang`'s lessons stand.
pub fn status(lang: Lang) -> Status {
    if has_lessons(lang) {
        return Status::Ready;
    }
    TRIED.with(|t| match t.borrow().iter().find(|(l, _)| *l == lang) {
        Some((_, Some(why))) => Status::Failed(why.clone()),
        _ => Status::Loading,
    })
}

/// The address of `lang`'s bundle, relative to the page.
pub fn bundle_url(lang: Lang) -> String {
    format!(
        "lessons-{}.txt?v={}",
        lang.code(),
        env!("LOOPLAB_LESSONS_VERSION")
    )
}

/// Starts downloading `lang`'s lessons unless they are here or on their
/// way (a failed download is tried again); `arrived` runs once the
/// download has ended, whether or not it worked.
pub fn ensure(lang: Lang, arrived: impl FnOnce() + 'static) {
    let underway = TRIED.with(|t| {
        let mut t = t.borrow_mut();
        match t.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, None)) => true,
            Some((_, failed)) => {
                *failed = None;
                false
            }
            None => {
                t.push((lang, None));
                false
            }
        }
    });
    if has_lessons(lang) || underway {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = crate::browser::fetch_text(&bundle_url(lang), TIMEOUT_MS)
            .await
            .and_then(|text| install(lang, &text));
        TRIED.with(|t| {
            let mut t = t.borrow_mut();
            t.retain(|(l, _)| *l != lang);
            if let Err(why) = result {
                web_sys::console::warn_1(
                    &format!("Looplab: the {} lessons did not load: {why}", lang.code()).into(),
                );
                t.push((lang, Some(why)));
            }
        });
        arrived();
    });
}

/// The sentence a page shows above its lessons when the page's language
/// could not load them, if so.
pub fn failure_note(lang: Lang) -> Option<String> {
    match status(lang) {
        Status::Failed(why) => Some(fill(ui().lessons_not_loaded, &[&why])),
        _ => None,
    }
}
