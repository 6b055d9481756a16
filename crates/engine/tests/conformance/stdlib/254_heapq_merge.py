# heapq.merge: merging sorted inputs lazily, with key and reverse, ties in input order
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 1], [1, 2], [])))
print(list(heapq.merge(["a1", "c1"], ["b2", "a2"][::-1][::-1], key=lambda s: s[0])))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge()), next(heapq.merge(iter([3]), iter([2]))))
