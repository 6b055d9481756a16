from collections import deque, defaultdict, Counter, namedtuple
import itertools
d = deque([1, 2, 3], maxlen=3); d.append(4); d.appendleft(0); print(d, len(d), d.popleft(), d)
dd = defaultdict(list); dd["a"].append(1); dd["b"]; print(dd, dict(dd.items()), "a" in dd)
c = Counter("mississippi"); print(c.most_common(2), c["s"], c["z"])
P = namedtuple("P", "x y"); p = P(1, y=2); print(p, p.x, p[1], list(p), p._asdict())
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.chain([1], (2, 3))), list(itertools.product("ab", repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abc", 2)), list(itertools.accumulate([1, 2, 3])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest("ab", "x", fillvalue="-")))
