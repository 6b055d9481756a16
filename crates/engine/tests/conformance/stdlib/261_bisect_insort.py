# insort/insort_left/insort_right keep a list sorted; equal items go after (right) or before (left)
import bisect
a = []
for x in [5, 1, 4, 1, 3, 9, 2]:
    bisect.insort(a, x)
print(a)
pairs = [(1, "a"), (2, "b")]
bisect.insort_left(pairs, (2, "a"))
bisect.insort_right(pairs, (1, "z"))
print(pairs)
b = [1.0, 2.0]
bisect.insort_left(b, 1)
bisect.insort_right(b, 2)
print(b, [type(v).__name__ for v in b])
