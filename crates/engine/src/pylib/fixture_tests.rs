//! Checks every CPython fixture in `pylib/fixtures/`. The fixtures are JSON
//! lines written by real CPython 3.11 through `tools/pylib_fixtures.py`
//! (rerun it to regenerate them); nothing here computes an expected value.

use serde_json::Value;

use super::format_spec::{format_bool, format_float, format_int, format_str};
use super::hash::{
    hash_bool, hash_bytes, hash_float, hash_frozenset, hash_int, hash_str, hash_tuple,
};
use super::numbers::{self, IntOrFloat};
use super::percent_format::{percent_format, FmtArg, PercentArgs};
use super::random::Random;
use super::set_order::SetOrder;
use super::{float_repr, format_template, strings, PyErrMsg};

fn rows(text: &str) -> impl Iterator<Item = Value> + '_ {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("fixture lines are JSON"))
}

/// A float from its IEEE bits in hex.
fn fl(v: &Value) -> f64 {
    f64::from_bits(u64::from_str_radix(v.as_str().expect("hex bits"), 16).expect("hex bits"))
}

fn int(v: &Value) -> i64 {
    v.as_i64().expect("an i64")
}

fn text(v: &Value) -> &str {
    v.as_str().expect("a string")
}

/// Floats are equal when their bits are, or both are NaN.
fn same_float(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Collects mismatches and fails once with the first few.
struct Check {
    name: &'static str,
    total: usize,
    failures: Vec<String>,
}

impl Check {
    fn new(name: &'static str) -> Check {
        Check {
            name,
            total: 0,
            failures: Vec::new(),
        }
    }

    fn ok(&mut self, good: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if !good {
            self.failures.push(what());
        }
    }

    /// Compares a result with the row's `out` (via `out_eq`) or `err`.
    fn result<T: std::fmt::Debug>(
        &mut self,
        row: &Value,
        got: &Result<T, PyErrMsg>,
        out_eq: impl FnOnce(&T, &Value) -> bool,
    ) {
        let good = match (got, row.get("out"), row.get("err")) {
            (Ok(v), Some(out), _) => out_eq(v, out),
            // Looplab refuses huge widths with its own MemoryError message.
            (Err(e), None, Some(err)) if text(err).starts_with("MemoryError") => {
                e.exc_type == "MemoryError"
            }
            (Err(e), None, Some(err)) => e.to_string() == text(err),
            (Err(e), None, None) => row.get("too_big").is_some() && *e == PyErrMsg::int_too_big(),
            _ => false,
        };
        self.ok(good, || format!("{row}\n    got {got:?}"));
    }

    fn finish(self) {
        let n = self.failures.len();
        assert!(
            n == 0,
            "{}: {n} of {} fixtures differ from CPython; first ones:\n{}",
            self.name,
            self.total,
            self.failures
                .iter()
                .take(15)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(self.total > 0, "{}: no fixtures checked", self.name);
    }
}

#[test]
fn float_repr_matches_cpython() {
    let mut c = Check::new("float_repr");
    for row in rows(include_str!("fixtures/float_repr.jsonl")) {
        let got = float_repr::repr_float(fl(&row["x"]));
        c.ok(got == text(&row["out"]), || format!("{row}\n    got {got}"));
    }
    c.finish();
}

#[test]
fn format_spec_matches_cpython() {
    let mut c = Check::new("format_spec");
    for row in rows(include_str!("fixtures/format_spec.jsonl")) {
        let spec = text(&row["spec"]);
        let v = &row["v"];
        let got = match text(&row["kind"]) {
            "int" => format_int(int(v), spec),
            "float" => format_float(fl(v), spec),
            "str" => format_str(text(v), spec),
            _ => format_bool(v.as_bool().expect("bool"), spec),
        };
        c.result(&row, &got, |s, out| s == text(out));
    }
    c.finish();
}

fn fmt_arg(v: &Value) -> FmtArg {
    let t = v.as_array().expect("tagged value");
    match text(&t[0]) {
        "int" => FmtArg::Int(int(&t[1])),
        "bool" => FmtArg::Bool(t[1].as_bool().expect("bool")),
        "float" => FmtArg::Float(fl(&t[1])),
        "str" => FmtArg::Str(text(&t[1]).to_string()),
        _ => FmtArg::Other {
            type_name: text(&t[1]).to_string(),
            str_: text(&t[2]).to_string(),
            repr: text(&t[3]).to_string(),
        },
    }
}

#[test]
fn percent_format_matches_cpython() {
    let mut c = Check::new("percent_format");
    for row in rows(include_str!("fixtures/percent_format.jsonl")) {
        let fmt = text(&row["fmt"]);
        let a = &row["args"];
        let got = match text(&a["kind"]) {
            "tuple" => {
                let items: Vec<FmtArg> = a["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .map(fmt_arg)
                    .collect();
                percent_format(fmt, PercentArgs::Tuple(&items))
            }
            "one" => percent_format(fmt, PercentArgs::One(&fmt_arg(&a["item"]))),
            "dict" => {
                let items = a["items"].as_object().expect("dict items").clone();
                let lookup = move |k: &str| -> Result<FmtArg, PyErrMsg> {
                    items
                        .get(k)
                        .map(fmt_arg)
                        .ok_or_else(|| PyErrMsg::new("KeyError", strings::repr_str(k)))
                };
                percent_format(
                    fmt,
                    PercentArgs::Mapping {
                        whole: &fmt_arg(&a["whole"]),
                        lookup: &lookup,
                    },
                )
            }
            _ => {
                let lookup = |_: &str| -> Result<FmtArg, PyErrMsg> {
                    Err(PyErrMsg::type_error(
                        "list indices must be integers or slices, not str",
                    ))
                };
                percent_format(
                    fmt,
                    PercentArgs::Mapping {
                        whole: &fmt_arg(&a["whole"]),
                        lookup: &lookup,
                    },
                )
            }
        };
        c.result(&row, &got, |s, out| s == text(out));
    }
    c.finish();
}

fn float_out(x: &f64, out: &Value) -> bool {
    same_float(*x, fl(out))
}

#[test]
fn numbers_match_cpython() {
    let mut c = Check::new("numbers");
    for row in rows(include_str!("fixtures/numbers.jsonl")) {
        let r = &row;
        match text(&r["fn"]) {
            "int_from_str" => {
                // Rows marked too_big (beyond 64 bits) are now results.
                let got = numbers::int_from_str(text(&r["s"]), int(&r["base"]) as u32)
                    .and_then(|v| i64::try_from(&v).map_err(|_| PyErrMsg::int_too_big()));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "float_from_str" => {
                let got = numbers::float_from_str(text(&r["s"]));
                c.result(r, &got, float_out);
            }
            "round_float" => {
                let got = numbers::round_float(fl(&r["x"]), int(&r["n"]));
                c.result(r, &got, float_out);
            }
            "round_float_to_int" => {
                let got = numbers::round_float_to_int(fl(&r["x"]))
                    .and_then(|v| i64::try_from(&v).map_err(|_| PyErrMsg::int_too_big()));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "float_to_int" => {
                let got = numbers::float_to_int(fl(&r["x"]))
                    .and_then(|v| i64::try_from(&v).map_err(|_| PyErrMsg::int_too_big()));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "float_is_integer" => {
                let got: Result<bool, PyErrMsg> = Ok(numbers::float_is_integer(fl(&r["x"])));
                c.result(r, &got, |v, out| Some(*v) == out.as_bool());
            }
            "round_int" => {
                let got = numbers::round_int(int(&r["a"]), int(&r["n"]));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "int_floordiv" => {
                let got = numbers::int_floordiv(int(&r["a"]), int(&r["b"]));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "int_mod" => {
                let got = numbers::int_mod(int(&r["a"]), int(&r["b"]));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "int_divmod" => {
                let got = numbers::int_divmod(int(&r["a"]), int(&r["b"]));
                c.result(r, &got, |v, out| v.0 == int(&out[0]) && v.1 == int(&out[1]));
            }
            "int_truediv" => {
                let got = numbers::int_truediv(int(&r["a"]), int(&r["b"]));
                c.result(r, &got, float_out);
            }
            "float_floordiv" => {
                let got = numbers::float_floordiv(fl(&r["x"]), fl(&r["y"]));
                c.result(r, &got, float_out);
            }
            "float_mod" => {
                let got = numbers::float_mod(fl(&r["x"]), fl(&r["y"]));
                c.result(r, &got, float_out);
            }
            "float_truediv" => {
                let got = numbers::float_truediv(fl(&r["x"]), fl(&r["y"]));
                c.result(r, &got, float_out);
            }
            "float_divmod" => {
                let got = numbers::float_divmod(fl(&r["x"]), fl(&r["y"]));
                c.result(r, &got, |v, out| {
                    same_float(v.0, fl(&out[0])) && same_float(v.1, fl(&out[1]))
                });
            }
            "int_pow" => {
                let got = numbers::int_pow(int(&r["a"]), int(&r["b"]));
                c.result(r, &got, |v, out| match (v, text(&out[0])) {
                    (IntOrFloat::Int(i), "int") => *i == int(&out[1]),
                    (IntOrFloat::Float(f), "float") => same_float(*f, fl(&out[1])),
                    _ => false,
                });
            }
            "int_pow_mod" => {
                let got = numbers::int_pow_mod(int(&r["a"]), int(&r["b"]), int(&r["m"]));
                c.result(r, &got, |v, out| *v == int(out));
            }
            "cmp_int_float" => {
                let got = numbers::cmp_int_float(int(&r["a"]), fl(&r["x"])).map(|o| o as i64);
                c.ok(got == r["out"].as_i64(), || format!("{r}\n    got {got:?}"));
            }
            "float_pow" => {
                let got = numbers::float_pow(fl(&r["x"]), fl(&r["y"]));
                if r.get("complex").is_some() {
                    // CPython returns a complex number; Looplab refuses.
                    c.ok(got.is_err(), || format!("{r}\n    got {got:?}"));
                } else {
                    c.result(r, &got, float_out);
                }
            }
            "int_to_base" => {
                let a = int(&r["a"]);
                let got: Vec<String> = [2, 8, 16]
                    .iter()
                    .map(|b| numbers::int_to_base(a, *b))
                    .collect();
                let want: Vec<&str> = r["out"]
                    .as_array()
                    .expect("list")
                    .iter()
                    .map(text)
                    .collect();
                c.ok(got == want, || format!("{r}\n    got {got:?}"));
            }
            other => panic!("unknown numbers fixture {other}"),
        }
    }
    c.finish();
}

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The hash of a tagged fixture value.
fn hash_of(v: &Value) -> i64 {
    let t = v.as_array().expect("tagged value");
    match text(&t[0]) {
        "int" => hash_int(int(&t[1])),
        "bool" => hash_bool(t[1].as_bool().expect("bool")),
        "float" => hash_float(fl(&t[1])),
        "str" => hash_str(text(&t[1])),
        "bytes" => hash_bytes(&unhex(text(&t[1]))),
        "tuple" => {
            let items: Vec<i64> = t[1]
                .as_array()
                .expect("items")
                .iter()
                .map(hash_of)
                .collect();
            hash_tuple(&items)
        }
        "frozenset" => {
            let items: Vec<i64> = t[1]
                .as_array()
                .expect("items")
                .iter()
                .map(hash_of)
                .collect();
            hash_frozenset(&items)
        }
        other => panic!("unhashable fixture {other}"),
    }
}

#[test]
fn hash_matches_cpython() {
    let mut c = Check::new("hash");
    for row in rows(include_str!("fixtures/hash.jsonl")) {
        let got = hash_of(&row["v"]);
        c.ok(got == int(&row["out"]), || format!("{row}\n    got {got}"));
    }
    c.finish();
}

/// A set key in the fixtures: an int or a str (never equal to each other).
#[derive(Clone, Debug, PartialEq)]
enum Key {
    Int(i64),
    Str(String),
}

fn key(v: &Value) -> (i64, Key) {
    let t = v.as_array().expect("tagged key");
    match text(&t[0]) {
        "int" => {
            let i = int(&t[1]);
            (hash_int(i), Key::Int(i))
        }
        _ => {
            let s = text(&t[1]).to_string();
            (hash_str(&s), Key::Str(s))
        }
    }
}

fn replay(ops: &Value, popped: &mut Vec<Key>) -> SetOrder<Key> {
    let mut s = SetOrder::new();
    for op in ops.as_array().expect("ops") {
        match text(&op[0]) {
            "add" => {
                let (h, k) = key(&op[1]);
                s.insert(h, k);
            }
            "discard" => {
                let (h, k) = key(&op[1]);
                s.remove(h, &k);
            }
            "pop" => {
                if let Some((_, k)) = s.pop() {
                    popped.push(k);
                }
            }
            _ => s.clear(),
        }
    }
    s
}

#[test]
fn set_order_matches_cpython() {
    let mut c = Check::new("set_order");
    for row in rows(include_str!("fixtures/set_order.jsonl")) {
        let want: Vec<Key> = row["out"]
            .as_array()
            .expect("out")
            .iter()
            .map(|v| key(v).1)
            .collect();
        let mut popped = Vec::new();
        let got: Vec<Key> = if text(&row["kind"]) == "ops" {
            let s = replay(&row["ops"], &mut popped);
            let want_popped: Vec<Key> = row["popped"]
                .as_array()
                .expect("popped")
                .iter()
                .map(|v| key(v).1)
                .collect();
            c.ok(popped == want_popped, || {
                format!("pop order {row}\n    got {popped:?}")
            });
            s.iter().cloned().collect()
        } else {
            let a = replay(&row["a"], &mut popped);
            let b = replay(&row["b"], &mut popped);
            let r = match text(&row["op"]) {
                "|" => a.union(&b),
                "&" => a.intersection(&b),
                "-" => a.difference(&b),
                "^" => a.symmetric_difference(&b),
                "copy" => a.copy(),
                "dict" => {
                    let mut s = SetOrder::new();
                    let keys: Vec<(i64, Key)> = b.entries().map(|(h, k)| (h, k.clone())).collect();
                    s.update_from_dict(&keys);
                    s
                }
                _ => {
                    let mut s = a.copy();
                    let keys: Vec<(i64, Key)> = b.entries().map(|(h, k)| (h, k.clone())).collect();
                    s.update_from_dict(&keys);
                    s
                }
            };
            r.iter().cloned().collect()
        };
        c.ok(got == want, || format!("{row}\n    got {got:?}"));
    }
    c.finish();
}

#[test]
fn random_matches_cpython() {
    let mut c = Check::new("random");
    for row in rows(include_str!("fixtures/random.jsonl")) {
        let mut g = Random::new();
        match row["seed"].as_array() {
            None => {}
            Some(t) => match text(&t[0]) {
                "int" => g.seed_int(int(&t[1])),
                "float" => g.seed_float(fl(&t[1])),
                "bytes" => g.seed_bytes(&unhex(text(&t[1]))),
                _ => g.seed_str(text(&t[1])),
            },
        }
        for call in row["calls"].as_array().expect("calls") {
            let (req, want) = (&call[0], &call[1]);
            let ok = match text(&req[0]) {
                "random" => same_float(g.random(), fl(want)),
                "getrandbits" => g.getrandbits(int(&req[1])).ok() == want.as_u64(),
                "randrange" => {
                    let got = g.randrange(int(&req[1]), Some(int(&req[2])), int(&req[3]));
                    outcome(&got, want, |v, o| *v == int(o))
                }
                "randrange1" => {
                    let got = g.randrange(int(&req[1]), None, 1);
                    outcome(&got, want, |v, o| *v == int(o))
                }
                "randint" => {
                    let got = g.randint(int(&req[1]), int(&req[2]));
                    outcome(&got, want, |v, o| *v == int(o))
                }
                "choice" => {
                    let got = g.choice_index(int(&req[1]) as usize);
                    outcome(&got, want, |v, o| *v as i64 == int(o))
                }
                "shuffle" => {
                    let mut x: Vec<i64> = (0..int(&req[1])).collect();
                    g.shuffle(&mut x);
                    let w: Vec<i64> = want.as_array().expect("list").iter().map(int).collect();
                    x == w
                }
                "sample" => {
                    let got = g.sample_indices(int(&req[1]) as usize, int(&req[2]));
                    outcome(&got, want, |v, o| {
                        let w: Vec<i64> = o.as_array().expect("list").iter().map(int).collect();
                        v.iter().map(|i| *i as i64).collect::<Vec<_>>() == w
                    })
                }
                "uniform" => same_float(g.uniform(fl(&req[1]), fl(&req[2])), fl(want)),
                "choices" => {
                    let floats = |v: &Value| -> Option<Vec<f64>> {
                        v.as_array().map(|a| a.iter().map(fl).collect())
                    };
                    let (w, cw) = (floats(&req[2]), floats(&req[3]));
                    let got = g.choices_indices(
                        int(&req[1]) as usize,
                        w.as_deref(),
                        cw.as_deref(),
                        int(&req[4]),
                    );
                    outcome(&got, want, |v, o| {
                        let w: Vec<i64> = o.as_array().expect("list").iter().map(int).collect();
                        v.iter().map(|i| *i as i64).collect::<Vec<_>>() == w
                    })
                }
                "expovariate" => g
                    .expovariate(fl(&req[1]))
                    .is_ok_and(|x| same_float(x, fl(want))),
                "triangular" => {
                    let mode = req[3].as_str().map(|_| fl(&req[3]));
                    same_float(g.triangular(fl(&req[1]), fl(&req[2]), mode), fl(want))
                }
                "normalvariate" => same_float(g.normalvariate(fl(&req[1]), fl(&req[2])), fl(want)),
                _ => same_float(g.gauss(fl(&req[1]), fl(&req[2])), fl(want)),
            };
            c.ok(ok, || format!("seed {} call {call}", row["seed"]));
            if !ok {
                break;
            }
        }
    }
    c.finish();
}

/// Compares a result with a `{"out": ...}` / `{"err": ...}` object.
fn outcome<T>(
    got: &Result<T, PyErrMsg>,
    want: &Value,
    eq: impl FnOnce(&T, &Value) -> bool,
) -> bool {
    match (got, want.get("out"), want.get("err")) {
        (Ok(v), Some(o), _) => eq(v, o),
        (Err(e), None, Some(err)) => e.to_string() == text(err),
        _ => false,
    }
}

fn opt_int(v: &Value) -> Option<i64> {
    v.as_i64()
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn strings_match_cpython() {
    let mut c = Check::new("strings");
    for row in rows(include_str!("fixtures/strings.jsonl")) {
        let s = text(&row["s"]);
        let a = row["args"].as_array().expect("args");
        let fill = |v: &Value| text(v).chars().next().expect("fill char");
        let st = |v: &Value| Value::String(v.to_string());
        let got: Result<Value, PyErrMsg> = match text(&row["fn"]) {
            "split" => strings::split(s, opt_str(&a[0]), int(&a[1])).map(Value::from),
            "rsplit" => strings::rsplit(s, opt_str(&a[0]), int(&a[1])).map(Value::from),
            "splitlines" => Ok(strings::splitlines(s, a[0].as_bool().expect("bool")).into()),
            "strip" => Ok(strings::strip(s, opt_str(&a[0])).into()),
            "lstrip" => Ok(strings::lstrip(s, opt_str(&a[0])).into()),
            "rstrip" => Ok(strings::rstrip(s, opt_str(&a[0])).into()),
            "title" => Ok(strings::title(s).into()),
            "capitalize" => Ok(strings::capitalize(s).into()),
            "swapcase" => Ok(strings::swapcase(s).into()),
            "casefold" => Ok(strings::casefold(s).into()),
            "lower" => Ok(strings::lower(s).into()),
            "upper" => Ok(strings::upper(s).into()),
            "center" => strings::center(s, int(&a[0]), fill(&a[1])).map(Value::from),
            "ljust" => strings::ljust(s, int(&a[0]), fill(&a[1])).map(Value::from),
            "rjust" => strings::rjust(s, int(&a[0]), fill(&a[1])).map(Value::from),
            "zfill" => strings::zfill(s, int(&a[0])).map(Value::from),
            "expandtabs" => strings::expandtabs(s, int(&a[0])).map(Value::from),
            "isdigit" => Ok(strings::isdigit(s).into()),
            "isalpha" => Ok(strings::isalpha(s).into()),
            "isalnum" => Ok(strings::isalnum(s).into()),
            "isspace" => Ok(strings::isspace(s).into()),
            "isupper" => Ok(strings::isupper(s).into()),
            "islower" => Ok(strings::islower(s).into()),
            "istitle" => Ok(strings::istitle(s).into()),
            "isdecimal" => Ok(strings::isdecimal(s).into()),
            "isnumeric" => Ok(strings::isnumeric(s).into()),
            "isprintable" => Ok(strings::isprintable(s).into()),
            "repr" => Ok(strings::repr_str(s).into()),
            "repr_bytes" => Ok(strings::repr_bytes(&unhex(s)).into()),
            "ascii" => Ok(strings::ascii_str(s).into()),
            "partition" => strings::partition(s, text(&a[0])).map(|(x, y, z)| vec![x, y, z].into()),
            "rpartition" => {
                strings::rpartition(s, text(&a[0])).map(|(x, y, z)| vec![x, y, z].into())
            }
            "find" => Ok(strings::find(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).into()),
            "rfind" => Ok(strings::rfind(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).into()),
            "index" => {
                strings::index(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).map(Value::from)
            }
            "rindex" => {
                strings::rindex(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).map(Value::from)
            }
            "count" => Ok(strings::count(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).into()),
            "startswith" => {
                Ok(strings::startswith(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).into())
            }
            "endswith" => {
                Ok(strings::endswith(s, text(&a[0]), opt_int(&a[1]), opt_int(&a[2])).into())
            }
            "replace" => Ok(strings::replace(s, text(&a[0]), text(&a[1]), int(&a[2])).into()),
            other => Ok(st(&Value::String(format!("unknown fn {other}")))),
        };
        c.result(&row, &got, |v, out| v == out);
    }
    c.finish();
}

/// A tiny object model for the `str.format` fixtures: the argument kinds
/// the generator uses.
#[derive(Clone, Debug)]
enum TObj {
    Int(i64),
    Str(String),
    List(Vec<TObj>),
    Dict(Vec<(String, TObj)>),
}

impl TObj {
    fn from_tag(v: &Value) -> TObj {
        let t = v.as_array().expect("tagged value");
        match text(&t[0]) {
            "int" => TObj::Int(int(&t[1])),
            "str" => TObj::Str(text(&t[1]).to_string()),
            "list" => TObj::List(
                t[1].as_array()
                    .expect("list")
                    .iter()
                    .map(TObj::from_tag)
                    .collect(),
            ),
            _ => TObj::Dict(
                t[1].as_array()
                    .expect("dict")
                    .iter()
                    .map(|kv| (text(&kv[0]).to_string(), TObj::from_tag(&kv[1])))
                    .collect(),
            ),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            TObj::Int(_) => "int",
            TObj::Str(_) => "str",
            TObj::List(_) => "list",
            TObj::Dict(_) => "dict",
        }
    }

    fn repr(&self) -> String {
        match self {
            TObj::Int(i) => i.to_string(),
            TObj::Str(s) => strings::repr_str(s),
            TObj::List(items) => {
                let inner: Vec<String> = items.iter().map(TObj::repr).collect();
                format!("[{}]", inner.join(", "))
            }
            TObj::Dict(items) => {
                let inner: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", strings::repr_str(k), v.repr()))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }

    fn str_(&self) -> String {
        match self {
            TObj::Str(s) => s.clone(),
            other => other.repr(),
        }
    }
}

/// Answers `vformat`'s questions for [`TObj`] arguments.
struct TArgs {
    args: Vec<TObj>,
    kwargs: Vec<(String, TObj)>,
}

impl format_template::FormatCallbacks for TArgs {
    type Obj = TObj;

    fn arg(&mut self, arg: &format_template::FieldArg) -> Result<TObj, PyErrMsg> {
        match arg {
            format_template::FieldArg::Index(i) => self
                .args
                .get(*i)
                .cloned()
                .ok_or_else(|| format_template::index_error(*i)),
            format_template::FieldArg::Name(n) => self
                .kwargs
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErrMsg::new("KeyError", strings::repr_str(n))),
        }
    }

    fn access(&mut self, obj: TObj, acc: &format_template::Accessor) -> Result<TObj, PyErrMsg> {
        use format_template::Accessor;
        let not_subscriptable = |o: &TObj| {
            PyErrMsg::type_error(format!("'{}' object is not subscriptable", o.type_name()))
        };
        match (acc, &obj) {
            (Accessor::Attr(a), TObj::Int(i)) if a == "real" => Ok(TObj::Int(*i)),
            (Accessor::Attr(a), TObj::Int(_)) if a == "imag" => Ok(TObj::Int(0)),
            (Accessor::Attr(a), o) => Err(PyErrMsg::new(
                "AttributeError",
                format!("'{}' object has no attribute '{a}'", o.type_name()),
            )),
            (Accessor::Index(i), TObj::List(items)) => items
                .get(*i)
                .cloned()
                .ok_or_else(|| PyErrMsg::index_error("list index out of range")),
            (Accessor::Index(i), TObj::Str(s)) => s
                .chars()
                .nth(*i)
                .map(|c| TObj::Str(c.to_string()))
                .ok_or_else(|| PyErrMsg::index_error("string index out of range")),
            (Accessor::Index(i), TObj::Dict(_)) => Err(PyErrMsg::new("KeyError", i.to_string())),
            (Accessor::Key(_), TObj::List(_)) => Err(PyErrMsg::type_error(
                "list indices must be integers or slices, not str",
            )),
            (Accessor::Key(_), TObj::Str(_)) => Err(PyErrMsg::type_error(
                "string indices must be integers, not 'str'",
            )),
            (Accessor::Key(k), TObj::Dict(items)) => items
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErrMsg::new("KeyError", strings::repr_str(k))),
            (_, o) => Err(not_subscriptable(o)),
        }
    }

    fn convert(&mut self, obj: TObj, conv: format_template::Conversion) -> Result<TObj, PyErrMsg> {
        use format_template::Conversion;
        Ok(TObj::Str(match conv {
            Conversion::Repr => obj.repr(),
            Conversion::Str => obj.str_(),
            Conversion::Ascii => match &obj {
                TObj::Str(s) => strings::ascii_str(s),
                other => other.repr(),
            },
        }))
    }

    fn format(&mut self, obj: TObj, spec: &str) -> Result<String, PyErrMsg> {
        match obj {
            TObj::Int(i) => format_int(i, spec),
            TObj::Str(s) => format_str(&s, spec),
            other if spec.is_empty() => Ok(other.str_()),
            other => Err(PyErrMsg::type_error(format!(
                "unsupported format string passed to {}.__format__",
                other.type_name()
            ))),
        }
    }
}

#[test]
fn format_template_matches_cpython() {
    let mut c = Check::new("format_template");
    for row in rows(include_str!("fixtures/format_template.jsonl")) {
        let template = text(&row["template"]);
        // The parser alone, against CPython's own `_string.formatter_parser`.
        let parsed: Result<Vec<Value>, PyErrMsg> = format_template::MarkupIterator::new(template)
            .map(|m| {
                m.map(|m| match m.field {
                    None => serde_json::json!([m.literal, null, null, null]),
                    Some(f) => serde_json::json!([
                        m.literal,
                        f.field_name,
                        f.format_spec,
                        f.conversion.map(String::from)
                    ]),
                })
            })
            .collect();
        c.result(&row["parsed"], &parsed, |v, out| {
            Value::Array(v.clone()) == *out
        });
        // Full rendering.
        let mut cb = TArgs {
            args: row["args"]
                .as_array()
                .expect("args")
                .iter()
                .map(TObj::from_tag)
                .collect(),
            kwargs: row["kwargs"]
                .as_object()
                .expect("kwargs")
                .iter()
                .map(|(k, v)| (k.clone(), TObj::from_tag(v)))
                .collect(),
        };
        let got = format_template::vformat(
            template,
            format_template::MAX_DEPTH,
            &mut format_template::AutoNumber::new(),
            &mut cb,
        );
        c.result(&row, &got, |s, out| s == text(out));
    }
    c.finish();
}
