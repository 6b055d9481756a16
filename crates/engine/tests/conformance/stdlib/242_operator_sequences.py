# operator: concat, contains, countOf, indexOf, getitem, setitem, delitem, index, length_hint and errors
import operator as op
a = [1, 2, 3, 2]
print(op.concat([1], [2]), op.concat("a", "b"), op.contains(a, 2), op.countOf(a, 2), op.indexOf(a, 3))
print(op.getitem(a, 1), op.getitem("hello", slice(1, 3)), op.getitem({"k": 9}, "k"))
op.setitem(a, 0, 10)
op.delitem(a, -1)
print(a, op.index(7), op.index(True), op.length_hint([1, 2]), op.length_hint(5, 9))
for f, args in ((op.concat, (1, 2)), (op.indexOf, ([1], 5)), (op.index, (2.5,)), (op.getitem, ([], 0))):
    try:
        f(*args)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
