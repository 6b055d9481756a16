# operator's in-place functions: lists change in place, immutables return new values
import operator as op
a = [1]
b = op.iadd(a, [2])
print(a, b is a, op.iadd(1, 2), op.isub(5, 1), op.imul("ab", 2), op.itruediv(9, 2), op.ifloordiv(9, 2))
print(op.imod(9, 4), op.ipow(3, 3), op.ilshift(1, 3), op.irshift(16, 2), op.iand(7, 2), op.ior(4, 1), op.ixor(5, 1))
c = [0]
print(op.iconcat(c, [9]), c)
