//! `str` methods whose CPython semantics differ from Rust's: whitespace
//! `split`, `splitlines`, `strip(chars)`, `title`, `capitalize`, `center`,
//! `zfill`, `expandtabs`, the `is*` predicates, `repr`/`ascii`, and
//! `find`/`count`/... with start/end given as *character* indexes.
//!
//! Character classes (whitespace, printable, decimal, digit, numeric,
//! alpha, titlecase) come from tables generated from CPython's own
//! `unicodedata` (Unicode 14.0 for 3.11); case *mappings* use Rust's, which
//! differ from CPython 3.11 only for characters added after Unicode 14.

use super::unicode_tables as t;
use super::{check_width, PyErrMsg};

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `ch.isspace()` for one character (CPython's `Py_UNICODE_ISSPACE`).
pub fn is_space_char(c: char) -> bool {
    in_table(t::SPACE, c)
}

/// `ch.isprintable()` for one character (what `repr` leaves unescaped).
pub fn is_printable_char(c: char) -> bool {
    !in_table(t::NOT_PRINTABLE, c)
}

/// `ch.isdecimal()` for one character.
pub fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The decimal digit value of `c` (`unicodedata.decimal(c)`), if it has one.
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    let i = t::DECIMAL.partition_point(|&(lo, _)| lo <= u);
    let &(lo, hi) = t::DECIMAL.get(i.checked_sub(1)?)?;
    // Decimal digits come in runs of ten, 0 to 9 (the generator checks).
    (u <= hi).then_some((u - lo) % 10)
}

/// `ch.isdigit()` for one character.
pub fn is_digit_char(c: char) -> bool {
    in_table(t::DIGIT, c)
}

/// `ch.isnumeric()` for one character.
pub fn is_numeric_char(c: char) -> bool {
    in_table(t::NUMERIC, c)
}

/// `ch.isalpha()` for one character.
pub fn is_alpha_char(c: char) -> bool {
    in_table(t::ALPHA, c)
}

/// Whether `c` is a titlecase letter (category Lt).
pub fn is_title_char(c: char) -> bool {
    in_table(t::TITLE, c)
}

/// Whether `c` is cased (Lowercase, Uppercase or titlecase).
pub fn is_cased(c: char) -> bool {
    in_table(t::CASED, c)
}

/// Whether `c` has the Uppercase property (CPython's `Py_UNICODE_ISUPPER`).
pub fn is_upper_char(c: char) -> bool {
    in_table(t::UPPERCASE, c)
}

/// Whether `c` has the Lowercase property (CPython's `Py_UNICODE_ISLOWER`).
pub fn is_lower_char(c: char) -> bool {
    in_table(t::LOWERCASE, c)
}

/// The lowercase of `chars[i]` (CPython's `lower_ucs4`): a capital sigma
/// becomes a final sigma at the end of a word (`handle_capital_sigma`).
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let ignorable = |c: char| in_table(t::CASE_IGNORABLE, c);
    let before = chars[..i].iter().rev().find(|c| !ignorable(**c));
    let mut final_sigma = before.is_some_and(|c| is_cased(*c));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|c| !ignorable(**c));
        final_sigma = after.is_none_or(|c| !is_cased(*c));
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

/// The full titlecase mapping of `c` (CPython's `_PyUnicode_ToTitleFull`).
fn to_title(c: char) -> String {
    match t::TITLE_SPECIAL.binary_search_by_key(&(c as u32), |&(k, _)| k) {
        Ok(i) => t::TITLE_SPECIAL[i].1.to_string(),
        Err(_) => c.to_uppercase().collect(),
    }
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space_char)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit_char)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal_char)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric_char)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha_char)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |c| {
        is_alpha_char(c) || is_decimal_char(c) || is_digit_char(c) || is_numeric_char(c)
    })
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}

/// `s.isupper()`: some cased character, and no lowercase or titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_title_char(c) {
            return false;
        }
        cased |= is_upper_char(c);
    }
    cased
}

