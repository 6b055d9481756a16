# closing() calls close() at the end of the block, even after an exception.
from contextlib import closing
class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)
with closing(Resource("a")) as r:
    print("using", r.name)
try:
    with closing(Resource("b")):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
