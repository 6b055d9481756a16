# takewhile stops at the first failure, dropwhile starts there.
from itertools import takewhile, dropwhile
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(str.isdigit, "123abc")), list(dropwhile(lambda x: True, "abc")))
