# centring puts the odd fill byte where CPython does, for odd and even widths and lengths
for w in range(2, 9):
    print(w, b"ab".center(w, b"."), b"abc".center(w, b"."))
