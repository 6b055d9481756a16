# &, |, ^ on big ints, including negatives.
a, b = 2**100 + 12345, 2**90 + 54321
print(a & b, a | b, a ^ b)
print(-a & b, -a | b, -a ^ -b)
print(a & -1 == a, a | 0 == a, a ^ a)
