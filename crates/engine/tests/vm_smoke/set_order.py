print({3, 1, 2})
print({10, 100, 1000, 5, 50})
print({"apple", "banana", "cherry"})
s = {1, 2, 3}
s |= {40, 50, 60, 70}
print(s, {1,2} | {3, 99, 1000}, set("hello world"), {x * 7 for x in range(20)})
a = set(range(30)); a.discard(5); a.add(100); print(a)
print({"x", "y"} & {"y", "z"}, frozenset([3, 2, 1]), set([1.5, 2.5, 3]))
