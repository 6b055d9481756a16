# operator: the arithmetic and bitwise functions, and their dunder aliases
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(256, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.add("ab", "cd"), op.mul([0], 3))
print(op.__add__(1, 2), op.__mul__(3, 3), op.__and__(6, 3), op.__not__(0), op.__neg__(1), op.__abs__(-2))
try:
    op.truediv(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
