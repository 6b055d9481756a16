//! The embed view's options, read from its URL's query string:
//!
//! | option            | meaning                                              |
//! |-------------------|------------------------------------------------------|
//! | `embed=<id>`      | the lesson (required)                                |
//! | `step=N`          | open on step N (runs the program at once)            |
//! | `autoplay`        | start a live run as soon as the embed loads          |
//! | `speed=0.25…4`    | live run and playback speed                          |
//! | `theme=auto\|light\|dark` | colours; `auto` follows `prefers-color-scheme` |
//! | `panels=a,b,…`    | panels shown: `controls`, `code`, `timeline`, `queue`, `console`, `narration`, `frames` |
//! | `frame=<id>`      | a name echoed in every message to the host page      |
//! | `cpu=model`       | run with "computing takes time" (the CPU model) on   |
//! | `cores=N`         | the model's virtual cores (1 to 64; default 4)       |
//! | `lang=en\|zh-Hant\|zh-Hans` | the language (default: the browser's)   |
//!
//! A custom program replaces the lesson's with `#z=…` in the fragment (the
//! share-link format, see [`super::share`]).

use crate::i18n::Lang;
use crate::player::cpu_choice::CpuChoice;
use crate::player::live::Speed;

/// A panel of the player that the embed may show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Controls,
    Code,
    Timeline,
    Queue,
    Console,
    Narration,
    /// The tasks' await chains, frames and variables (issue #17).
    Frames,
}

impl Panel {
    /// Every panel, in the order of the `panels=` option's documentation.
    pub const ALL: [Panel; 7] = [
        Panel::Controls,
        Panel::Code,
        Panel::Timeline,
        Panel::Queue,
        Panel::Console,
        Panel::Narration,
        Panel::Frames,
    ];
    /// The compact default: code, timeline, queue and controls.
    pub const DEFAULT: [Panel; 4] = [Panel::Controls, Panel::Code, Panel::Timeline, Panel::Queue];

    /// The option value, also the CSS class suffix (`hide-console`).
    pub fn name(self) -> &'static str {
        match self {
            Panel::Controls => "controls",
            Panel::Code => "code",
            Panel::Timeline => "timeline",
            Panel::Queue => "queue",
            Panel::Console => "console",
            Panel::Narration => "narration",
            Panel::Frames => "frames",
        }
    }

    fn parse(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.name() == s)
    }
}

/// The embed's colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    /// Follows `prefers-color-scheme` (the host page's, as the browser sees it).
    #[default]
    Auto,
    Light,
    Dark,
}

/// Everything the embed URL can set.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// Step to open on (`step=N`): the program runs at load, without waiting
    /// virtual time (in short slices, the player's "preparing" state).
    pub step: Option<usize>,
    /// Start a live run at load (`autoplay`).
    pub autoplay: bool,
    /// Speed of live runs and playback (`speed=2`).
    pub speed: Option<Speed>,
    /// Colours (`theme=`).
    pub theme: EmbedTheme,
    /// Panels shown, in no particular order (`panels=`).
    pub panels: Vec<Panel>,
    /// Echoed in messages so a host page can tell its embeds apart
    /// (`frame=`), at most 64 URL-safe characters.
    pub frame: Option<String>,
    /// The clock (`cpu=model`, `cores=N`).
    pub cpu: CpuChoice,
    /// The language (`lang=`; `None`: the reader's browser decides).
    pub lang: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            step: None,
            autoplay: false,
            speed: None,
            theme: EmbedTheme::Auto,
            panels: Panel::DEFAULT.to_vec(),
            frame: None,
            cpu: CpuChoice::default(),
            lang: None,
        }
    }
}

impl EmbedOptions {
    /// Reads the options from `location.search`; unknown or invalid values
    /// fall back to the defaults (an embed must always show something).
    pub fn from_search(search: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        let query = search.strip_prefix('?').unwrap_or(search);
        o.cpu = CpuChoice::default().read_pairs(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "step" => o.step = value.parse().ok(),
                "lang" => o.lang = Lang::from_code(value),
                "autoplay" => o.autoplay = !matches!(value, "0" | "false" | "no"),
                "speed" => o.speed = Speed::parse(value),
                "theme" => {
                    o.theme = match value {
                        "light" => EmbedTheme::Light,
                        "dark" => EmbedTheme::Dark,
                        _ => EmbedTheme::Auto,
                    }
                }
                "panels" => {
                    let value = value.replace("%2C", ",").replace("%2c", ",");
                    let panels: Vec<Panel> = value
                        .split([',', '+', ' '])
                        .filter_map(Panel::parse)
                        .collect();
                    if !panels.is_empty() {
                        o.panels = panels;
                    }
                }
                "frame" => {
                    o.frame = (!value.is_empty()
                        && value.len() <= 64
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
                    .then(|| value.to_string())
                }
                _ => {}
            }
        }
        o
    }

