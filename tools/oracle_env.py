"""For the tools that run code on CPython beside the oracle (cpython_steps.py,
cpython_lines.py, prelude_check.py): restart the calling script under the
oracle's environment, then load tools/oracle.py (which installs the virtual
clock) as a module.

    from oracle_env import load_oracle
    oracle = load_oracle(__file__)

and, for those that record a listing while the program runs
(cpython_steps.py, cpython_lines.py, cpython_locals.py), `run_and_list` to
end the run by writing that listing instead of the program's output;
`trace_lines` calls a function at every line CPython runs in the program's
own frames, `current_task_name` names the task running.
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The same settings as oracle.py's own restart (hash seed, time zone).
ORACLE_ENV = {"PYTHONHASHSEED": "0", "TZ": "UTC"}


def load_oracle(script):
    """Re-executes `script` (with the same arguments) unless the process
    already runs under ORACLE_ENV, then returns oracle.py loaded as
    `looplab_oracle`."""
    if any(os.environ.get(k) != v for k, v in ORACLE_ENV.items()):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(ORACLE_ENV)
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        os.execve(sys.executable, [sys.executable, os.path.abspath(script)] + sys.argv[1:], env)
    spec = importlib.util.spec_from_file_location("looplab_oracle", os.path.join(HERE, "oracle.py"))
    oracle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oracle)
    return oracle


def run_and_list(oracle, tool, lines, oracle_args, before_exit=None):
    """Runs the program named on the command line through `oracle` (with
    `oracle_args` before its path, e.g. ["--timed"]) and, when it ends,
    writes `lines` (the listing the tool recorded meanwhile) to stdout in
    place of the oracle's own output; `before_exit` runs first (e.g. to
    stop tracing). `tool` names the script in the usage message."""

    def finish_and_exit(code=0):
        if before_exit is not None:
            before_exit()
        sys.__stdout__.write("".join(line + "\n" for line in lines))
        sys.__stdout__.flush()
        os._exit(code)

    oracle.finish_and_exit = finish_and_exit
    if len(sys.argv) != 2:
        sys.__stderr__.write(f"usage: {tool} FILE.py\n")
        sys.__stderr__.flush()
        # (Not sys.exit: the oracle's virtual world keeps the interpreter
        # from shutting down normally, so a usage error used to hang.)
        os._exit(2)
    sys.exit(oracle.main(["oracle"] + oracle_args + [sys.argv[1]]))


def current_task_name():
    """The running asyncio task's name, "-" outside any task (the module's
    own code, `asyncio.run`'s set-up) or without a running loop."""
    import asyncio

    try:
        task = asyncio.current_task()
    except RuntimeError:  # no running loop
        return "-"
    return "-" if task is None else task.get_name()


def trace_lines(oracle, on_line):
    """Calls `on_line(frame)` at every `sys.settrace` "line" event of the
    program's own frames (library frames are not traced), from the moment
    `oracle.main` compiles the program: nothing of the oracle's own set-up
    is traced. Stop with `sys.settrace(None)`."""

    def local(frame, event, arg):
        if event == "line":
            on_line(frame)
        return local

    def program_frames(frame, event, arg):
        return local if frame.f_code.co_filename == oracle.LESSON else None

    compile_code = compile

    def compile_and_trace(*args, **kwargs):
        code = compile_code(*args, **kwargs)
        if len(args) > 1 and args[1] == oracle.LESSON:
            sys.settrace(program_frames)
        return code

    oracle.compile = compile_and_trace
