# chain and chain.from_iterable join iterables lazily.
from itertools import chain
print(list(chain("ab", [1, 2], (3,))), list(chain()), list(chain.from_iterable(["ab", "cd"])))
c = chain([1], [2])
print(next(c), next(c), next(c, "end"))