    /// True when `panel` is shown.
    pub fn shows(&self, panel: Panel) -> bool {
        self.panels.contains(&panel)
    }

    /// The query string of an embed of `lesson` with these options (the
    /// defaults left out), as the Embed button writes it.
    pub fn to_search(&self, lesson: &str) -> String {
        let mut s = format!("?embed={lesson}");
        if let Some(step) = self.step {
            s.push_str(&format!("&step={step}"));
        }
        if self.autoplay {
            s.push_str("&autoplay");
        }
        if let Some(speed) = self.speed {
            s.push_str(&format!("&speed={}", speed.label().trim_end_matches('×')));
        }
        match self.theme {
            EmbedTheme::Auto => {}
            EmbedTheme::Light => s.push_str("&theme=light"),
            EmbedTheme::Dark => s.push_str("&theme=dark"),
        }
        let mut panels = self.panels.clone();
        panels.sort_by_key(|p| Panel::ALL.iter().position(|q| q == p));
        if panels != Panel::DEFAULT {
            let names: Vec<&str> = panels.iter().map(|p| p.name()).collect();
            s.push_str(&format!("&panels={}", names.join(",")));
        }
        if let Some(frame) = &self.frame {
            s.push_str(&format!("&frame={frame}"));
        }
        s.push_str(&self.cpu.url_pairs());
        if let Some(lang) = self.lang {
            s.push_str(&format!("&lang={}", lang.code()));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_round_trips() {
        let o = EmbedOptions::from_search("?embed=gather&lang=zh-Hant");
        assert_eq!(o.lang, Some(Lang::ZhHant));
        assert_eq!(o.to_search("gather"), "?embed=gather&lang=zh-Hant");
        assert_eq!(EmbedOptions::from_search("?embed=a&lang=xx").lang, None);
    }

    #[test]
    fn defaults_are_compact() {
        let o = EmbedOptions::from_search("?embed=gather");
        assert_eq!(o, EmbedOptions::default());
        assert!(o.shows(Panel::Code) && o.shows(Panel::Timeline) && o.shows(Panel::Queue));
        assert!(!o.shows(Panel::Console) && !o.shows(Panel::Narration));
    }

    #[test]
    fn reads_every_option() {
        let o = EmbedOptions::from_search(
            "?embed=gather&step=4&autoplay&speed=2&theme=dark&panels=code,console&frame=f-1",
        );
        assert_eq!(o.step, Some(4));
        assert!(o.autoplay);
        assert_eq!(o.speed, Some(Speed::Two));
        assert_eq!(o.theme, EmbedTheme::Dark);
        assert_eq!(o.panels, vec![Panel::Code, Panel::Console]);
        assert_eq!(
            EmbedOptions::from_search("?embed=x&panels=frames,code").panels,
            vec![Panel::Frames, Panel::Code]
        );
        assert_eq!(o.frame.as_deref(), Some("f-1"));
        assert!(!o.cpu.on);
        let model = EmbedOptions::from_search("?embed=threads&cpu=model&cores=8").cpu;
        assert_eq!((model.on, model.cores), (true, 8));
        assert_eq!(
            EmbedOptions::from_search("?embed=x&panels=timeline%2Cqueue").panels,
            vec![Panel::Timeline, Panel::Queue]
        );
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let o = EmbedOptions::from_search(
            "?embed=x&step=-1&speed=9&theme=<b>&panels=nope&frame=%3Cscript%3E&autoplay=0",
        );
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn round_trips_through_the_query_string() {
        let o = EmbedOptions {
            step: Some(7),
            autoplay: true,
            speed: Some(Speed::Half),
            theme: EmbedTheme::Light,
            panels: vec![Panel::Console, Panel::Code],
            frame: Some("a".into()),
            cpu: CpuChoice { on: true, cores: 2 },
            lang: Some(Lang::ZhHans),
        };
        let search = o.to_search("gather");
        assert_eq!(
            search,
            "?embed=gather&step=7&autoplay&speed=0.5&theme=light&panels=code,console&frame=a&cpu=model&cores=2&lang=zh-Hans"
        );
        let mut back = EmbedOptions::from_search(&search);
        back.panels.reverse();
        assert_eq!(back, o);
        assert_eq!(EmbedOptions::default().to_search("sleep"), "?embed=sleep");
    }
}
