# operator: comparisons, truth, not_, is_, is_not
import operator as op
for a, b in ((1, 2), (2, 2), ("b", "a")):
    print(op.lt(a, b), op.le(a, b), op.eq(a, b), op.ne(a, b), op.ge(a, b), op.gt(a, b))
x = [1]
print(op.not_([]), op.truth([0]), op.truth(0), op.is_(x, x), op.is_(x, [1]), op.is_not(None, None))
print(op.__lt__(1, 2), op.__eq__("a", "a"))
try:
    op.lt(1, "a")
except TypeError as e:
    print("TypeError", e)
