# bytearray slice assignment (growing, shrinking, extended), deletion and +=
ba = bytearray(b"0123456789")
ba[1:3] = b"AB"
ba[5:8] = b""
print(ba)
ba[0:0] = [120, 121]
ba[::2] = b"*" * 5
print(ba)
del ba[0]
del ba[::3]
print(ba, ba[1:4], type(ba[1:4]).__name__)
ba += b"!!"
ba *= 2
print(ba)
alias = ba
alias += b"?"
print(ba is alias, ba[-1])
for bad in [lambda: ba.__setitem__(slice(0, 2), 5), lambda: ba.__setitem__(slice(None, None, 2), b"x"), lambda: ba.__setitem__(0, b"a")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
