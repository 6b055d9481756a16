# A chain of 100,000 exceptions linked by __cause__, dropped.
e = None
for i in range(100_000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
e = None
print("ok")
