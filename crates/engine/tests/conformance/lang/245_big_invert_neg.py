# ~ and unary minus on big ints.
x = 2**100
print(~x, ~-x, -x, +x, -(-x) == x)
print(~(2**63 - 1), ~(-2**63))
