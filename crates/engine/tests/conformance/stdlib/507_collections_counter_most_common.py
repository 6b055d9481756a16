# most_common with and without n; ties keep first-seen order.
from collections import Counter
c = Counter("mississippi")
print(c.most_common())
print(c.most_common(2), c.most_common(0))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3))
