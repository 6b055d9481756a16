//! Share links: a program, deflated and base64url-encoded, in the link's
//! fragment (`#z=…`). The fragment never reaches a server, so a shared
//! program stays between the people who pass the link around.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Longest encoded program a link may carry, in characters. Browsers and
/// chat tools start truncating URLs past a few tens of kilobytes.
pub const MAX_LINK_CHARS: usize = 24_000;
/// Largest program a link may unpack to, in bytes (a zip-bomb guard).
pub const MAX_CODE_BYTES: usize = 64 * 1024;
/// Deflate level: the best ratio (programs are small, time is not an issue).
const LEVEL: u8 = 9;

/// Why a shared link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The program is too big to put in a link (when sharing), or the link
    /// is longer than any link Looplab makes (when opening).
    TooLong { chars: usize },
    /// Not base64url, or not deflate data: the link was cut or altered.
    Malformed,
    /// Unpacks to more than [`MAX_CODE_BYTES`].
    TooBig,
    /// Unpacks to bytes that are not UTF-8 text.
    NotText,
}

impl ShareError {
    /// The error in the page's language.
    pub fn message(&self, t: &crate::i18n::Ui) -> String {
        use crate::i18n::fill;
        match self {
            ShareError::TooLong { chars } => fill(t.share_too_long, &[chars, &MAX_LINK_CHARS]),
            ShareError::Malformed => t.share_malformed.to_string(),
            ShareError::TooBig => fill(t.share_too_big, &[&(MAX_CODE_BYTES / 1024)]),
            ShareError::NotText => t.share_not_text.to_string(),
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLong { chars } => write!(
                f,
                "This link is too long ({chars} characters; a Looplab link holds at most {MAX_LINK_CHARS})."
            ),
            ShareError::Malformed => f.write_str(
                "This link's program is damaged: the link was probably cut short or altered. Ask for the link again.",
            ),
            ShareError::TooBig => write!(
                f,
                "This link's program is larger than {} KiB, more than Looplab opens from a link.",
                MAX_CODE_BYTES / 1024
            ),
            ShareError::NotText => f.write_str("This link's program is not text."),
        }
    }
}

/// Packs a program for a link fragment.
pub fn encode(code: &str) -> Result<String, ShareError> {
    if code.len() > MAX_CODE_BYTES {
        return Err(ShareError::TooBig);
    }
    let packed = miniz_oxide::deflate::compress_to_vec(code.as_bytes(), LEVEL);
    let text = URL_SAFE_NO_PAD.encode(packed);
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars: text.len() });
    }
    Ok(text)
}

/// Unpacks a program from a link fragment.
pub fn decode(text: &str) -> Result<String, ShareError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars: text.len() });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| ShareError::Malformed)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_CODE_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooBig,
            _ => ShareError::Malformed,
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

/// Reads `z=…` from a fragment such as `#z=abc&step=3`: `None` when the
/// fragment holds no shared program.
pub fn program_in_hash(hash: &str) -> Option<Result<String, ShareError>> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|kv| kv.strip_prefix("z="))
        .map(decode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_programs_with_any_text() {
        for code in [
            "",
            "print(1)\n",
            "import asyncio\n\nasync def main():\n    print(\"<script>alert(1)</script>\")\n\nasyncio.run(main())\n",
            "s = '\"><img src=x onerror=alert(1)>' # ünïcödé ✓ 🐍\n",
        ] {
            let link = encode(code).unwrap();
            assert!(
                link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{link}"
            );
            assert_eq!(decode(&link).unwrap(), code);
            assert_eq!(
                program_in_hash(&format!("#z={link}&step=2")),
                Some(Ok(code.to_string()))
            );
        }
    }

    #[test]
    fn compresses_typical_programs() {
        let code = "import asyncio\n\nasync def worker(name, delay):\n    await asyncio.sleep(delay)\n    print(name, 'done')\n\nasync def main():\n    await asyncio.gather(worker('a', 1), worker('b', 2), worker('c', 3))\n\nasyncio.run(main())\n";
        let link = encode(code).unwrap();
        assert!(link.len() < code.len(), "{} vs {}", link.len(), code.len());
    }

    #[test]
    fn rejects_damaged_links() {
        let link = encode("print('hello, world')\n").unwrap();
        assert_eq!(decode(&link[..link.len() / 2]), Err(ShareError::Malformed));
        assert_eq!(decode("not base64!"), Err(ShareError::Malformed));
        assert_eq!(decode("AAAA"), Err(ShareError::Malformed));
        let invalid_utf8 =
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9));
        assert_eq!(decode(&invalid_utf8), Err(ShareError::NotText));
    }

    #[test]
    fn rejects_oversized_links_and_bombs() {
        let long = "A".repeat(MAX_LINK_CHARS + 1);
        assert_eq!(
            decode(&long),
            Err(ShareError::TooLong {
                chars: MAX_LINK_CHARS + 1
            })
        );
        // A megabyte of spaces deflates to a tiny link but must not unpack.
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &vec![b' '; 1 << 20],
            9,
        ));
        assert!(bomb.len() < MAX_LINK_CHARS);
        assert_eq!(decode(&bomb), Err(ShareError::TooBig));
        assert_eq!(
            encode(&" ".repeat(MAX_CODE_BYTES + 1)),
            Err(ShareError::TooBig)
        );
        // Every message is a sentence a reader can act on.
        for e in [
            ShareError::Malformed,
            ShareError::TooBig,
            ShareError::NotText,
        ] {
            assert!(e.to_string().ends_with('.'));
        }
    }

    #[test]
    fn a_fragment_without_a_program_is_none() {
        assert_eq!(program_in_hash("#step=3"), None);
        assert_eq!(program_in_hash(""), None);
    }
}
