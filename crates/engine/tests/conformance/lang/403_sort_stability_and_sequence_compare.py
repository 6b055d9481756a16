# Sorting keeps equal items in order (also reversed and with a key), an error in a comparison leaves the list whole, and list/tuple comparisons call __eq__ exactly where CPython does.
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"L{self.v}"

pairs = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e")] * 5
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs, reverse=True)[:6])
words = ["pear", "Fig", "apple", "kiwi", "Plum", "date", "fig"] * 4
words.sort(key=str.lower)
print(words)
print(sorted(range(40), key=lambda i: (i % 3, -i)))
print(sorted([5, 4, 3, 2, 1] * 8)[::8])
nums = list(range(30, 0, -1))
mixed = nums + ["x"]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(len(mixed), sorted(mixed[:-1])[:3])

# Lists of different lengths are unequal before any item is compared.
print([Loud(1), Loud(2)] == [Loud(1)])
print([Loud(1), Loud(2)] != [Loud(1), Loud(2), Loud(3)])
# Tuples compare items first.
print((Loud(1), Loud(2)) == (Loud(1),))
print([Loud(1), Loud(2)] < [Loud(1), Loud(3)])
print((Loud(1), Loud(5)) > (Loud(1), Loud(3), Loud(0)))
print([[1, 2], [3]] == [[1, 2], [3]], [[1, 2], [3]] < [[1, 2], [3, 0]])
