# 2**100 and neighbours print exactly and are ints.
print(2**100)
print(2**64, 2**63, 2**63 - 1)
print(type(2**100).__name__, isinstance(2**100, int))
