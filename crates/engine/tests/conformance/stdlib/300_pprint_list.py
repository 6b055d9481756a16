# pprint.pprint of lists: one line when it fits, one item per line otherwise
import pprint
pprint.pprint(list(range(10)))
pprint.pprint(list(range(40)))
pprint.pprint([["nested", "list"], ["of", "strings"]] * 6)
pprint.pprint([], width=1)
pprint.pprint([[1, [2, [3, [4, [5]]]]]], width=10)
