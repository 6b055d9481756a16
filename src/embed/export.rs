//! Exports of a run: the timeline as a standalone SVG figure (for posts that
//! want a static picture) and the trace as JSON (the engine's versioned
//! trace format).

use crate::player::track::{token_label, Cell, Track};
use looplab_engine::trace::{format_secs, Trace, TRACE_VERSION};

/// Height of one lane.
const LANE_H: usize = 28;
/// Two time labels on the ruler are at least this far apart, px.
const TICK_GAP: usize = 64;
/// Width of the lane labels on the left.
const LABEL_W: usize = 190;
/// Height of the time ruler on top.
const RULER_H: usize = 22;
/// Lane colours (the app's palette of eight task colours).
const PALETTE: [&str; 8] = [
    "#2f6fdd", "#d9480f", "#2b8a3e", "#ae3ec9", "#0b7285", "#e67700", "#c2255c", "#5c7cfa",
];

/// Escapes text for an XML text node or a quoted attribute.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The whole timeline of `track` as a standalone SVG document, laid out as
/// the player's timeline is (columns as wide as their prints): one lane per
/// task or thread, solid bars where it ran, light bars where it was ready,
/// hatched where it waited, a token per print showing its text as the
/// player does (the whole line in its `<title>`), and the virtual time
/// wherever the clock moved.
pub fn timeline_svg(track: &Track, title: &str) -> String {
    let lanes = track.lanes.len().max(1);
    let width = LABEL_W + track.col_x(track.columns.len()).max(28) + 10;
    let height = RULER_H + lanes * LANE_H + 10;
    let mut s = String::new();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"ui-monospace, monospace\" font-size=\"11\" \
         role=\"img\" aria-label=\"{}\">\n",
        xml_escape(title)
    ));
    s.push_str(&format!("<title>{}</title>\n", xml_escape(title)));
    s.push_str(
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"3\"/></pattern></defs>\n",
    );
    s.push_str(&format!(
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n"
    ));
    // Ruler.
    let mut last = None;
    let mut last_x: Option<usize> = None;
    for (i, col) in track.columns.iter().enumerate() {
        let x = LABEL_W + track.col_x(i);
        if last != Some(col.time_ns) && last_x.is_none_or(|lx| x >= lx + TICK_GAP) {
            s.push_str(&format!(
                "<text x=\"{x}\" y=\"14\" fill=\"#555\">t={}</text>\n",
                format_secs(col.time_ns)
            ));
            last_x = Some(x);
        }
        last = Some(col.time_ns);
    }
    // Lanes.
    for (l, lane) in track.lanes.iter().enumerate() {
        let y = RULER_H + l * LANE_H;
        let colour = PALETTE[lane.colour % PALETTE.len()];
        s.push_str(&format!(
            "<text x=\"4\" y=\"{}\" fill=\"{colour}\">{}</text>\n",
            y + 17,
            xml_escape(&lane.name)
        ));
        for i in 0..track.columns.len() {
            let (x, w) = (LABEL_W + track.col_x(i), track.col_w(i));
            let (fill, opacity) = match track.cell(i, l) {
                Cell::Empty => continue,
                Cell::Running => (colour, "1"),
                Cell::Ready => (colour, "0.3"),
                Cell::Waiting => ("url(#hatch)", "0.6"),
            };
            s.push_str(&format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"{fill}\" opacity=\"{opacity}\"/>\n",
                y + 4,
                LANE_H - 8
            ));
        }
    }
    // Prints: a token as wide as on screen, its text as the player shows it.
    for t in &track.tokens {
        let x = LABEL_W + track.col_x(t.step) + t.x;
        let y = RULER_H + t.lane.unwrap_or(0) * LANE_H + 3;
        let colour = t
            .lane
            .map(|l| PALETTE[track.lanes[l].colour % PALETTE.len()])
            .unwrap_or("#222");
        let stroke = if t.stderr { "#c92a2a" } else { colour };
        s.push_str(&format!(
            "<g class=\"token\"><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"4\" \
             fill=\"#fff\" stroke=\"{stroke}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#111\" \
             xml:space=\"preserve\">{}</text></g>\n",
            xml_escape(&t.text),
            t.w,
            LANE_H - 6,
            x + 6,
            y + 16,
            xml_escape(&token_label(&t.text))
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// The trace of `track` in the engine's JSON format.
pub fn trace_json(track: &Track) -> String {
    let trace = Trace {
        version: TRACE_VERSION,
        events: track.events().to_vec(),
        truncated: false,
    };
    serde_json::to_string(&trace).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track_of(code: &str) -> Track {
        Track::of_program(code)
    }

    const HOSTILE: &str = "import asyncio\n\nasync def main():\n    print('<script>alert(1)</script>')\n    print('\"><img src=x onerror=alert(2)>')\n\nasyncio.run(main())\n";

    #[test]
    fn escapes_every_piece_of_user_text() {
        let svg = timeline_svg(&track_of(HOSTILE), "Looplab: <b>&");
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        assert!(
            svg.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
            "{svg}"
        );
        assert!(svg.contains("Looplab: &lt;b&gt;&amp;"), "{svg}");
    }

    #[test]
    fn draws_one_lane_per_task_and_a_token_per_print() {
        let code = "import asyncio\n\nasync def w(n):\n    await asyncio.sleep(n)\n    print(n)\n\nasync def main():\n    await asyncio.gather(w(1), w(2))\n\nasyncio.run(main())\n";
        let track = track_of(code);
        let svg = timeline_svg(&track, "gather");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(svg.matches("<g class=\"token\">").count(), 2);
        assert!(svg.contains("<title>1</title>") && svg.contains("<title>2</title>"));
        for lane in &track.lanes {
            assert!(svg.contains(&xml_escape(&lane.name)), "{}", lane.name);
        }
        assert!(svg.contains("t=2"), "{svg}");
    }

    /// Tokens follow the player's widths: each shows its text as the
    /// timeline does, at the timeline's x, as wide as on screen, and the
    /// figure is as wide as the timeline.
    #[test]
    fn tokens_show_their_text_at_the_timeline_widths() {
        let code = "import asyncio\n\nasync def w(n):\n    for r in 'ABC':\n        print(f'worker {n} [{r}]')\n        await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(w(1), w(2), w(3))\n\nasyncio.run(main())\n";
        let track = track_of(code);
        let svg = timeline_svg(&track, "rounds");
        for k in &track.tokens {
            let x = LABEL_W + track.col_x(k.step) + k.x;
            let rect = format!(
                "<rect x=\"{x}\" y=\"{}\" width=\"{}\"",
                RULER_H + k.lane.unwrap_or(0) * LANE_H + 3,
                k.w
            );
            assert!(svg.contains(&rect), "{rect} in {svg}");
            assert!(
                svg.contains(&format!(">{}</text></g>", xml_escape(&k.text))),
                "{}",
                k.text
            );
        }
        assert_eq!(svg.matches("<g class=\"token\">").count(), 9);
        let width = LABEL_W + track.col_x(track.columns.len()) + 10;
        assert!(svg.contains(&format!("width=\"{width}\"")), "{width}");
    }

    #[test]
    fn exports_the_trace_in_the_engine_format() {
        let track = track_of(HOSTILE);
        let json = trace_json(&track);
        let back: Trace = serde_json::from_str(&json).unwrap();
        assert_eq!(back.version, TRACE_VERSION);
        assert_eq!(back.events, track.events());
    }

    #[test]
    fn xml_escape_covers_markup_and_controls() {
        assert_eq!(
            xml_escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&#39;\u{fffd}"
        );
    }
}
