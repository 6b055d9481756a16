# Big / big is CPython's correctly rounded float.
print(10**50 / 7)
print(2**100 / 3**50)
print((10**40 + 1) / 10**40)
print(-10**30 / 3)
print(1 / 2**100)
print(3**300 / 3**299)
