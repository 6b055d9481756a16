# abs() of big ints and of -2**63.
print(abs(-2**63), abs(-2**100), abs(2**100), (-2**70).__abs__())
