# accumulate sums by default, or folds with a function; initial= adds a first value.
from itertools import accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))
