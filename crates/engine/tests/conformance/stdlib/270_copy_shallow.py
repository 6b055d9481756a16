# copy.copy: new outer containers sharing the same inner objects; immutables come back as they are
import copy
inner = [1, 2]
for x in ([inner, 3], {"k": inner}, {1, 2}, (inner,), "text", 5, None, frozenset({1})):
    y = copy.copy(x)
    print(type(x).__name__, y == x, y is x)
l = [inner, 3]
c = copy.copy(l)
c[0].append(9)
c.append(4)
print(l, c)
