# parse_args([]) uses every default; parse_args() reads sys.argv (empty in the playground).
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--delay", type=float, default=0.5)
parser.add_argument("--workers", type=int, default=4)
parser.add_argument("--verbose", "-v", action="count", default=0)
print(parser.parse_args([]))
print(parser.parse_args())
print(parser.parse_args(["-vv", "--delay", "2"]))
