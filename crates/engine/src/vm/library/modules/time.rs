//! The `time` module on the virtual clock: `time.time()` is
//! [`EPOCH_OFFSET_SECS`] plus the clock; `sleep` goes through
//! `Vm::sleep_hook` so the event-loop glue can park a worker thread
//! instead of advancing the clock.


use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::{num, reg};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// `time.time()` at virtual clock 0: 2024-01-01 00:00:00 UTC.
pub const EPOCH_OFFSET_SECS: i64 = 1_704_067_200;

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` for a Unix timestamp (UTC).
pub fn format_datetime(unix: i64, micros: u64) -> String {
    let days = unix.div_euclid(86400);
    let rem = unix.rem_euclid(86400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if mo <= 2 { y + 1 } else { y };
    let mut out = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}");
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("time");
    reg(vm, &g, "time", |vm, _, _| {
        Ok(Value::Float(
            EPOCH_OFFSET_SECS as f64 + vm.now_ns() as f64 / 1e9,
        ))
    });
    reg(vm, &g, "time_ns", |vm, _, _| {
        Ok(Value::Int(
            EPOCH_OFFSET_SECS * 1_000_000_000 + vm.now_ns() as i64,
        ))
    });
    reg(vm, &g, "monotonic", |vm, _, _| {
        Ok(Value::Float(vm.now_ns() as f64 / 1e9))
    });
    reg(vm, &g, "perf_counter", |vm, _, _| {
        Ok(Value::Float(vm.now_ns() as f64 / 1e9))
    });
    reg(vm, &g, "monotonic_ns", |vm, _, _| {
        Ok(Value::Int(vm.now_ns() as i64))
    });
    reg(vm, &g, "perf_counter_ns", |vm, _, _| {
        Ok(Value::Int(vm.now_ns() as i64))
    });
    reg(vm, &g, "sleep", |vm, a, _| {
        nargs(vm, "sleep", a, 1, 1)?;
        let secs = num(vm, &a[0])?;
        if secs < 0.0 {
            return Err(vm.value_error("sleep length must be non-negative"));
        }
        match vm.sleep_hook.clone() {
            Some(h) => h(vm, secs),
            None => {
                vm.clock_ns += (secs * 1e9).round() as u64;
                Ok(Value::None)
            }
        }
    });
    // The calendar functions are written in Python (`_timefmt.py`).
    if let Value::Module(cal) = vm.import("_timefmt")? {
        for name in [
            "struct_time", "gmtime", "localtime", "mktime", "asctime", "ctime", "strftime",
            "timezone", "altzone", "daylight", "tzname",
        ] {
            if let Some(v) = cal.globals.get(name) {
                g.set_str(name, v);
            }
        }
    }
    Ok(m)
}
