# action="version" prints the version; a long usage line wraps like CPython's.
import argparse
p = argparse.ArgumentParser(prog="app")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]:
    p.add_argument("--" + name + "-option", metavar=name.upper() + "_VALUE")
p.add_argument("inputs", nargs="*")
p.print_usage()
try:
    p.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)
