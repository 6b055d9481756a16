# bytes concatenation and repetition, augmented forms, and their TypeErrors.
a = b"ab" + b"cd"
print(a, a * 3, 2 * b"xy", b"" * 5, b"z" * -1, b"ab" + b"")
for bad in [lambda: b"a" + "b", lambda: b"a" * "3", lambda: b"a" + 1, lambda: "a" + b"b", lambda: b"a" * 1.5]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
x = b"ab"
x += b"c"
x *= 2
print(x, len(x), x[1:3] + x[:1])
