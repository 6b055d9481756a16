# hash() of big ints is CPython's value modulo 2**61 - 1.
for x in [2**61 - 1, 2**61, 2**61 + 1, 2**64, 2**100, -2**64, -2**100, 10**30, -(2**61 - 2) - 2**61]:
    print(x, hash(x))
