
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x

def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj

def chain(*iterables):
    for it in iterables:
        for x in it:
            yield x

def _from_iterable(iterables):
    for it in iterables:
        for x in it:
            yield x

chain.from_iterable = _from_iterable

def islice(iterable, *args):
    s = slice(*args)
    start = s.start or 0
    stop = s.stop
    step = s.step or 1
    i = 0
    nxt = start
    for x in iterable:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1

def accumulate(iterable, func=None, initial=None):
    total = initial
    first = initial is None
    if initial is not None:
        yield initial
    for x in iterable:
        if first:
            total = x
            first = False
        else:
            total = func(total, x) if func else total + x
        yield total

def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for r in result:
        yield r

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    def rec(prefix, used):
        if len(prefix) == r:
            yield tuple(pool[i] for i in prefix)
            return
        for i in range(n):
            if i not in used:
                yield from rec(prefix + [i], used | {i})
    if r <= n:
        yield from rec([], set())

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    def rec(start, prefix):
        if len(prefix) == r:
            yield tuple(prefix)
            return
        for i in range(start, n):
            yield from rec(i + 1, prefix + [pool[i]])
    yield from rec(0, [])

def zip_longest(*iterables, fillvalue=None):
    its = [iter(it) for it in iterables]
    while True:
        row = []
        alive = 0
        for it in its:
            try:
                row.append(next(it))
                alive += 1
            except StopIteration:
                row.append(fillvalue)
        if not alive:
            return
        yield tuple(row)

def groupby(iterable, key=None):
    keyf = key or (lambda v: v)
    group = []
    cur = None
    first = True
    for x in iterable:
        k = keyf(x)
        if first:
            cur, group, first = k, [x], False
        elif k == cur:
            group.append(x)
        else:
            yield cur, iter(group)
            cur, group = k, [x]
    if not first:
        yield cur, iter(group)

def takewhile(pred, iterable):
    for x in iterable:
        if not pred(x):
            return
        yield x

def dropwhile(pred, iterable):
    dropping = True
    for x in iterable:
        if dropping and pred(x):
            continue
        dropping = False
        yield x

def starmap(func, iterable):
    for args in iterable:
        yield func(*args)

def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b