/// `s.islower()`: some cased character, and no uppercase or titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            return false;
        }
        cased |= is_lower_char(c);
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.casefold()`: full case folding (lowercase plus CPython's special
/// foldings such as `ß` -> `ss`).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match t::CASEFOLD_SPECIAL.binary_search_by_key(&(c as u32), |&(k, _)| k) {
            Ok(i) => out.push_str(t::CASEFOLD_SPECIAL[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            lower_at(&chars, i, &mut out);
        } else {
            out.push_str(&to_title(c));
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            out.push_str(&to_title(c));
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper_char(c) {
            lower_at(&chars, i, &mut out);
        } else if is_lower_char(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.split()` / `s.split(None, maxsplit)`: runs of whitespace separate,
/// leading and trailing whitespace ignored. `maxsplit < 0` means no limit.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space_char);
    let mut left = maxsplit;
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            return out;
        }
        match rest.find(is_space_char) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_space_char);
                left -= 1;
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
    out
}

/// `s.rsplit()` / `s.rsplit(None, maxsplit)`.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space_char);
    let mut left = maxsplit;
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space_char) {
            Some(i) => {
                let ch_len = rest[i..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[i + ch_len..]);
                rest = rest[..i].trim_end_matches(is_space_char);
                left -= 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// `s.split(sep, maxsplit)`; `sep == None` is [`split_whitespace`].
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, PyErrMsg> {
    let Some(sep) = sep else {
        return Ok(split_whitespace(s, maxsplit));
    };
    if sep.is_empty() {
        return Err(PyErrMsg::value_error("empty separator"));
    }
    Ok(if maxsplit < 0 {
        s.split(sep).collect()
    } else {
        s.splitn(maxsplit.saturating_add(1) as usize, sep).collect()
    })
}

/// `s.rsplit(sep, maxsplit)`; `sep == None` is [`rsplit_whitespace`].
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, PyErrMsg> {
    let Some(sep) = sep else {
        return Ok(rsplit_whitespace(s, maxsplit));
    };
    if sep.is_empty() {
        return Err(PyErrMsg::value_error("empty separator"));
    }
    let mut out: Vec<&str> = if maxsplit < 0 {
        s.rsplit(sep).collect()
    } else {
        s.rsplitn(maxsplit.saturating_add(1) as usize, sep)
            .collect()
    };
    out.reverse();
    Ok(out)
}

/// Whether `c` ends a line for `splitlines` (CPython's `BLOOM_LINEBREAK`
/// set: `\n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = iter.peek() {
                    iter.next();
                    end = j + 1;
                }
            }
            out.push(
                if keepends {
                    &s[start..end]
                } else {
                    &s[start..i]
                }
                .to_string(),
            );
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `s.strip(chars)`; `chars == None` strips whitespace.
pub fn strip(s: &str, chars: Option<&str>) -> String {
    rstrip(&lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_start_matches(is_space_char).to_string(),
        Some(set) => s.trim_start_matches(|c| set.contains(c)).to_string(),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_end_matches(is_space_char).to_string(),
        Some(set) => s.trim_end_matches(|c| set.contains(c)).to_string(),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Widths above [`super::MAX_FORMAT_WIDTH`] give a `MemoryError` (where
/// CPython would try to allocate the text).
///
/// `s.center(width, fill)`; CPython puts the odd extra space on the left
/// when both the margin and `width` are odd.
pub fn center(s: &str, width: i64, fill: char) -> Result<String, PyErrMsg> {
    let len = s.chars().count() as i64;
    let marg = width.saturating_sub(len);
    if marg <= 0 {
        return Ok(s.to_string());
    }
    check_width(width)?;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad(s, left as usize, (marg - left) as usize, fill))
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, PyErrMsg> {
    check_width(width)?;
    let marg = width.saturating_sub(s.chars().count() as i64);
    Ok(pad(s, 0, marg.max(0) as usize, fill))
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, PyErrMsg> {
    check_width(width)?;
    let marg = width.saturating_sub(s.chars().count() as i64);
    Ok(pad(s, marg.max(0) as usize, 0, fill))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> Result<String, PyErrMsg> {
    check_width(width)?;
    let marg = width.saturating_sub(s.chars().count() as i64);
    if marg <= 0 {
        return Ok(s.to_string());
    }
    let zeros = "0".repeat(marg as usize);
    Ok(match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    })
}

/// `s.expandtabs(tabsize)`: the column resets at `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, PyErrMsg> {
    if s.contains('\t') {
        check_width(tabsize)?;
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
        check_width(out.len() as i64)?;
    }
    Ok(out)
}

fn push_escape(out: &mut String, c: char) {
    let u = c as u32;
    if u <= 0xff {
        out.push_str(&format!("\\x{u:02x}"));
    } else if u <= 0xffff {
        out.push_str(&format!("\\u{u:04x}"));
    } else {
        out.push_str(&format!("\\U{u:08x}"));
    }
}

/// `repr(s)`: single quotes unless `s` contains `'` and no `"`; escapes
/// `\\`, the quote, `\t \n \r`, other control characters as `\xhh`, and
/// non-printable non-ASCII as `\xhh`/`\uhhhh`/`\Uhhhhhhhh`.
pub fn repr_str(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)`: like [`repr_str`] but every non-ASCII character escaped.
pub fn ascii_str(s: &str) -> String {
    repr_impl(s, true)
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_escape(&mut out, c),
            c if c.is_ascii() => out.push(c),
            c if ascii_only || !is_printable_char(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes: `b'...'` with the same quote choice as `str`;
/// bytes outside printable ASCII become `\xhh`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Maps Unicode whitespace to `' '` and Unicode decimal digits to ASCII
/// digits, other non-ASCII characters to `'?'` (CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`, used by `int()` and
/// `float()` on strings).
pub fn to_ascii_digits_and_spaces(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() && !is_space_char(c) {
                c
            } else if is_space_char(c) {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from_digit(d, 10).unwrap_or('?')
            } else {
                '?'
            }
        })
        .collect()
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> Result<(String, String, String), PyErrMsg> {
    if sep.is_empty() {
        return Err(PyErrMsg::value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> Result<(String, String, String), PyErrMsg> {
    if sep.is_empty() {
        return Err(PyErrMsg::value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

/// CPython's `ADJUST_INDICES`: slice-style start/end over `len` characters
/// (end clamped to `len`, negatives counted from the end; start is not
/// clamped upward).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Character index -> byte offset in `s` (`idx <= char count`).
fn byte_at(s: &str, idx: i64) -> usize {
    s.char_indices()
        .nth(idx as usize)
        .map_or(s.len(), |(b, _)| b)
}

/// The window `s[start:end]` (character indexes, already adjusted) and its
/// starting character index, or `None` when `sub` cannot fit.
fn window<'a>(
    s: &'a str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(&'a str, i64)> {
    let len = s.chars().count() as i64;
    let (start, end) = adjust_indices(start, end, len);
    if end - start < sub.chars().count() as i64 {
        return None;
    }
    Some((&s[byte_at(s, start)..byte_at(s, end)], start))
}

/// `s.find(sub, start, end)`, in character indexes; -1 when absent.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((w, off)) = window(s, sub, start, end) else {
        return -1;
    };
    w.find(sub)
        .map_or(-1, |b| off + w[..b].chars().count() as i64)
}

/// `s.rfind(sub, start, end)`, in character indexes; -1 when absent.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((w, off)) = window(s, sub, start, end) else {
        return -1;
    };
    w.rfind(sub)
        .map_or(-1, |b| off + w[..b].chars().count() as i64)
}

/// `s.index(sub, start, end)`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, PyErrMsg> {
    match find(s, sub, start, end) {
        -1 => Err(PyErrMsg::value_error("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, PyErrMsg> {
    match rfind(s, sub, start, end) {
        -1 => Err(PyErrMsg::value_error("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((w, _)) = window(s, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return w.chars().count() as i64 + 1;
    }
    w.matches(sub).count() as i64
}

/// `s.startswith(prefix, start, end)`.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let len = s.chars().count() as i64;
    let (start, _) = adjust_indices(start, end, len);
    if start > len {
        return false;
    }
    window(s, prefix, Some(start), end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)`.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let len = s.chars().count() as i64;
    let (start, _) = adjust_indices(start, end, len);
    if start > len {
        return false;
    }
    window(s, suffix, Some(start), end).is_some_and(|(w, _)| w.ends_with(suffix))
}

/// `s.replace(old, new, count)`; `count < 0` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }
}
