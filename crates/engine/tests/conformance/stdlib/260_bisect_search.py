# bisect_left/bisect_right/bisect on sorted lists with duplicates, lo and hi bounds
import bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 5, hi=4))
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
