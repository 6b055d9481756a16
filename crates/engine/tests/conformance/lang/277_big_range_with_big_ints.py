# range() steps that stay in 64 bits with big products.
r = range(0, 2**62, 2**60)
print(list(r), len(r))
print(sum(x * x for x in r))
