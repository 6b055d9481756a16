# Big ints as dict keys and set members, equal to floats.
d = {2**100: 'a', 2**64: 'b'}
print(d[2**100], d[2**64], 2**64 in d, float(2**64) in d)
d[float(2**100)] = 'c'
print(d)
s = {2**70, 2**70, 2.0**70, 2**71}
print(len(s))
