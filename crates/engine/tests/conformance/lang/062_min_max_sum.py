# min, max (key, default) and sum (start).
print(min(3, 1, 2), max([4, 8, 6]), min("hello"), max("abc", "b"))
print(max(["aa", "b", "cccc"], key=len), min([(2, "b"), (1, "z")]))
print(min([], default="empty"), max((), default=0))
print(sum([1, 2, 3]), sum(range(101)), sum([0.1] * 10), sum([[1], [2]], []))
print(sum([1, 2], 10))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
