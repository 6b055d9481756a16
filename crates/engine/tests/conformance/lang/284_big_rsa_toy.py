# A toy RSA round trip with big modular arithmetic.
p, q = 2**61 - 1, 2**89 - 1
n = p * q
e = 65537
d = pow(e, -1, (p - 1) * (q - 1))
m = 1234567890123456789
c = pow(m, e, n)
print(n)
print(pow(c, d, n) == m)
