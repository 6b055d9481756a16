"""For the tools that run code on CPython beside the oracle (cpython_steps.py,
cpython_lines.py, prelude_check.py): restart the calling script under the
oracle's environment, then load tools/oracle.py (which installs the virtual
clock) as a module.

    from oracle_env import load_oracle
    oracle = load_oracle(__file__)
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
