# pprint sorts dict keys of one type; objects with their own repr are printed with it
import pprint
class Job:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Job({self.n})"
pprint.pprint({3: "c", 1: "a", 2: "b"})
pprint.pprint({"jobs": [Job(i) for i in range(12)], "done": (Job(0),)}, width=40)
pprint.pprint({(2, "b"): 1, (1, "z"): 2, (1, "a"): 3})
