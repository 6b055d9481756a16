# String concatenation, repetition, comparison, iteration and immutability.
s = "py" * 3 + "!"
print(s, len(s), s[0], s[-1])
print("abc" < "abd", "Z" < "a", "apple" > "app")
print(list("hey"), [c for c in "hello" if c in "aeiou"])
print(" ".join(reversed("a b c".split())))
try:
    s[0] = "P"
except TypeError as e:
    print("TypeError:", e)
print("a,b".split(",") == ["a", "b"], str(12) + "3", int("1" + "2") + 3)
print("é".upper(), "straße".upper(), len("日本語"), "日本語"[1])
