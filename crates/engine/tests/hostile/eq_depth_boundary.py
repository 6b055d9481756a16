# The depth at which == gives up is CPython's.
for n in (900, 995, 998, 999, 1000):
    a = []
    b = []
    for i in range(n):
        a = [a]
        b = [b]
    try:
        print(n, a == b)
    except RecursionError as e:
        print(n, "RecursionError:", e)
