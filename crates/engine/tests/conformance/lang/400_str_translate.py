# str.maketrans builds the table str.translate reads: from two strings, a dict, and a third string of deletions.
table = str.maketrans("abc", "xyz", "!")
print(sorted(table.items()))
print("a b c! cab!".translate(table))
print("hello".translate({ord("l"): "L", ord("o"): None, 104: 72}))
print("hello".translate(str.maketrans({"e": "3", "o": "0"})))
print("keep".translate({}))
print("tab\there".translate({9: "    "}))


class Upper:
    def __getitem__(self, n):
        if chr(n) in "aeiou":
            return chr(n).upper()
        raise LookupError(n)


print("translate vowels".translate(Upper()))
print("".maketrans("ab", "ba"))
for bad in [
    lambda: str.maketrans(1),
    lambda: str.maketrans({"ab": 1}),
    lambda: str.maketrans({1.5: 1}),
    lambda: str.maketrans("ab", "c"),
    lambda: str.maketrans(1, "a"),
    lambda: str.maketrans("a", 1),
    lambda: str.maketrans("a", "b", 1),
    lambda: str.maketrans(),
    lambda: "abc".translate({97: 2**40}),
    lambda: "abc".translate({97: -1}),
    lambda: "abc".translate({97: 1.5}),
    lambda: "abc".translate(5),
    lambda: "abc".translate(),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
