# Bad input: usage and "prog: error: ..." on stderr, exit status 2.
import argparse
parser = argparse.ArgumentParser(prog="tool")
parser.add_argument("count", type=int)
parser.add_argument("--color", choices=["red", "green"])
parser.add_argument("--size", type=int)
for argv in [[], ["x"], ["1", "--color", "blue"], ["1", "--size"], ["1", "--bogus"], ["1", "2"]]:
    try:
        parser.parse_args(argv)
    except SystemExit as e:
        print(argv, "exit", e.code)
