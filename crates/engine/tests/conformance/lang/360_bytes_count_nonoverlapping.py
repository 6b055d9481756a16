# count and replace work left to right on non-overlapping occurrences
print(b"aaaa".count(b"aa"), b"aaaa".replace(b"aa", b"b"), b"abababa".count(b"aba"), b"abababa".find(b"aba", 1))
print(b"aaaa".rfind(b"aa"), b"aaaa".rindex(b"a", 0, 2), b"abc".count(b"", 1), b"".count(b""))
