//! `_re`: the matching engine under `re` (written in Python, `re.py`).
//! Patterns are compiled by the `regex-lite` crate (chosen by measured
//! wasm size: about 28 KiB gzipped against about 311 KiB for `regex`).
//! It has no backtracking, so Python's backreferences, lookaround,
//! atomic groups, possessive quantifiers and conditionals are refused
//! with a clear `re.error`; `\d`, `\w`, `\s` and `\b` are ASCII-only.
//!
//! Positions cross this boundary as character indices (Python's), the
//! crate works in bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use regex_lite::Regex;

use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

type Cache = HashMap<(String, i64, bool), Rc<Regex>>;

thread_local! {
    /// Compiled patterns by (pattern, flags, must end at the end).
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// Why a Python pattern cannot be run, if it uses a feature the crate
/// lacks; the pattern translated to the crate's syntax otherwise.
fn translate(p: &str) -> Result<String, String> {
    let no = |what: &str| {
        Err(format!(
            "{what} are not supported in Looplab (its regex engine does not backtrack)"
        ))
    };
    let cs: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    while i < cs.len() {
        let c = cs[i];
        if c == '\\' && i + 1 < cs.len() {
            let n = cs[i + 1];
            if !in_class && n.is_ascii_digit() && n != '0' {
                return no("backreferences (\\1 …)");
            }
            if n == 'Z' {
                out.push_str("\\z");
            } else {
                out.push(c);
                out.push(n);
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            out.push(c);
            i += 1;
            // A ']' right after '[' or '[^' is a literal.
            if i < cs.len() && cs[i] == '^' {
                out.push('^');
                i += 1;
            }
            if i < cs.len() && cs[i] == ']' {
                out.push_str("\\]");
                i += 1;
            }
            continue;
        }
        if c == '(' && i + 1 < cs.len() && cs[i + 1] == '?' {
            let rest: String = cs[i + 2..cs.len().min(i + 5)].iter().collect();
            if rest.starts_with('=') || rest.starts_with('!') {
                return no("lookahead assertions (?=…) and (?!…)");
            }
            if rest.starts_with("<=") || rest.starts_with("<!") {
                return no("lookbehind assertions (?<=…) and (?<!…)");
            }
            if rest.starts_with("P=") {
                return no("backreferences (?P=name)");
            }
            if rest.starts_with('>') {
                return no("atomic groups (?>…)");
            }
            if rest.starts_with('(') {
                return no("conditional groups (?(…)…)");
            }
            if rest.starts_with('#') {
                // A comment group: dropped.
                while i < cs.len() && cs[i] != ')' {
                    i += 1;
                }
                i += 1;
                continue;
            }
        }
        if (c == '+' || c == '*' || c == '?' || c == '}')
            && i + 1 < cs.len()
            && cs[i + 1] == '+'
        {
            return no("possessive quantifiers (*+, ++, ?+)");
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

fn compiled(pattern: &str, flags: i64, full: bool) -> Result<Rc<Regex>, String> {
    let key = (pattern.to_string(), flags, full);
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let body = translate(pattern)?;
    let mut prefix = String::new();
    for (bit, f) in [(2, 'i'), (8, 'm'), (16, 's'), (64, 'x')] {
        if flags & bit != 0 {
            prefix.push(f);
        }
    }
    let mut src = if prefix.is_empty() {
        String::new()
    } else {
        format!("(?{prefix})")
    };
    if full && flags & 64 != 0 {
        // The newline ends a verbose-mode comment on the last line.
        src.push_str(&format!("(?:{body}\n)\\z"));
    } else if full {
        src.push_str(&format!("(?:{body})\\z"));
    } else {
        src.push_str(&body);
    }
    let r = Rc::new(Regex::new(&src).map_err(|e| {
        let s = e.to_string();
        let last = s.lines().rev().find(|l| l.starts_with("error:"));
        last.map(|l| l.trim_start_matches("error: ").to_string())
            .unwrap_or(s)
    })?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 256 {
            c.clear();
        }
        c.insert(key, r.clone());
    });
    Ok(r)
}

fn arg_str(vm: &mut Vm, v: &Value, what: &str) -> Result<Rc<str>, Error> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("{what} must be str, not {t}")))
        }
    }
}

