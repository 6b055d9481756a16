# Exact comparison between big ints and floats.
x = 2**53 + 1
print(x == float(x), x > float(x), float(x) < x)
print(2**1000 < float('inf'), -2**1000 > float('-inf'), 2**1000 == float('nan'), 2**1000 != float('nan'))
print(2**100 == 2.0**100, 2**100 + 1 > 2.0**100, 10**400 > 1e308)
