# nargs ?, *, +, a number; append and store_const actions.
import argparse
p = argparse.ArgumentParser()
p.add_argument("src", nargs="+")
p.add_argument("dst", nargs="?", default="out")
p.add_argument("--pair", nargs=2, type=int)
p.add_argument("--tag", action="append")
p.add_argument("--fast", action="store_const", const="FAST", default="SLOW")
p.add_argument("--no-cache", action="store_false", dest="cache")
print(p.parse_args(["a", "b", "c", "--pair", "1", "2", "--tag", "x", "--tag", "y"]))
print(p.parse_args(["a", "--fast", "--no-cache"]))
