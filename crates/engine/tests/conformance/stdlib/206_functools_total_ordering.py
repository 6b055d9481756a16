# functools.total_ordering fills in the missing comparisons from __eq__ and __lt__
from functools import total_ordering
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= b, b <= b, a == b)
print([v.n for v in sorted([Version(3), Version(1), Version(2)])], max(a, b).n)
