# sorted() over big ints, small ints and floats.
print(sorted([2**70, -1, 2.5, -2**80, 10**20, 1e21]))
print(sorted([3**40, 2**63, 2**64], reverse=True))
