# The i64 corner -2**63 // -1 promotes.
x = -2**63
print(x // -1, x * -1, x % -1, divmod(x, -1))
print(abs(x), -x)
