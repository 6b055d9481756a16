# copy and deepcopy of instances of ordinary classes: attributes copied, one level or all the way
import copy
class Point:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags
    def __repr__(self):
        return f"Point({self.x}, {self.tags})"
p = Point(1, ["a"])
s = copy.copy(p)
d = copy.deepcopy(p)
p.tags.append("b")
p.x = 5
print(p, s, d, type(s).__name__, s is p, s.tags is p.tags, d.tags is p.tags)
