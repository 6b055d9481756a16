# heapq.heapify on several lists: the resulting layout matches CPython's, element for element
import heapq
import random
random.seed(4)
for n in (0, 1, 2, 5, 10, 31):
    xs = [random.randint(0, 99) for _ in range(n)]
    heapq.heapify(xs)
    print(xs)
words = ["pear", "apple", "fig", "kiwi", "banana"]
heapq.heapify(words)
print(words)
