//! The learner's choice of clock for a run: the default one, on which
//! computing takes no time (outputs are CPython's, byte for byte), or the
//! engine's opt-in "computing takes time" model (`Limits::cpu_model`) with
//! a number of virtual cores. Read from and written to URLs (`cpu=model`,
//! `cores=N`: embeds' query strings, share links' fragments). Plain Rust,
//! tested natively.

use looplab_engine::run::CpuModel;

/// The cores of the model unless a URL or the learner says otherwise (the
/// engine's default, a typical laptop's).
pub const DEFAULT_CORES: u32 = 4;
/// The most cores a URL may ask for.
pub const MAX_CORES: u32 = 64;
/// The cores the player's menu offers.
pub const CORE_CHOICES: [u32; 5] = [1, 2, 4, 8, 16];

/// The clock a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpuChoice {
    /// The "computing takes time" model is on.
    pub on: bool,
    /// Its virtual cores (kept while the model is off, so turning it back
    /// on restores them).
    pub cores: u32,
}

impl Default for CpuChoice {
    /// The model off (four cores once it is turned on).
    fn default() -> CpuChoice {
        CpuChoice {
            on: false,
            cores: DEFAULT_CORES,
        }
    }
}

impl CpuChoice {
    /// The model on, with its default cores.
    pub fn model() -> CpuChoice {
        CpuChoice {
            on: true,
            ..CpuChoice::default()
        }
    }

    /// The engine's setting (`Limits::cpu_model`).
    pub fn engine_model(self) -> Option<CpuModel> {
        self.on.then(|| CpuModel {
            cores: self.cores.clamp(1, MAX_CORES),
        })
    }

    /// Reads `cpu=model` and `cores=N` from `a=b&c=d` pairs (a query string
    /// or a fragment, with or without its `?`/`#`), starting from `self`:
    /// `cpu=model` (or `cpu=on`) turns the model on, `cpu=off` off; `cores`
    /// between 1 and [`MAX_CORES`]; anything else is ignored.
    pub fn read_pairs(mut self, pairs: &str) -> CpuChoice {
        let pairs = pairs.trim_start_matches(['?', '#']);
        for pair in pairs.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("cpu", "model" | "on") => self.on = true,
                ("cpu", "off" | "none") => self.on = false,
                ("cores", n) => {
                    if let Ok(n) = n.parse::<u32>() {
                        if (1..=MAX_CORES).contains(&n) {
                            self.cores = n;
                        }
                    }
                }
                _ => {}
            }
        }
        self
    }

    /// The pairs that say this choice in a URL ("" for the default clock;
    /// `cores` only when not the default), each with a leading `&`.
    pub fn url_pairs(self) -> String {
        match (self.on, self.cores) {
            (false, _) => String::new(),
            (true, DEFAULT_CORES) => "&cpu=model".into(),
            (true, n) => format!("&cpu=model&cores={n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_model_and_its_cores() {
        let off = CpuChoice::default();
        assert_eq!(off.read_pairs("?embed=x&step=2"), off);
        let on = off.read_pairs("?embed=x&cpu=model");
        assert_eq!(on, CpuChoice::model());
        assert_eq!(on.engine_model(), Some(CpuModel { cores: 4 }));
        assert_eq!(off.engine_model(), None);
        let two = off.read_pairs("#z=abc&cpu=model&cores=2");
        assert_eq!((two.on, two.cores), (true, 2));
        assert_eq!(CpuChoice::model().read_pairs("cpu=off"), off);
    }

    #[test]
    fn bad_values_are_ignored() {
        let off = CpuChoice::default();
        for bad in [
            "cpu=fast", "cpu", "cores=0", "cores=65", "cores=-1", "cores=x",
        ] {
            assert_eq!(off.read_pairs(bad), off, "{bad}");
        }
        // Cores alone do not turn the model on.
        assert!(!off.read_pairs("cores=8").on);
    }

    #[test]
    fn round_trips_through_url_pairs() {
        for choice in [
            CpuChoice::default(),
            CpuChoice::model(),
            CpuChoice { on: true, cores: 1 },
            CpuChoice {
                on: true,
                cores: 16,
            },
        ] {
            let pairs = choice.url_pairs();
            let back = CpuChoice::default().read_pairs(&pairs);
            assert_eq!(back.on, choice.on);
            if choice.on {
                assert_eq!(back.cores, choice.cores);
            }
        }
        assert_eq!(CpuChoice::default().url_pairs(), "");
        assert_eq!(CpuChoice::model().url_pairs(), "&cpu=model");
    }
}
