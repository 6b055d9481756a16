# == on lists nested 20,000 deep raises RecursionError, as in CPython.
a = []
b = []
for i in range(20_000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
