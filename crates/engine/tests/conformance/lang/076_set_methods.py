# set methods and operators (results sorted for display).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(a.issubset({1, 2, 3, 4, 5}), {1, 2} <= a, a.isdisjoint({9}), a.issuperset({1}))
s = set()
s.add(1)
s.update([2, 3])
s.discard(9)
s.remove(1)
print(sorted(s), len(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(s.pop() in {2, 3}, len(s))
