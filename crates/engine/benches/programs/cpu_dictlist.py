# Benchmark: dict and list churn (insert, lookup, delete, sort, comprehensions).
d = {}
for i in range(200_000):
    d[i * 7 % 100_003] = i
hits = 0
for i in range(200_000):
    if i in d:
        hits += d[i] % 10
for k in list(d):
    if k % 3 == 0:
        del d[k]
lst = [v * 13 % 1009 for v in d.values()]
lst.sort()
evens = [x for x in lst if x % 2 == 0]
buckets = {}
for x in lst:
    buckets.setdefault(x % 100, []).append(x)
stack = []
for i in range(300_000):
    if i % 3 == 2:
        stack.pop()
    else:
        stack.append(i)
pairs = sorted(((v, k) for k, v in list(d.items())[:50_000]), reverse=True)
print(len(d), hits, len(evens), sum(lst), len(buckets), len(stack), pairs[0])
