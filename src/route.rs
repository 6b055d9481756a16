//! Where the app is, read from and written to the URL.
//!
//! URLs must work on any static host without server rewrites, so the page is
//! always `/` (or wherever `index.html` lives) and the view is chosen by the
//! query string; the player's step lives in the fragment:
//!
//! | URL                 | view                              |
//! |---------------------|-----------------------------------|
//! | `/`                 | lesson index                      |
//! | `/?lesson=<id>`     | a lesson                          |
//! | `/?embed=<id>`      | a lesson's compact embed view     |
//! | `/?play`            | the playground                    |
//! | `/?model`           | what the CPU and process model is |
//! | `…#step=12`         | open the player on step 12        |
//! | `…&lang=zh-Hant`    | in another language (`i18n`)      |

/// A parsed location. Pure data: parsing and printing are tested natively.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Index,
    Lesson(String),
    Embed(String),
    Playground,
    /// What the "computing takes time" and process model does (the page
    /// the player's model note links to).
    Model,
    /// An unknown query (e.g. `?lesson` without an id, or `?foo=bar`).
    NotFound(String),
}

impl Route {
    /// True for the pages that show lessons (their titles, text or code),
    /// which wait for a translated language's lessons to arrive.
    pub fn shows_lessons(&self) -> bool {
        matches!(
            self,
            Route::Index | Route::Lesson(_) | Route::Embed(_) | Route::Playground
        )
    }

    /// Parses `location.search` (with or without the leading `?`).
    pub fn from_search(search: &str) -> Route {
        let query = search.strip_prefix('?').unwrap_or(search);
        if query.is_empty() {
            return Route::Index;
        }
        let mut route = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            let parsed = match key {
                "lesson" if !value.is_empty() => Route::Lesson(value),
                "embed" if !value.is_empty() => Route::Embed(value),
                "play" => Route::Playground,
                "model" => Route::Model,
                // The language is no route (`i18n::lang_in_search`).
                "lang" => continue,
                // Options of the embed view and the like are not routes.
                _ if route.is_some() => continue,
                _ => Route::NotFound(query.to_string()),
            };
            if route.is_none() || matches!(route, Some(Route::NotFound(_))) {
                route = Some(parsed);
            }
        }
        route.unwrap_or(Route::Index)
    }

    /// The query string for this route (`""` for the index).
    pub fn to_search(&self) -> String {
        match self {
            Route::Index => String::new(),
            Route::Lesson(id) => format!("?lesson={}", percent_encode(id)),
            Route::Embed(id) => format!("?embed={}", percent_encode(id)),
            Route::Playground => "?play".into(),
            Route::Model => "?model".into(),
            Route::NotFound(q) => format!("?{q}"),
        }
    }
}

/// Reads `step=N` from a fragment such as `#step=12`.
pub fn step_from_hash(hash: &str) -> Option<usize> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|kv| kv.strip_prefix("step="))
        .and_then(|n| n.parse().ok())
}

/// The step mode in a fragment such as `#step=3&mode=line` (`mode=`).
pub fn mode_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|kv| kv.strip_prefix("mode="))
}

/// Reads a program from `code=...` (percent-encoded) in a fragment such as
/// `#code=print(1)&step=3`: a link to a program in the playground's player.
pub fn code_from_hash(hash: &str) -> Option<String> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|kv| kv.strip_prefix("code="))
        .map(|c| percent_decode(&c.replace('+', "%2B")))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_documented_url() {
        assert_eq!(Route::from_search(""), Route::Index);
        assert_eq!(Route::from_search("?"), Route::Index);
        assert_eq!(
            Route::from_search("?lesson=sleep"),
            Route::Lesson("sleep".into())
        );
        assert_eq!(
            Route::from_search("?embed=gather&theme=dark"),
            Route::Embed("gather".into())
        );
        assert_eq!(
            Route::from_search("?theme=dark&embed=gather"),
            Route::Embed("gather".into())
        );
        assert_eq!(Route::from_search("?play"), Route::Playground);
        assert_eq!(Route::from_search("?model"), Route::Model);
        assert_eq!(Route::from_search("?lang=zh-Hant"), Route::Index);
        assert_eq!(
            Route::from_search("?lang=zh-Hans&lesson=sleep"),
            Route::Lesson("sleep".into())
        );
        assert_eq!(Route::from_search("?play&lang=en"), Route::Playground);
        assert_eq!(
            Route::from_search("?lesson="),
            Route::NotFound("lesson=".into())
        );
        assert_eq!(Route::from_search("?x=1"), Route::NotFound("x=1".into()));
        assert_eq!(
            Route::from_search("?lesson=a%20b"),
            Route::Lesson("a b".into())
        );
        assert_eq!(
            Route::from_search("?lesson=%zz%"),
            Route::Lesson("%zz%".into())
        );
    }

    #[test]
    fn round_trips() {
        for r in [
            Route::Index,
            Route::Lesson("cancel".into()),
            Route::Embed("a b".into()),
            Route::Playground,
            Route::Model,
        ] {
            assert_eq!(Route::from_search(&r.to_search()), r);
        }
    }

    #[test]
    fn reads_a_program_from_the_fragment() {
        assert_eq!(
            code_from_hash("#code=print(1%2B2)%0A&step=3").as_deref(),
            Some("print(1+2)\n")
        );
        assert_eq!(code_from_hash("#code=a+b").as_deref(), Some("a+b"));
        assert_eq!(code_from_hash("#step=3"), None);
    }

    #[test]
    fn reads_the_step_from_the_fragment() {
        assert_eq!(step_from_hash("#step=12"), Some(12));
        assert_eq!(step_from_hash("#code=x&step=3"), Some(3));
        assert_eq!(step_from_hash("#step=x"), None);
        assert_eq!(step_from_hash(""), None);
        assert_eq!(step_from_hash("#step=4&mode=line"), Some(4));
        assert_eq!(mode_from_hash("#step=4&mode=line"), Some("line"));
        assert_eq!(mode_from_hash("#step=4"), None);
    }
}
