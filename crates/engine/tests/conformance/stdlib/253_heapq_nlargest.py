# heapq.nlargest/nsmallest with keys and ties (stable, like sorted)
import heapq
data = [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1)]
print(heapq.nlargest(3, data, key=lambda p: p[1]), heapq.nsmallest(3, data, key=lambda p: p[1]))
print(heapq.nlargest(2, [5, 1, 9, 3]), heapq.nsmallest(10, [5, 1, 9]), heapq.nlargest(0, [1]), heapq.nsmallest(1, []))
print(heapq.nlargest(3, "hello world"), heapq.nsmallest(2, {4: 0, 2: 0, 8: 0}))
