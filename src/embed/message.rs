//! The embed's `postMessage` protocol, version [`PROTOCOL`].
//!
//! Embed → host page (target origin `*`: the embed never learns who embeds
//! it, and the height is no secret):
//!
//! ```json
//! { "looplab": 1, "type": "resize", "height": 812, "frame": "gather-1" }
//! ```
//!
//! `height` is the content height in CSS pixels (an integer); `frame` is the
//! embed URL's `frame=` option, or `null`. A message is sent at load and
//! whenever the height changes.
//!
//! Host page → embed (only messages whose source is the embed's parent
//! window are read; everything else is ignored without a word):
//!
//! ```json
//! { "looplab": 1, "command": "play" }
//! { "looplab": 1, "command": "pause" }
//! { "looplab": 1, "command": "step", "step": 12 }
//! ```
//!
//! Any other shape (a string, a missing or different `looplab` version, an
//! unknown command, a step that is not a whole number) is ignored.

/// The protocol's version, the `looplab` field of every message.
pub const PROTOCOL: u32 = 1;

/// A command a host page may send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a live run, resume it, or play the recorded steps.
    Play,
    /// Pause a live run or playback.
    Pause,
    /// Show step N (0-based, clamped to the last step).
    Step(usize),
}

impl Command {
    /// Reads a command from a message's fields, as found on a plain object:
    /// `looplab` (a number), `command` (a string), `step` (a number).
    pub fn from_fields(
        looplab: Option<f64>,
        command: Option<&str>,
        step: Option<f64>,
    ) -> Option<Command> {
        if looplab != Some(PROTOCOL as f64) {
            return None;
        }
        match command? {
            "play" => Some(Command::Play),
            "pause" => Some(Command::Pause),
            "step" => {
                let n = step?;
                (n.fract() == 0.0 && (0.0..1e9).contains(&n)).then_some(Command::Step(n as usize))
            }
            _ => None,
        }
    }
}

/// The resize message, as JSON text (posted as a parsed object).
pub fn resize_json(height: u32, frame: Option<&str>) -> String {
    // `frame` is restricted to [A-Za-z0-9._-] by the option parser, so it
    // needs no escaping; quote it anyway through the one JSON writer.
    let frame = match frame {
        Some(f) => format!("\"{}\"", f.replace(['"', '\\'], "")),
        None => "null".into(),
    };
    format!("{{\"looplab\":{PROTOCOL},\"type\":\"resize\",\"height\":{height},\"frame\":{frame}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_commands() {
        let v = Some(1.0);
        assert_eq!(
            Command::from_fields(v, Some("play"), None),
            Some(Command::Play)
        );
        assert_eq!(
            Command::from_fields(v, Some("pause"), None),
            Some(Command::Pause)
        );
        assert_eq!(
            Command::from_fields(v, Some("step"), Some(12.0)),
            Some(Command::Step(12))
        );
    }

    #[test]
    fn ignores_everything_else() {
        let v = Some(1.0);
        assert_eq!(Command::from_fields(None, Some("play"), None), None);
        assert_eq!(Command::from_fields(Some(2.0), Some("play"), None), None);
        assert_eq!(Command::from_fields(v, None, None), None);
        assert_eq!(Command::from_fields(v, Some("PLAY"), None), None);
        assert_eq!(
            Command::from_fields(v, Some("<script>alert(1)</script>"), None),
            None
        );
        assert_eq!(Command::from_fields(v, Some("eval"), None), None);
        assert_eq!(Command::from_fields(v, Some("step"), None), None);
        assert_eq!(Command::from_fields(v, Some("step"), Some(1.5)), None);
        assert_eq!(Command::from_fields(v, Some("step"), Some(-1.0)), None);
        assert_eq!(Command::from_fields(v, Some("step"), Some(f64::NAN)), None);
        assert_eq!(
            Command::from_fields(v, Some("step"), Some(f64::INFINITY)),
            None
        );
    }

    #[test]
    fn writes_the_resize_message() {
        assert_eq!(
            resize_json(812, Some("gather-1")),
            r#"{"looplab":1,"type":"resize","height":812,"frame":"gather-1"}"#
        );
        assert_eq!(
            resize_json(90, None),
            r#"{"looplab":1,"type":"resize","height":90,"frame":null}"#
        );
    }
}
