//! `bytes.decode` and `str.encode` for the codecs a playground needs
//! (UTF-8, ASCII, Latin-1) with CPython's error handlers and the exact text
//! of `UnicodeDecodeError`/`UnicodeEncodeError`.

use super::PyErrMsg;

/// A codec this module implements, by CPython's normalised name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point the codec encodes (UTF-8: all of them).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

fn lookup(encoding: &str) -> Result<Codec, PyErrMsg> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Ok(match &*norm {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        _ => {
            return Err(PyErrMsg::new(
                "LookupError",
                format!("unknown encoding: {encoding}"),
            ))
        }
    })
}

fn unknown_handler(errors: &str) -> PyErrMsg {
    PyErrMsg::new(
        "LookupError",
        format!("unknown error handler name '{errors}'"),
    )
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> Result<String, PyErrMsg> {
    let codec = lookup(encoding)?;
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        // The next bad run [i + good, i + good + bad) and why it is bad.
        let rest = &data[i..];
        let (good, bad, reason) = match codec {
            Codec::Latin1 => (rest.len(), 0, ""),
            Codec::Ascii => match rest.iter().position(|&b| b >= 0x80) {
                None => (rest.len(), 0, ""),
                Some(p) => (p, 1, "ordinal not in range(128)"),
            },
            Codec::Utf8 => match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), 0, ""),
                Err(e) => {
                    let p = e.valid_up_to();
                    match e.error_len() {
                        None => (p, rest.len() - p, "unexpected end of data"),
                        Some(n) if matches!(rest[p], 0x80..=0xc1 | 0xf5..=0xff) => {
                            (p, n, "invalid start byte")
                        }
                        Some(n) => (p, n, "invalid continuation byte"),
                    }
                }
            },
        };
        match codec {
            Codec::Latin1 => out.extend(rest[..good].iter().map(|&b| b as char)),
            // Checked above: the first `good` bytes are valid.
            _ => out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or("")),
        }
        if bad == 0 {
            break;
        }
        let (start, end) = (i + good, i + good + bad);
        match errors {
            "strict" => {
                let what = if bad == 1 {
                    format!("byte 0x{:02x} in position {start}", data[start])
                } else {
                    format!("bytes in position {start}-{}", end - 1)
                };
                return Err(PyErrMsg::new(
                    "UnicodeDecodeError",
                    format!("'{}' codec can't decode {what}: {reason}", codec.name()),
                ));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i = end;
    }
    Ok(out)
}

/// `'\xe9'`, `'\u20ac'`, `'\U0001f600'`: a character as the encode error
/// names it.
fn escaped(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("'\\x{n:02x}'")
    } else if n < 0x10000 {
        format!("'\\u{n:04x}'")
    } else {
        format!("'\\U{n:08x}'")
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, PyErrMsg> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..]
            .iter()
            .take_while(|&&c| c as u32 >= limit)
            .count();
        match errors {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character {} in position {i}", escaped(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(PyErrMsg::new(
                    "UnicodeEncodeError",
                    format!(
                        "'{}' codec can't encode {what}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let n = c as u32;
                    let e = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend(e.bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_errors_name_the_bad_bytes() {
        let e = decode(b"a\xffb", "utf-8", "strict").unwrap_err();
        assert_eq!(
            e.msg,
            "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        let e = decode(b"ab\xe2\x82", "utf8", "strict").unwrap_err();
        assert_eq!(
            e.msg,
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"
        );
        assert_eq!(decode(b"a\xffb", "utf-8", "replace").unwrap(), "a\u{fffd}b");
        assert_eq!(decode(b"\xe9", "latin-1", "strict").unwrap(), "\u{e9}");
    }

    #[test]
    fn encode_errors_group_a_run() {
        let e = encode("a\u{e9}\u{e8}", "ascii", "strict").unwrap_err();
        assert_eq!(
            e.msg,
            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(encode("\u{20ac}", "latin-1", "replace").unwrap(), b"?");
    }
}
