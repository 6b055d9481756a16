#!/usr/bin/env python3
"""The oracle of the conformance group `processes/`: run a multiprocessing program
under real CPython 3.11 with the *spawn* start method, and print what the Looplab
engine must print.

Usage:  python3 tools/oracle_processes.py [--timed] FILE.py

Why not tools/oracle.py: spawn children re-run the program in fresh interpreters,
which the oracle's patches (virtual clock, baton between threads, captured output)
do not reach. So this runner fakes only what reaches every process, through a
`sitecustomize` module on PYTHONPATH: os.cpu_count() == 4 and spawn as the
default start method; PYTHONHASHSEED=0, TZ=UTC, unbuffered output (so the lines of all processes
reach the pipe in the order they are written).

Rules for the programs of the group (README.md there): they must not depend on
time (no sleep, no timeout that expires: every stdout line is stamped t=0.000),
must not print pids or addresses they cannot mask, and print only what CPython
fixes whatever the processes' timing (the parent prints after join, Pool.map's
results in order, errors caught and printed).

Output: as tools/oracle.py's (stdout lines prefixed with "[t=0.000] " under
--timed, then "!! uncaught" and the exception line if one escaped the main
program); stderr normalised: the program's path reads "<lesson>", the standard
library's directory "<stdlib>", addresses "0x...". Exit status 0; 2 for bad usage.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

SITECUSTOMIZE = '''\
import os
os.cpu_count = lambda: 4
import multiprocessing.context as _context
# spawn as the default start method; set_start_method still works as in a fresh run
_context._default_context._default_context = _context._concrete_contexts["spawn"]
'''

DRIVER = '''\
import sys, traceback, types
path = sys.argv[1]
module = types.ModuleType("__main__")
module.__file__ = path
sys.modules["__main__"] = sys.modules["__mp_main__"] = module
sys.argv = [path]
try:
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), module.__dict__)
except SystemExit:
    raise
except BaseException as exc:
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb)
    line = traceback.format_exception_only(type(exc), exc)[0].rstrip("\\n")
    sys.stdout.write("\\x00MARKER!! uncaught\\n" + line + "\\n")
'''

REAL_TIME_LIMIT_S = 60


def main(argv):
    args = argv[1:]
    timed = False
    if args and args[0] == "--timed":
        timed = True
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write("usage: oracle_processes.py [--timed] FILE.py\n")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        program = os.path.join(tmp, "lesson.py")
        shutil.copyfile(args[0], program)
        site = os.path.join(tmp, "site")
        os.mkdir(site)
        with open(os.path.join(site, "sitecustomize.py"), "w") as f:
            f.write(SITECUSTOMIZE)
        driver = os.path.join(tmp, "driver.py")
        with open(driver, "w") as f:
            f.write(DRIVER)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": tmp,
            "PYTHONPATH": site,
            "PYTHONHASHSEED": "0",
            "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TZ": "UTC",
            "LANG": "C.UTF-8",
        }
        proc = subprocess.run(
            [sys.executable, driver, program],
            capture_output=True,
            cwd=tmp,
            env=env,
            timeout=REAL_TIME_LIMIT_S,
        )
        stdlib = os.path.dirname(os.__file__)

        def normalise(text):
            text = text.replace(program, "<lesson>").replace(stdlib, "<stdlib>")
            return re.sub(r"0x[0-9a-f]+", "0x...", text)

        out = normalise(proc.stdout.decode("utf-8"))
        err = normalise(proc.stderr.decode("utf-8"))
    marker = ""
    if "\x00MARKER" in out:
        out, marker = out.split("\x00MARKER", 1)
    if timed:
        lines = out.splitlines()
        out = "".join("[t=0.000] " + line + "\n" for line in lines)
    sys.stdout.write(out + marker)
    sys.stderr.write(err)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
