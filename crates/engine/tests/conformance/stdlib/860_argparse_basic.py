# Positional and optional arguments, type and default, parsed from an explicit list.
import argparse
parser = argparse.ArgumentParser(description="Greet someone.")
parser.add_argument("name", help="who to greet")
parser.add_argument("-n", "--times", type=int, default=1, help="how many times")
parser.add_argument("--shout", action="store_true", help="use capitals")
args = parser.parse_args(["ann", "-n", "3"])
print(args)
print(args.name, args.times, args.shout)
print(parser.parse_args(["bob", "--shout", "--times=2"]))
