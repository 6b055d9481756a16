# sorted (key, reverse, stability) and reversed.
words = ["banana", "Apple", "cherry", "apple", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: "x", 1: "y"}))
records = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(records, key=lambda r: r[1]))
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(3))))
lst = [5, 2, 9]
lst.sort()
print(lst)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