fn arg_int(vm: &mut Vm, v: &Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!(
                "'{t}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// Byte offset of character index `ci` in `s` (clamped to the end).
fn byte_at(s: &str, ci: usize) -> usize {
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("_re");
    // compile(pattern, flags) -> (groups, ((name, index), ...)) or an
    // error message (a str) for `re.error`.
    reg(vm, &g, "compile", |vm, a, _| {
        nargs(vm, "compile", a, 2, 2)?;
        let p = arg_str(vm, &a[0], "pattern")?;
        let flags = arg_int(vm, &a[1])?;
        match compiled(&p, flags, false) {
            Err(msg) => Ok(Value::str(&msg)),
            Ok(r) => {
                let names = r
                    .capture_names()
                    .enumerate()
                    .filter_map(|(i, n)| {
                        n.map(|n| Value::tuple(vec![Value::str(n), Value::Int(i as i64)]))
                    })
                    .collect();
                Ok(Value::tuple(vec![
                    Value::Int(r.captures_len() as i64 - 1),
                    Value::tuple(names),
                ]))
            }
        }
    });
    // search(pattern, flags, string, pos, endpos, mode): mode 0 search,
    // 1 match (starts at pos), 2 fullmatch (also ends at endpos). Returns
    // None or the spans (start0, end0, start1, end1, …), -1 for a group
    // that did not take part, in character indices.
    reg(vm, &g, "search", |vm, a, _| {
        nargs(vm, "search", a, 6, 6)?;
        let p = arg_str(vm, &a[0], "pattern")?;
        let flags = arg_int(vm, &a[1])?;
        let s = arg_str(vm, &a[2], "string")?;
        let pos = arg_int(vm, &a[3])?.max(0) as usize;
        let endpos = arg_int(vm, &a[4])?.max(0) as usize;
        let mode = arg_int(vm, &a[5])?;
        let r = match compiled(&p, flags, mode == 2) {
            Ok(r) => r,
            Err(msg) => return Err(vm.value_error(msg)),
        };
        let ascii = s.is_ascii();
        let (bpos, bend) = if ascii {
            (pos.min(s.len()), endpos.min(s.len()))
        } else {
            (byte_at(&s, pos), byte_at(&s, endpos))
        };
        if bpos > bend {
            return Ok(Value::None);
        }
        let hay = &s[..bend];
        let Some(caps) = r.captures_at(hay, bpos) else {
            return Ok(Value::None);
        };
        if mode != 0 && caps.get(0).map(|m| m.start()) != Some(bpos) {
            return Ok(Value::None);
        }
        let to_ci = |b: usize| -> i64 {
            if ascii {
                b as i64
            } else {
                hay[..b].chars().count() as i64
            }
        };
        let mut out = Vec::with_capacity(caps.len() * 2);
        for i in 0..caps.len() {
            match caps.get(i) {
                Some(m) => {
                    out.push(Value::Int(to_ci(m.start())));
                    out.push(Value::Int(to_ci(m.end())));
                }
                None => {
                    out.push(Value::Int(-1));
                    out.push(Value::Int(-1));
                }
            }
        }
        Ok(Value::tuple(out))
    });
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn refuses_what_the_crate_lacks() {
        assert!(translate(r"(a)\1").is_err());
        assert!(translate(r"a(?=b)").is_err());
        assert!(translate(r"(?<!x)y").is_err());
        assert!(translate(r"(?P<n>a)(?P=n)").is_err());
        assert!(translate(r"a++").is_err());
        assert_eq!(translate(r"[\1]").unwrap(), r"[\1]");
        assert_eq!(translate(r"a\Z").unwrap(), r"a\z");
        assert_eq!(translate(r"[]a]").unwrap(), r"[\]a]");
        assert_eq!(translate(r"a(?#note)b").unwrap(), "ab");
    }
}
