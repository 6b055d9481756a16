# Square-and-multiply by hand equals pow(a, b, m).
def modexp(a, b, m):
    r = 1
    a %= m
    while b:
        if b & 1:
            r = r * a % m
        a = a * a % m
        b >>= 1
    return r
m = 2**127 - 1
print(modexp(3, 2**90 + 7, m), pow(3, 2**90 + 7, m))
