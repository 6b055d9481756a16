# Padding to a negative width, down to the smallest 64-bit integer, leaves the text as it is (found by the mutation tester: the margin overflowed).
w = -9223372036854775808
print(repr("ab".rjust(w)), repr("ab".ljust(w, "*")), repr("ab".center(w)), repr("-7".zfill(w)))
print(repr(b"ab".rjust(w)), repr(b"ab".ljust(w)), repr(b"ab".center(w)), repr(b"-7".zfill(w)))
print(repr("ab".rjust(-1)), repr(f"{'ab':>{3}}"), repr("7".zfill(-5)))
