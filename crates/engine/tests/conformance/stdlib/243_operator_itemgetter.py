# operator.itemgetter: one or many items, as a sort key, with dicts and strings, and its repr
from operator import itemgetter
rows = [("bob", 3, "b"), ("alice", 5, "a"), ("carol", 3, "c")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("xyz"), itemgetter(1, 3, 5)("ABCDEF"), itemgetter("a", "b")({"a": 1, "b": 2}))
print(list(map(itemgetter(-1), rows)), itemgetter(slice(1, None))([1, 2, 3]))
print(itemgetter(1), itemgetter("a", 2))
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError", e)
