# reprs of bytes and bytearray choose quotes and escapes as CPython does
for b in [b"", b"'", b'"', b"'\"", b"\\", b"\n\r\t", b"\x00\x1f\x7f\x80\xff", b"plain text"]:
    print(repr(b), repr(bytearray(b)), str(b))
print([b"a", bytearray(b"b")], {b"k": bytearray()})
