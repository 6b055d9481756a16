# find/rfind/index/rindex/count on bytes with a sub-bytes or an int, and start/end
b = b"abracadabra"
print(b.find(b"bra"), b.rfind(b"bra"), b.find(97), b.find(b"zz"), b.count(b"a"), b.count(b"a", 1, 5))
print(b.find(b"a", 4), b.find(b"", 11), b.find(b"", 12), b.count(b""), b.index(b"cad"), b.rindex(ord("a")))
try:
    b.index(b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    b.find("a")
except TypeError as e:
    print("TypeError:", e)
