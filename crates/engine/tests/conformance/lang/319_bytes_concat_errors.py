# errors mixing bytes with str: concatenation, repetition by a float, and bytes.join
for f in [lambda: b"a" + "b", lambda: "a" + b"b", lambda: b"a" * 1.5, lambda: bytearray(b"a") + "b", lambda: b"ab"[0:1] + 1]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
x = bytearray(b"a")
try:
    x += "b"
except TypeError as e:
    print("TypeError:", e)
