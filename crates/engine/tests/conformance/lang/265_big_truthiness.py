# Big ints are truthy; results that reach zero are falsy.
x = 2**100
print(bool(x), bool(-x), not x, bool(x - x))
if x:
    print('true')
print(x and 1, 0 or x)
