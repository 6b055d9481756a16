# center/ljust/rjust with a fill byte, zfill with a sign, expandtabs, splitlines
print(b"ab".center(7, b"*"), b"ab".center(6), b"abc".center(6, b"."), b"ab".ljust(5, b"-"), b"ab".rjust(5), b"long".center(2))
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(4), b"".zfill(2))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"x\n\ty".expandtabs(2))
print(b"one\ntwo\r\nthree\rfour".splitlines(), b"a\nb\n".splitlines(True))
try:
    b"x".center(5, "*")
except TypeError as e:
    print("TypeError:", e)
