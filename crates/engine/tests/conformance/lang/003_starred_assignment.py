# Starred targets collect the rest into a list.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
head, *tail = [9]
print(head, tail)
try:
    x, *y, z = [1]
except ValueError as e:
    print("ValueError:", e)
