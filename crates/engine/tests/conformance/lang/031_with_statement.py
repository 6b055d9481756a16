# with statement and exceptions crossing it.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name)
        return False

def use():
    with Resource("r1") as r:
        print("using", r.name)
        return "returned from inside with"

print(use())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        print("body", i)
try:
    with Resource("failing"):
        [][0]
except IndexError as e:
    print("IndexError:", e)
