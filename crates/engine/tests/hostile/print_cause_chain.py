# An uncaught exception at the end of a chain of 20,000 `raise ... from`.
e = None
for i in range(20_000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
raise e
