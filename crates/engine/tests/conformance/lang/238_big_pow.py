# ** with big results and big bases.
print(3**100)
print((-3)**101)
print((2**40)**3)
print(7**0, (10**20)**1, 0**100, 1**(2**70), (-1)**(2**70 + 1))
