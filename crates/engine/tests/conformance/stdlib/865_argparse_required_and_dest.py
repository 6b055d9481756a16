# required options, dest, metavar, and vars() of the result.
import argparse
p = argparse.ArgumentParser(prog="srv")
p.add_argument("--port", required=True, type=int, dest="port_number", metavar="P")
p.add_argument("--host", default="localhost")
a = p.parse_args(["--port", "8080"])
print(vars(a), a.port_number)
try:
    p.parse_args([])
except SystemExit as e:
    print("exit", e.code)
p.print_usage()
