# %-formatting of bytes (PEP 461): %s/%b take bytes, %r/%a give ascii(), numbers as for str
print(b"%s and %b" % (b"spam", bytearray(b"eggs")))
print(b"%d items at %5.2f, %x %o %c%c" % (3, 2.5, 255, 8, 65, b"!"))
print(b"%r %a" % ("caf\xe9", b"x"))
print(b"%(name)s=%(n)03d" % {b"name": b"k", b"n": 7})
print(b"[%-6s][%6s][%.2s]" % (b"ab", b"cd", b"xyz"), b"100%%" % ())
for fmt, args in [(b"%s", "text"), (b"%d", b"1"), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")), (b"%c", 300), (b"%z", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
