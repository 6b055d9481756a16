# -2**63 - 1 crosses the bottom of the 64-bit range.
x = -2**63
print(x, x - 1, type(x - 1).__name__)
print(-x, abs(x), -(x - 1))
