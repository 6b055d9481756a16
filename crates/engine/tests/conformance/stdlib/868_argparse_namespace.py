# Namespace objects: repr, equality, `in`, and parsing into an existing namespace.
import argparse
ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns, "z" in ns)
p = argparse.ArgumentParser()
p.add_argument("--level", type=int, default=0)
p.add_argument("--name")
target = argparse.Namespace(extra=True)
print(p.parse_args(["--level", "2"], namespace=target))
print(p.parse_known_args(["--name", "n", "--other", "7"]))
