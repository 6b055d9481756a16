# hash(big int) equals hash of the equal float.
for k in [64, 80, 100, 500, 1000]:
    print(k, hash(2**k) == hash(float(2**k)), hash(-2**k) == hash(-float(2**k)))
