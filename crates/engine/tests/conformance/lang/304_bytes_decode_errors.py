# bytes.decode with every errors= handler, and UnicodeDecodeError's exact message
data = b"caf\xc3\xa9 \xff!"
for errors in ["ignore", "replace", "backslashreplace"]:
    print(errors, repr(data.decode("utf-8", errors)))
for bad in [b"\xff", b"ab\xe2\x82", b"\xe2\x28\xa1", b"\xc3", b"\xf0\x90\x28", b"\x80abc", b"\xed\xa0\x80"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
try:
    b"a\xe9b".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError), e)
print(b"a\xe9b".decode("latin-1"), b"a\xe9b".decode("ascii", errors="replace"))
try:
    b"x".decode("klingon")
except LookupError as e:
    print("LookupError:", e)
