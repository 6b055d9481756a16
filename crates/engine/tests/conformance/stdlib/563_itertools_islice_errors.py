# islice refuses negative indices and a zero step with CPython's messages.
from itertools import islice
for args in [(-1,), (1, -2), (0, 3, 0), ("a",)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print(args, e)
