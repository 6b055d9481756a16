# bytes %-formatting with * width and precision, flags and padding
print(b"[%*d]" % (5, 42), b"[%-*d]" % (5, 42), b"[%.*f]" % (2, 3.14159), b"[%+05d]" % 7, b"[%#x]" % 255)
print(b"[%5b]" % b"ab", b"[%-5b]" % b"ab", b"%x%%" % 10, b"%c%c%c" % (b"a", 98, bytearray(b"c")))
print(b"%(a)s-%(a)s" % {b"a": b"twice"}, b"%s" % (b"tuple",), b"no args" % ())
