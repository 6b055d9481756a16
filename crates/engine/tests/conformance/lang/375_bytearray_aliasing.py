# a bytearray is shared by its names; slicing and bytes() make copies
a = bytearray(b"abc")
b = a
c = a[:]
d = bytes(a)
a[0] = 120
a += b"!"
print(a, b, c, d, a is b, c is a)
def fill(buf):
    buf.extend(b"zz")
fill(b)
print(a, len(a))
