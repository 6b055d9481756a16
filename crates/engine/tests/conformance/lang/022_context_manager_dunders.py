# __enter__/__exit__: the with statement, exceptions and suppression.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as value:
    print("inside with", value)

with Tracker("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with Tracker("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)
